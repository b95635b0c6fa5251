// Node driver: one SQLite file through better-sqlite3, migrated at open.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { is, SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BatchStatement, Database, Db } from "./database.ts";
import * as schema from "./schema.ts";
import { cachingClient } from "./statement-cache.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

export interface SqliteDatabase extends Database {
  readonly sqlite: BetterSqlite3.Database;
  /** Online backup to a file while the server keeps running. */
  backup(destination: string): Promise<void>;
}

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
  const db = drizzle({ client: cachingClient(sqlite) as BetterSqlite3.Database, schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return {
    kind: "sqlite",
    sqlite,
    db: db as unknown as Db,
    async batch(statements: BatchStatement[]) {
      const runAll = sqlite.transaction(() =>
        statements.map((s) => ({
          changes: is(s, SQL)
            ? db.run(s).changes
            : (s as unknown as { run(): { changes: number } }).run().changes,
        })),
      );
      return runAll.immediate();
    },
    async run(statement: SQL) {
      return { changes: db.run(statement).changes };
    },
    async all<T>(statement: SQL) {
      return db.all(statement) as T[];
    },
    async backup(destination: string) {
      await sqlite.backup(destination);
    },
    async close() {
      sqlite.close();
    },
  };
}
