// Queries on the hot paths, built once per database with drizzle's .prepare() and sql.placeholder():
// otherwise drizzle rebuilds the SQL text of every query on every call. Works on better-sqlite3 and on
// D1 alike (a D1 statement is bound afresh on each call), so callers still simply await the result.
import type { Database, Db } from "./database.ts";

export function preparedOnce<T>(build: (db: Db) => T): (database: Database) => T {
  const built = new WeakMap<Db, T>();
  return (database) => {
    let queries = built.get(database.db);
    if (queries === undefined) {
      queries = build(database.db);
      built.set(database.db, queries);
    }
    return queries;
  };
}
