// better-sqlite3 compiles the SQL text on every prepare(), and drizzle prepares every query it runs:
// on the booking paths that compiling was a tenth of the CPU. Drizzle is given a client that keeps the
// compiled statements by their text (the text carries no values, so a few hundred cover the app).
import type BetterSqlite3 from "better-sqlite3";

/** What drizzle's better-sqlite3 session uses of its client. */
export type StatementClient = Pick<BetterSqlite3.Database, "prepare" | "transaction">;

export const STATEMENT_CACHE_SIZE = 500;

export function cachingClient(
  sqlite: BetterSqlite3.Database,
  capacity = STATEMENT_CACHE_SIZE,
): StatementClient {
  // Insertion order doubles as recency: a hit moves its statement to the end, the first is the eldest.
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string): BetterSqlite3.Statement => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
      // drizzle turns raw mode on for the selects it maps itself and expects it off for the rest.
      if (statement.reader) statement.raw(false);
    } else {
      statement = sqlite.prepare(source);
      if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    return statement;
  };
  return {
    prepare: prepare as BetterSqlite3.Database["prepare"],
    transaction: sqlite.transaction.bind(sqlite) as BetterSqlite3.Database["transaction"],
  };
}
