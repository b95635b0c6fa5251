// State kept per database in this process (prepared queries, caches, delivery lanes): made on first use, and
// gone with the database. Queries on the hot paths are built once per database this way, with drizzle's
// .prepare() and sql.placeholder(): otherwise drizzle rebuilds the SQL text of every query on every call. That
// works on better-sqlite3 and on D1 alike (a D1 statement is bound afresh on each call), so callers still
// simply await the result.
import type { Database, Db } from "./database.ts";

export function perDatabase<T>(make: (database: Database) => T): (database: Database) => T {
  const made = new WeakMap<Db, T>();
  return (database) => {
    let value = made.get(database.db);
    if (value === undefined) {
      value = make(database);
      made.set(database.db, value);
    }
    return value;
  };
}

export function preparedOnce<T>(build: (db: Db) => T): (database: Database) => T {
  return perDatabase((database) => build(database.db));
}
