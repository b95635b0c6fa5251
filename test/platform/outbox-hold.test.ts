// Held emails (decision 0011): recorded with the change, due only after the hold, released by the request that
// held them once the calendar was written. Releasing writes nothing: the sender's claim takes a held email while
// it is queued and untried, so a release never sends one the tick or a sender already took.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../src/platform/db/schema.ts";
import { deliverDue, deliverOne, type OutgoingMail } from "../../src/platform/mail/outbox.ts";
import { HOLD_MS, releaseHeld } from "../../src/platform/mail/outbox-hold.ts";
import { deliveryDeps, heldMailStatements, releaseMails } from "../../src/platform/mail/send.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";

async function held(keys: string[]) {
  const t = await ownerFixture();
  const { owner } = t;
  const mail = (key: string): OutgoingMail => ({
    ownerId: owner.id,
    idempotencyKey: key,
    why: "test",
    to: { address: `${key}@example.org` },
    subject: `${key} as first rendered`,
    html: `<p>${key}</p>`,
    text: key,
    locale: "fr",
  });
  await t.deps.database.batch(heldMailStatements(t.deps, keys.map(mail), sql`1`));
  const transport = t.deps.transport as CapturingTransport;
  const d = deliveryDeps(t.deps);
  const row = async (key: string) =>
    (await t.deps.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key)).get())!;
  return { t, owner, transport, d, row };
}

describe("held emails", () => {
  it("stay put until released, then go once each, in the order released", async () => {
    const { t, owner, transport, d, row } = await held(["a", "b"]);
    expect(await deliverDue(d)).toMatchObject({ sent: 0 });
    expect(await deliverOne(d, (await row("a")).id)).toBeNull();
    expect(transport.sent).toHaveLength(0);

    await releaseMails(t.deps, owner.id, [{ idempotencyKey: "b" }, { idempotencyKey: "a" }]);
    await t.settle();
    expect(transport.sent.map((m) => m.subject)).toEqual(["b as first rendered", "a as first rendered"]);
    // Released again (a retried request): nothing is still held, so nothing goes twice.
    expect(await releaseHeld(d, owner.id, [{ idempotencyKey: "a" }])).toEqual([]);
    await releaseMails(t.deps, owner.id, [{ idempotencyKey: "a" }]);
    await t.settle();
    t.clock.advance(HOLD_MS);
    await deliverDue(d);
    expect(transport.sent).toHaveLength(2);
  });

  it("a release with a new rendering sends that rendering", async () => {
    const { t, owner, transport } = await held(["a"]);
    await releaseMails(t.deps, owner.id, [
      {
        idempotencyKey: "a",
        rerendered: { subject: "with the Meet link", html: "<p>meet</p>", text: "meet" },
      },
    ]);
    await t.settle();
    expect(transport.sent.map((m) => m.subject)).toEqual(["with the Meet link"]);
  });

  it("a release after the tick took the email (the request was slower than the hold) sends nothing more", async () => {
    const { t, owner, transport, d } = await held(["a"]);
    t.clock.advance(HOLD_MS);
    expect(await deliverDue(d)).toMatchObject({ sent: 1 });
    await releaseMails(t.deps, owner.id, [{ idempotencyKey: "a" }]);
    await t.settle();
    expect(transport.sent).toHaveLength(1);
  });

  it("a release does not take an email whose first attempt failed: the retry waits for its backoff", async () => {
    const { t, owner, transport, d, row } = await held(["a"]);
    transport.failNext = 1;
    await releaseMails(t.deps, owner.id, [{ idempotencyKey: "a" }]);
    await t.settle();
    expect(await row("a")).toMatchObject({ status: "queued", attempts: 1 });
    // Even told it was released, the claim leaves a tried email to its retry time.
    expect(await deliverOne(d, (await row("a")).id, { released: true })).toBeNull();
    expect(transport.sent).toHaveLength(0);
  });
});
