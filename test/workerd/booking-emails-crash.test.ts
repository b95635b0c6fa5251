// On D1 inside workerd: the emails of a booking are stored in the booking's own batch, held. A Worker stopped
// right after it, before its emails left (a trigger fails the sender's claim, as an eviction would stop it
// there) loses none: the owner's tick sends them once their hold has passed, and the SMTP relay gets each once.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { HOLD_MS } from "../../src/platform/mail/outbox-hold.ts";
import { CALL_LINK, callStarts } from "./shared/call-link.ts";
import { type AppFetch, expectJson, signUp, uniqueHandle } from "./shared/http-client.ts";

interface D1 {
  prepare(query: string): {
    bind(...values: unknown[]): { run(): Promise<unknown> };
    run(): Promise<unknown>;
  };
}
const bindings = env as unknown as { DB: D1; PEERS_URL: string };
const workerFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);

interface RelayedMail {
  to: string | null;
  subject: string | null;
  attachments: { method?: string }[];
}

async function relayedTo(address: string): Promise<RelayedMail[]> {
  const all = await expectJson<RelayedMail[]>(globalThis.fetch(`${bindings.PEERS_URL}/smtp`), 200);
  return all.filter((m) => m.to?.includes(address));
}

describe("a booking request stopped after its batch, on D1", () => {
  it("loses neither email: the tick sends each once, after the hold and not before", async () => {
    const owner = await signUp(workerFetch, uniqueHandle("crash"));
    expect((await owner.api("/api/event-types", { body: CALL_LINK })).status).toBe(201);
    const [start] = await callStarts(workerFetch, owner.handle);
    const prospect = `${owner.handle}-prospect@example.org`;
    const trigger = `crash_${owner.handle}`;
    await bindings.DB.prepare(
      // Any claim of this owner's emails while they are still held fails: the release never happens. It stays
      // until the end, since the Worker's work after the response may run at any time; the tick's claims, once
      // the hold has passed, go through.
      `CREATE TRIGGER ${trigger} BEFORE UPDATE OF status ON outbox
        WHEN NEW.status = 'sending' AND OLD.next_attempt_at > CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
          AND OLD.owner_id IN (SELECT id FROM owners WHERE handle = '${owner.handle}')
        BEGIN SELECT RAISE(ABORT, 'process stopped'); END`,
    ).run();
    const booked = await workerFetch(`/api/public/${owner.handle}/call/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start, timeZone: "Europe/Paris", name: "Zoé", email: prospect }),
    });
    // The answer went out; the Worker stopped when its emails were to leave (after the response).
    expect(booked.status).toBe(201);

    const outbox = async () =>
      (
        await expectJson<{ items: { why: string; status: string; to: { address: string }[] }[] }>(
          owner.api("/api/outbox?limit=50"),
          200,
        )
      ).items
        .map((m) => `${m.why}:${m.to[0]?.address}:${m.status}`)
        .sort();
    expect(await outbox()).toEqual([
      `booking.confirmation:${prospect}:queued`,
      `booking.owner-notification:${owner.email}:queued`,
    ]);
    const tick = async () =>
      expect((await owner.api("/api/workflows/tick", { method: "POST" })).status).toBe(200);
    await tick();
    expect(await relayedTo(prospect)).toEqual([]);

    // The hold has passed (D1's clock is the wall clock: the emails' due time is moved back instead).
    await bindings.DB.prepare(
      "UPDATE outbox SET next_attempt_at = next_attempt_at - ? WHERE to_address IN (?, ?)",
    )
      .bind(HOLD_MS, prospect, owner.email)
      .run();
    await tick();
    await tick();
    expect(await outbox()).toEqual([
      `booking.confirmation:${prospect}:sent`,
      `booking.owner-notification:${owner.email}:sent`,
    ]);
    const relayed = await relayedTo(prospect);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.attachments.map((a) => a.method)).toEqual(["REQUEST"]);
    expect(await relayedTo(owner.email)).toHaveLength(1);
    await bindings.DB.prepare(`DROP TRIGGER ${trigger}`).run();
  });
});
