// The one database interface the app sees, whatever the driver (better-sqlite3 on Node, D1 on Workers).
// Queries are written once with drizzle and awaited: that works for both the sync and the async driver.
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = BaseSQLiteDatabase<"sync" | "async", unknown, Schema>;
/** A drizzle write query, or raw SQL for statements drizzle cannot express (INSERT … SELECT … WHERE NOT EXISTS). */
export type BatchStatement = BatchItem<"sqlite"> | SQL;

export interface Database {
  readonly kind: "sqlite" | "d1";
  readonly db: Db;
  /**
   * Runs write statements atomically: all or nothing. D1 has no interactive transactions, so this is
   * the only way to group writes; guard each with a unique index or WHERE NOT EXISTS, never by reading first.
   */
  batch(statements: BatchStatement[]): Promise<{ changes: number }[]>;
  /** Runs one raw write statement and says how many rows it changed. */
  run(statement: SQL): Promise<{ changes: number }>;
  /** Runs one raw read statement. */
  all<T>(statement: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** Reads the changed-rows count from either driver's result shape. */
export function changesOf(result: unknown): number {
  const r = result as { changes?: number; meta?: { changes?: number } };
  return r.changes ?? r.meta?.changes ?? 0;
}

/** True when a SQLite / D1 error is a UNIQUE or PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const message = String((e as { message?: unknown }).message ?? "");
    const code = String((e as { code?: unknown }).code ?? "");
    if (code.startsWith("SQLITE_CONSTRAINT_UNIQUE") || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
    if (/UNIQUE constraint failed|PRIMARY KEY/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
