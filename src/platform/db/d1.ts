// Workers driver: Cloudflare D1 (migrations are applied by wrangler, not at runtime).
import { is, SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type AnyD1Database, drizzle } from "drizzle-orm/d1";
import { type BatchStatement, changesOf, type Database, type Db } from "./database.ts";
import * as schema from "./schema.ts";

export function openD1(binding: AnyD1Database): Database {
  const db = drizzle(binding, { schema });
  return {
    kind: "d1",
    db: db as unknown as Db,
    async batch(statements: BatchStatement[]) {
      if (statements.length === 0) return [];
      const items = statements.map((s) => (is(s, SQL) ? (db.run(s) as unknown as BatchItem<"sqlite">) : s));
      const results = await db.batch(items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
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
