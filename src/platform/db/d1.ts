// Workers driver: Cloudflare D1 (migrations are applied by wrangler, not at runtime).
import { is, SQL } from "drizzle-orm";
import { type AnyD1Database, drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { type BatchStatement, changesOf, type Database, type Db } from "./database.ts";
import { compileRawSql } from "./raw-sql.ts";
import * as schema from "./schema.ts";

interface D1Like {
  prepare(query: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<{ meta?: { changes?: number } }[]>;
}

const dialect = new SQLiteAsyncDialect();

/** SQL text and parameters of a raw statement or a drizzle query builder. */
function toQuery(statement: BatchStatement): { sql: string; params: unknown[] } {
  if (is(statement, SQL)) return compileRawSql(statement) ?? dialect.sqlToQuery(statement);
  return (statement as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
}

export function openD1(binding: AnyD1Database): Database {
  const db = drizzle(binding, { schema });
  const d1 = binding as unknown as D1Like;
  return {
    kind: "d1",
    db: db as unknown as Db,
    // D1's own batch (one implicit transaction), built directly: drizzle's batch cannot bind raw SQL parameters.
    async batch(statements: BatchStatement[]) {
      if (statements.length === 0) return [];
      const prepared = statements.map((s) => {
        const q = toQuery(s);
        return d1.prepare(q.sql).bind(...q.params);
      });
      const results = await d1.batch(prepared);
      return results.map((r) => ({ changes: changesOf(r) }));
    },
    async run(statement: SQL) {
      return { changes: changesOf(await db.run(statement)) };
    },
    async all<T>(statement: SQL) {
      return (await db.all(statement)) as T[];
    },
    async close() {},
  };
}
