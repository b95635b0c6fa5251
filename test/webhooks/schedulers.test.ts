// Two schedulers on one database deliver side by side without sending anything twice or out of order; a
// scheduler that dies holding deliveries loses them only until its lease runs out.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { deliverDueWebhooks } from "../../src/webhooks/deliver.ts";
import { claimDue } from "../../src/webhooks/delivery-store.ts";
import { webhookEventStatements } from "../../src/webhooks/emit.ts";
import type { WebhookEventType } from "../../src/webhooks/event-types.ts";
import { statusCounts, webhookOwner } from "./helpers.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const TYPES: WebhookEventType[] = ["booking.created", "booking.rescheduled", "booking.cancelled"];

async function setUp() {
  const f = await webhookOwner();
  receiver = await startReceiver(() => f.clock.now());
  const r = await f.api("/api/webhooks", { body: { url: receiver.url(), events: TYPES } });
  receiver.secret = ((await r.json()) as { secret: string }).secret;
  // Recorded without the nudge, so only the schedulers below deliver.
  for (let step = 0; step < 3; step++)
    for (let b = 0; b < 20; b++)
      await f.deps.database.batch(
        webhookEventStatements(f.deps, {
          ownerId: f.owner.id,
          type: TYPES[step]!,
          resourceId: `b${b}`,
          data: { booking: `b${b}`, step },
        }),
      );
  return { f, r: receiver };
}

describe("webhook schedulers", () => {
  it("two schedulers at once: each event arrives once, in order per booking", async () => {
    const { f, r } = await setUp();
    for (let round = 0; round < 10 && r.received.length < 60; round++)
      await Promise.all([
        deliverDueWebhooks(f.deps, { worker: "scheduler-a", concurrency: 3, limit: 7 }),
        deliverDueWebhooks(f.deps, { worker: "scheduler-b", concurrency: 3, limit: 7 }),
      ]);
    expect(r.received).toHaveLength(60);
    expect(new Set(r.received.map((e) => e.id)).size).toBe(60);
    for (let b = 0; b < 20; b++)
      expect(r.received.filter((e) => e.data.booking === `b${b}`).map((e) => e.data.step)).toEqual([0, 1, 2]);
    expect(await statusCounts(f.deps)).toEqual({ succeeded: 60 });
  });

  it("a scheduler that died holding deliveries: they go out once its lease has run out", async () => {
    const { f, r } = await setUp();
    // Claims and then vanishes without sending or recording anything.
    const held = await claimDue(f.deps.database, "crashed", f.clock.now(), f.config.leaseMs, 5);
    expect(held).toHaveLength(5);
    await deliverDueWebhooks(f.deps, { worker: "survivor" });
    const heldIds = new Set(held.map((d) => d.eventId));
    expect(r.received.some((e) => heldIds.has(e.id))).toBe(false);
    // The other 15 bookings went all the way through in that one call; the 5 held ones wait for the lease.
    expect(r.received).toHaveLength(45);

    f.clock.advance(f.config.leaseMs + 1);
    await deliverDueWebhooks(f.deps, { worker: "survivor" });
    expect(r.received).toHaveLength(60);
    expect(new Set(r.received.map((e) => e.id)).size).toBe(60);
    const [attempts] = await f.deps.database.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE attempts = 2`,
    );
    expect(attempts?.n).toBe(5);
  });

  it("keeps the log 30 days, and never drops an event still on its way", async () => {
    const { f, r } = await setUp();
    r.status = 500;
    await deliverDueWebhooks(f.deps, { worker: "w" });
    r.status = 204;
    // b0's first event goes through; the rest of b0 and every other booking stay queued behind failures.
    const [first] = await f.deps.database.all<{ id: string }>(
      sql`SELECT id FROM webhook_deliveries WHERE resource = 'booking:b0' ORDER BY event_seq LIMIT 1`,
    );
    await f.deps.database.run(
      sql`UPDATE webhook_deliveries SET status = 'succeeded' WHERE id = ${first!.id}`,
    );
    f.clock.advance(31 * 86_400_000);
    await deliverDueWebhooks(f.deps, { worker: "w", limit: 1 });
    const [events] = await f.deps.database.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM webhook_events`);
    expect(events?.n).toBe(59);
    const [orphans] = await f.deps.database.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM webhook_attempts a WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = a.delivery_id)`,
    );
    expect(orphans?.n).toBe(0);
  });
});
