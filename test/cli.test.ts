// The CLI as a user runs it: a real process on a real DATA_DIR.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { owners } from "../src/platform/db/schema.ts";
import { openSqlite } from "../src/platform/db/sqlite.ts";
import { cleanEnv } from "./helpers/env.ts";

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../src/cli.ts");

async function creneau(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      env: { ...cleanEnv(), DATA_DIR: dataDir, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const INIT = [
  "init",
  "--handle",
  "jean",
  "--name",
  "Jean Dupont",
  "--email",
  "jean@example.com",
  "--password",
  "correct horse battery",
  "--timezone",
  "Europe/Paris",
];

describe("creneau CLI", () => {
  it("init creates the owner on an empty DATA_DIR, and refuses a second time", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-cli-"));
    const first = await creneau(dir, ...INIT);
    expect(first.code).toBe(0);
    const second = await creneau(dir, ...INIT);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already/i);
    const bad = await creneau(
      dir,
      "init",
      "--handle",
      "x!",
      "--name",
      "N",
      "--email",
      "nope",
      "--password",
      "p",
      "--timezone",
      "Nowhere/City",
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/email/);
    expect(bad.stderr).toMatch(/timeZone/);
  });

  it("api-key create prints the key and nothing else; list and revoke manage it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-cli-"));
    await creneau(dir, ...INIT);
    const created = await creneau(dir, "api-key", "create", "--name", "scripts");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^crn_[A-Za-z0-9_-]{40}\n$/);
    const list = await creneau(dir, "api-key", "list");
    const [id] = list.stdout.trim().split("\t");
    expect(list.stdout).toContain("scripts");
    expect(list.stdout).not.toContain(created.stdout.trim());
    expect((await creneau(dir, "api-key", "revoke", id!)).code).toBe(0);
    expect((await creneau(dir, "api-key", "list")).stdout).toContain("revoked");
  });

  it("backup then restore reproduces the data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-cli-"));
    await creneau(dir, ...INIT);
    const backupFile = path.join(dir, "backup.sqlite");
    // The backup runs while another connection holds the database open, as a running server would.
    const live = openSqlite(path.join(dir, "creneau.sqlite"));
    expect((await creneau(dir, "backup", backupFile)).code).toBe(0);
    await live.close();
    const target = mkdtempSync(path.join(tmpdir(), "creneau-restore-"));
    expect((await creneau(target, "restore", path.join(tmpdir(), "missing.sqlite"))).code).toBe(1);
    const restored = await creneau(target, "restore", backupFile);
    expect(restored.code).toBe(0);
    const db = openSqlite(path.join(target, "creneau.sqlite"));
    const rows = await db.db.select().from(owners).all();
    await db.close();
    expect(rows.map((r) => r.handle)).toEqual(["jean"]);
    expect((await creneau(target, "restore", backupFile)).code).toBe(1);
    expect((await creneau(target, "restore", backupFile, "--force")).code).toBe(0);
  }, 60_000);

  it("explains unknown commands", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-cli-"));
    const result = await creneau(dir, "frobnicate");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Usage");
  });
});
