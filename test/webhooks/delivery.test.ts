// A real receiver goes down and comes back: every event arrives, in order per resource, none twice after it
// was delivered; failures retry with backoff; three days of failures disable the endpoint and tell the owner.
import { afterEach, describe, expect, it } from "vitest";
import { emitWebhookEvent } from "../../src/webhooks/emit.ts";
import type { WebhookEventType } from "../../src/webhooks/event-types.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { drain, statusCounts, webhookOwner } from "./helpers.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

const MINUTE = 60_000;
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function setUp(
  events: WebhookEventType[] = ["booking.created", "booking.rescheduled", "booking.cancelled"],
) {
  const f = await webhookOwner();
  receiver = await startReceiver(() => f.clock.now());
  const created = await f.api("/api/webhooks", { body: { url: receiver.url(), events } });
  expect(created.status).toBe(201);
  const endpoint = (await created.json()) as { id: string; secret: string };
  expect(endpoint.secret).toMatch(/^whsec_/);
  receiver.secret = endpoint.secret;
  const emit = (type: WebhookEventType, resourceId: string, step: number) =>
    emitWebhookEvent(f.deps, { ownerId: f.owner.id, type, resourceId, data: { id: resourceId, step } });
  return { f, endpoint, emit, receiver };
}

const LIFECYCLE: WebhookEventType[] = ["booking.created", "booking.rescheduled", "booking.cancelled"];

