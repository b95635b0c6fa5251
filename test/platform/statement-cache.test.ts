import BetterSqlite3 from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { preparedOnce } from "../../src/platform/db/prepared.ts";
import { owners } from "../../src/platform/db/schema.ts";
import { openSqlite } from "../../src/platform/db/sqlite.ts";
import { cachingClient } from "../../src/platform/db/statement-cache.ts";

describe("statement cache", () => {
  it("hands out one compiled statement per text, in the mode its caller expects", () => {
    const sqlite = new BetterSqlite3(":memory:");
    const client = cachingClient(sqlite);
    sqlite.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x')");
    const first = client.prepare("SELECT a, b FROM t");
    expect(first.raw().get()).toEqual([1, "x"]);
    const again = client.prepare("SELECT a, b FROM t");
    expect(again).toBe(first);
    // drizzle reads raw rows for its own selects and objects for raw SQL: a reused statement starts as objects.
    expect(again.get()).toEqual({ a: 1, b: "x" });
    // Writers are reused too (raw mode does not apply to them).
    const insert = client.prepare("INSERT INTO t VALUES (?, ?)");
    expect(client.prepare("INSERT INTO t VALUES (?, ?)")).toBe(insert);
    expect(insert.run(2, "y").changes).toBe(1);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const sqlite = new BetterSqlite3(":memory:");
    const client = cachingClient(sqlite, 2);
    const one = client.prepare("SELECT 1");
    const two = client.prepare("SELECT 2");
    expect(client.prepare("SELECT 1")).toBe(one); // now the most recent
    client.prepare("SELECT 3"); // evicts SELECT 2
    expect(client.prepare("SELECT 1")).toBe(one);
    expect(client.prepare("SELECT 2")).not.toBe(two);
  });

  it("serves drizzle on SQLite: queries, batches and raw SQL read back what was written", async () => {
    const database = openSqlite(":memory:");
    const row = {
      id: "o1",
      handle: "jean",
      name: "Jean",
      email: "jean@example.com",
      timeZone: "Europe/Paris",
      locale: "fr" as const,
      passwordHash: "h",
      availabilityVersion: 0,
      createdAt: 1,
      updatedAt: 1,
    };
    await database.batch([database.db.insert(owners).values(row)]);
    for (let i = 0; i < 3; i++) {
      expect(await database.db.select().from(owners).where(eq(owners.id, "o1")).get()).toEqual(row);
      expect(await database.all(sql`SELECT handle FROM owners`)).toEqual([{ handle: "jean" }]);
    }
    await database.close();
  });
});

describe("preparedOnce", () => {
  it("builds a query once per database and binds new values on every call", async () => {
    let builds = 0;
    const byHandle = preparedOnce((db) => {
      builds++;
      return db
        .select({ id: owners.id })
        .from(owners)
        .where(eq(owners.handle, sql.placeholder("handle")))
        .prepare();
    });
    const a = openSqlite(":memory:");
    const b = openSqlite(":memory:");
    const owner = (id: string, handle: string) => ({
      id,
      handle,
      name: handle,
      email: `${handle}@example.com`,
      timeZone: "UTC",
      locale: "fr" as const,
      passwordHash: "h",
      createdAt: 1,
      updatedAt: 1,
    });
    await a.batch([a.db.insert(owners).values([owner("a1", "ann"), owner("a2", "bob")])]);
    await b.batch([b.db.insert(owners).values(owner("b1", "ann"))]);
    expect(await byHandle(a).get({ handle: "ann" })).toEqual({ id: "a1" });
    expect(await byHandle(a).get({ handle: "bob" })).toEqual({ id: "a2" });
    expect(await byHandle(b).get({ handle: "ann" })).toEqual({ id: "b1" });
    expect(builds).toBe(2);
    await a.close();
    await b.close();
  });
});
