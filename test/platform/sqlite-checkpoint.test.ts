// The write-ahead log is copied into the database by the scheduler's checkpoint, not inside a booking's commit.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteDatabase } from "../../src/platform/db/sqlite.ts";

const open: { db: SqliteDatabase; dir: string }[] = [];
afterEach(async () => {
  for (const { db, dir } of open.splice(0)) {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function fresh(): { db: SqliteDatabase; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-wal-"));
  const file = path.join(dir, "creneau.sqlite");
  const db = openSqlite(file);
  open.push({ db, dir });
  return { db, file };
}

describe("SQLite write-ahead log", () => {
  it("is not checkpointed by a commit below 10,000 pages, and is by the scheduler's checkpoint", async () => {
    const { db, file } = fresh();
    expect(db.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    db.sqlite.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)");
    const page = "x".repeat(3_000);
    // ~1,500 pages in separate commits: past the 1,000 at which SQLite would have checkpointed by itself.
    for (let i = 0; i < 1_500; i++) await db.run(sql`INSERT INTO filler (body) VALUES (${page})`);
    const pending = db.sqlite.pragma("wal_checkpoint(NOOP)") as { log: number; checkpointed: number }[];
    expect(pending[0]!.log).toBeGreaterThan(1_000);
    expect(pending[0]!.checkpointed).toBe(0);

    const result = db.checkpoint();
    expect(result.logPages).toBeGreaterThan(1_000);
    expect(result.checkpointedPages).toBe(result.logPages);
    // The data is in the database file itself now, not only in the log.
    expect(statSync(file).size).toBeGreaterThan(1_500 * 3_000);
  });
});