describe("webhook delivery", () => {
  it("delivers every event, in order per resource, across a receiver outage, and none twice", async () => {
    const { f, emit, receiver: r } = await setUp();
    // Before the outage: two bookings start their lives.
    for (const b of ["b1", "b2"]) await emit("booking.created", b, 0);
    await drain(f.deps);
    // Different resources travel in parallel: no order between them.
    expect(r.received.map((e) => e.data.id).sort()).toEqual(["b1", "b2"]);

    await r.down();
    for (const b of ["b1", "b2", "b3", "b4"]) {
      for (let step = b === "b1" || b === "b2" ? 1 : 0; step < 3; step++)
        await emit(LIFECYCLE[step]!, b, step);
    }
    await drain(f.deps);
    expect(r.received).toHaveLength(2);
    // One head per resource is retrying; the rest waits behind it.
    const during = await statusCounts(f.deps);
    expect(during.pending).toBe(4);
    expect(during.waiting).toBe(6);

    // Still down after a minute: the second attempt fails too, the next one is 4 minutes later.
    f.clock.advance(MINUTE);
    await drain(f.deps);
    const log = (await (
      await f.api(`/api/webhooks/${(await firstEndpoint(f)).id}/deliveries?status=pending`)
    ).json()) as {
      items: {
        attempts: number;
        nextAttemptAt: string;
        log: { statusCode: number | null; error: string | null; durationMs: number }[];
      }[];
    };
    expect(log.items).toHaveLength(4);
    for (const d of log.items) {
      expect(d.attempts).toBe(2);
      expect(d.log.map((a) => a.statusCode)).toEqual([null, null]);
      expect(d.log[0]!.error).toMatch(/ECONNREFUSED/);
      expect(Date.parse(d.nextAttemptAt) - f.clock.now()).toBe(4 * MINUTE);
    }

    // Back up, and more events arrive while the backlog drains.
    await r.up();
    f.clock.advance(4 * MINUTE);
    await emit("booking.created", "b5", 0);
    await drain(f.deps);
    await emit("booking.cancelled", "b5", 2);
    await drain(f.deps);

    expect(r.received.every((e) => e.signatureOk)).toBe(true);
    const ids = r.received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2 + 10 + 2);
    for (const b of ["b1", "b2", "b3", "b4"]) {
      const steps = r.received.filter((e) => e.data.id === b).map((e) => e.data.step);
      expect(steps, b).toEqual([0, 1, 2]);
    }
    expect(r.received.filter((e) => e.data.id === "b5").map((e) => e.type)).toEqual([
      "booking.created",
      "booking.cancelled",
    ]);
    expect(await statusCounts(f.deps)).toEqual({ succeeded: 14 });

    // Much later, another pass sends nothing again.
    f.clock.advance(5 * 24 * 60 * MINUTE);
    await drain(f.deps);
    expect(r.received).toHaveLength(14);
  });

  it("sends only the events an endpoint subscribed to, with the documented payload and headers", async () => {
    const { f, emit, receiver: r } = await setUp(["booking.cancelled"]);
    await emit("booking.created", "b1", 0);
    await emit("booking.cancelled", "b1", 2);
    await drain(f.deps);
    expect(r.received.map((e) => e.type)).toEqual(["booking.cancelled"]);
    expect(r.received[0]!.attempt).toBe(1);
  });

  it("retries with backoff for 72 hours, then disables the endpoint and emails the owner once", async () => {
    const { f, emit, endpoint, receiver: r } = await setUp();
    r.status = 500;
    await emit("booking.created", "b1", 0);
    await emit("booking.created", "b2", 0);
    await emit("booking.rescheduled", "b2", 1);
    await drain(f.deps);
    const start = f.clock.now();
    const attemptTimes: number[] = [start];
    // Walk the clock forward to each next attempt, as the minute-by-minute scheduler would.
    for (let i = 0; i < 40; i++) {
      const list = (await (
        await f.api(`/api/webhooks/${endpoint.id}/deliveries?eventType=booking.created`)
      ).json()) as {
        items: { status: string; nextAttemptAt: string | null }[];
      };
      const next = list.items.find((d) => d.status === "pending")?.nextAttemptAt;
      if (!next) break;
      f.clock.set(Date.parse(next));
      attemptTimes.push(f.clock.now());
      await drain(f.deps);
    }
    const gaps = attemptTimes.slice(1).map((t, i) => (t - attemptTimes[i]!) / MINUTE);
    expect(gaps.slice(0, 6)).toEqual([1, 4, 16, 64, 256, 720]);
    expect(attemptTimes[attemptTimes.length - 1]! - start).toBe(72 * 60 * MINUTE);

    const after = (await (await f.api(`/api/webhooks/${endpoint.id}`)).json()) as {
      status: string;
      disabledReason: string;
    };
    expect(after.status).toBe("disabled");
    expect(after.disabledReason).toMatch(/HTTP 500/);
    expect(await statusCounts(f.deps)).toEqual({ failed: 3 });
    const mails = (f.deps.transport as CapturingTransport).sent.filter((m) => /Webhook/.test(m.subject));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(r.url());
    expect(mails[0]!.to.address).toBe(f.owner.email);

    // Disabled: new events are not queued for it; replays are refused until it is enabled again.
    await emit("booking.created", "b3", 0);
    expect((await statusCounts(f.deps)).pending).toBeUndefined();
    const failed = (await (await f.api(`/api/webhooks/${endpoint.id}/deliveries`)).json()) as {
      items: { id: string; eventType: string; resource: string }[];
    };
    const replayable = failed.items.find((d) => d.resource === "booking:b1")!;
    expect((await f.api(`/api/webhook-deliveries/${replayable.id}/replay`, { method: "POST" })).status).toBe(
      409,
    );

    // Fixed and enabled again: a manual replay delivers the same event id, once.
    r.status = 204;
    const enabled = await f.api(`/api/webhooks/${endpoint.id}`, {
      method: "PATCH",
      body: { status: "active" },
    });
    expect(
      ((await enabled.json()) as { status: string; failingSince: string | null }).failingSince,
    ).toBeNull();
    const replay = await f.api(`/api/webhook-deliveries/${replayable.id}/replay`, { method: "POST" });
    expect(replay.status).toBe(202);
    await drain(f.deps);
    expect(r.received.map((e) => e.data.id)).toEqual(["b1"]);
    const eventIds = failed.items.filter((d) => d.resource === "booking:b1");
    expect(eventIds).toHaveLength(1);
  });
});

async function firstEndpoint(f: Awaited<ReturnType<typeof webhookOwner>>) {
  const list = (await (await f.api("/api/webhooks")).json()) as { items: { id: string }[] };
  return list.items[0]!;
}
