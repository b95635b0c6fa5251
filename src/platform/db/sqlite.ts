// Node driver: one SQLite file through better-sqlite3, migrated at open.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { is, SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BatchStatement, Database, Db } from "./database.ts";
import { compileRawSql } from "./raw-sql.ts";
import * as schema from "./schema.ts";
import { cachingClient } from "./statement-cache.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

export interface SqliteDatabase extends Database {
  readonly sqlite: BetterSqlite3.Database;
  /** Online backup to a file while the server keeps running. */
  backup(destination: string): Promise<void>;
  /** Copies the write-ahead log into the database file as far as readers allow; the scheduler calls it. */
  checkpoint(): { logPages: number; checkpointedPages: number };
}

// SQLite checkpoints the write-ahead log by itself every 1,000 pages, inside whichever write crosses the mark:
// during a burst of bookings that was a fifth of the time spent committing. The server's scheduler checkpoints
// after each minute's tick instead, and SQLite's own checkpoint only steps in past 10,000 pages (40 MB), for a
// process that runs no scheduler. The log file is cut back to 64 MB after a checkpoint.
const AUTO_CHECKPOINT_PAGES = 10_000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, "creneau.sqlite");
}

export function openSqlite(file: string, options: { migrate?: boolean } = {}): SqliteDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // Two processes on one file (server + CLI, or two schedulers) wait for each other instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const client = cachingClient(sqlite);
  const db = drizzle({ client: client as BetterSqlite3.Database, schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  const runRaw = (statement: SQL): number => {
    const q = compileRawSql(statement);
    return q ? client.prepare(q.sql).run(...q.params).changes : db.run(statement).changes;
  };
  return {
    kind: "sqlite",
    sqlite,
    db: db as unknown as Db,
    async batch(statements: BatchStatement[]) {
      const runAll = sqlite.transaction(() =>
        statements.map((s) => ({
          changes: is(s, SQL) ? runRaw(s) : (s as unknown as { run(): { changes: number } }).run().changes,
        })),
      );
      return runAll.immediate();
    },
    async run(statement: SQL) {
      return { changes: runRaw(statement) };
    },
    async all<T>(statement: SQL) {
      const q = compileRawSql(statement);
      return (q ? client.prepare(q.sql).all(...q.params) : db.all(statement)) as T[];
    },
    async backup(destination: string) {
      await sqlite.backup(destination);
    },
    checkpoint() {
      const [result] = sqlite.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
      return { logPages: result?.log ?? 0, checkpointedPages: result?.checkpointed ?? 0 };
    },
    async close() {
      sqlite.close();
    },
  };
}
