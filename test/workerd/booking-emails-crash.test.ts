// On D1 inside workerd: the emails of a booking are stored in the booking's own batch, held. A request stopped
// right after it (a trigger fails the release, as a Worker evicted while Google was slow would stop there)
// loses none: the owner's tick sends them once their hold has passed, and the SMTP relay gets each once.
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
      `CREATE TRIGGER ${trigger} BEFORE UPDATE ON outbox WHEN OLD.to_address = '${prospect}'
        BEGIN SELECT RAISE(ABORT, 'process stopped'); END`,
    ).run();
    const booked = await workerFetch(`/api/public/${owner.handle}/call/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start, timeZone: "Europe/Paris", name: "Zoé", email: prospect }),
    });
    expect(booked.status).toBe(500);
    await bindings.DB.prepare(`DROP TRIGGER ${trigger}`).run();

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
  });
});
