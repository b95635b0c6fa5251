// Helpers for the atomicity tests: a subscribed endpoint on a real receiver, the events stored, and faults
// injected into the database itself (a trigger) rather than into the code under test.
import { type SQL, sql } from "drizzle-orm";
import { expect } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../src/webhooks/event-types.ts";
import type { TestApp } from "../helpers/test-app.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

export async function subscribeAll(f: {
  api: (p: string, i?: { body?: unknown }) => Promise<Response>;
  clock: { now(): number };
}): Promise<Receiver> {
  const receiver = await startReceiver(() => f.clock.now());
  const r = await f.api("/api/webhooks", { body: { url: receiver.url(), events: [...WEBHOOK_EVENT_TYPES] } });
  expect(r.status).toBe(201);
  receiver.secret = ((await r.json()) as { secret: string }).secret;
  return receiver;
}

/** The events stored (what will be delivered), oldest first, with their data. */
export async function storedEvents(f: TestApp, type: string): Promise<Record<string, unknown>[]> {
  const rows = await f.deps.database.all<{ body: string }>(
    sql`SELECT body FROM webhook_events WHERE type = ${type} ORDER BY seq`,
  );
  return rows.map((r) => (JSON.parse(r.body) as { data: Record<string, unknown> }).data);
}

export async function countRows(f: TestApp, table: string, where: SQL = sql`1`): Promise<number> {
  const [row] = await f.deps.database.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM ${sql.identifier(table)} WHERE ${where}`,
  );
  return row?.n ?? 0;
}

/**
 * Makes the writes that record a webhook event fail until the returned function is called: "event" fails the
 * event's own insert; "end" fails the batch at its very end, once the event and its delivery were written.
 */
export function injectFault(f: TestApp, where: "event" | "end"): () => void {
  const [timing, table] = where === "event" ? ["BEFORE", "webhook_events"] : ["AFTER", "webhook_deliveries"];
  f.deps.database.sqlite.exec(`CREATE TEMP TRIGGER injected_fault ${timing} INSERT ON ${table}
    BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
  return () => f.deps.database.sqlite.exec("DROP TRIGGER injected_fault");
}
