// The one-pass compiler of raw statements must give exactly drizzle's text and parameters, or step aside.
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { compileRawSql } from "../../src/platform/db/raw-sql.ts";
import { outbox } from "../../src/platform/db/schema.ts";

const dialect = new SQLiteSyncDialect();
const drizzleQuery = (s: ReturnType<typeof sql>) => {
  const { sql: text, params } = dialect.sqlToQuery(s);
  return { sql: text, params };
};

describe("compileRawSql", () => {
  const guard = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${"b1"} AND start_ms = ${1_800_000_000_000})`;
  const shapes = {
    "text only": sql`SELECT 1`,
    "values of every plain kind": sql`SELECT ${"a"}, ${42}, ${-0.5}, ${null}, ${10n}, ${""}`,
    "nested, twice": sql`INSERT INTO t SELECT ${"x"} WHERE ${guard} AND (${sql`1 = ${1}`})`,
    joined: sql`VALUES ${sql.join([sql`(${1}, ${"a"})`, sql`(${2}, ${"b"})`], sql`, `)}`,
    "an array of values": sql`SELECT 1 WHERE id IN ${["a", "b", sql`${"c"}`]}`,
    "raw text": sql`SELECT ${sql.raw("datetime('now')")}, ${"p"}`,
    "an empty piece": sql`SELECT 1${sql``}${undefined}`,
    "unicode and quotes": sql`SELECT ${"l'été « ok »"} -- ${"x"}`,
  };

  it.each(Object.entries(shapes))("%s: drizzle's exact text and parameters", (_, statement) => {
    expect(compileRawSql(statement)).toEqual(drizzleQuery(statement));
  });

  it("steps aside for what drizzle must render itself", () => {
    expect(compileRawSql(sql`SELECT ${outbox.id} FROM outbox`)).toBeNull();
    expect(compileRawSql(sql`SELECT * FROM ${outbox}`)).toBeNull();
    expect(compileRawSql(sql`SELECT * FROM ${sql.identifier("outbox")}`)).toBeNull();
    expect(compileRawSql(sql`SELECT ${sql.placeholder("id")}`)).toBeNull();
    expect(compileRawSql(sql`SELECT ${true}`)).toBeNull();
    expect(compileRawSql(sql`SELECT ${new Uint8Array([1])}`)).toBeNull();
    expect(compileRawSql(sql`SELECT ${"a"}`.inlineParams())).toBeNull();
    expect(compileRawSql(sql`SELECT 1 WHERE ${sql`${"a"}`.inlineParams()}`)).toBeNull();
  });
});
