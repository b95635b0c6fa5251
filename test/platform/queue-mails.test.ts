import { describe, expect, it } from "vitest";
import { createOwner } from "../../src/accounts/create-owner.ts";
import { outbox } from "../../src/platform/db/schema.ts";
import type { OutgoingMail } from "../../src/platform/mail/outbox.ts";
import { queueMails } from "../../src/platform/mail/send.ts";
import { type CapturingTransport, createTestApp } from "../helpers/test-app.ts";

async function app(runtime: "node" | "workerd" = "node") {
  const t = createTestApp();
  t.deps.runtime = runtime;
  const owner = await createOwner(
    t.deps,
    {
      name: "Jean",
      email: "jean@example.com",
      handle: "jean",
      timeZone: "Europe/Paris",
      password: "correct horse battery",
    },
    { firstRunOnly: false },
  );
  const mail = (key: string): OutgoingMail => ({
    ownerId: owner.id,
    idempotencyKey: key,
    why: "test",
    to: { address: `${key}@example.org` },
    subject: key,
    html: `<p>${key}</p>`,
    text: key,
    locale: "fr",
  });
  const transport = t.deps.transport as CapturingTransport;
  const statuses = async () =>
    Object.fromEntries(
      (await t.deps.database.db.select().from(outbox).all()).map((r) => [r.idempotencyKey, r.status]),
    );
  return { t, mail, transport, statuses };
}

describe("queueMails", () => {
  it("records the emails before it returns and delivers them afterwards, in order, each once", async () => {
    const { t, mail, transport, statuses } = await app();
    const first = queueMails(t.deps, [mail("a1"), mail("a2")]);
    const second = queueMails(t.deps, [mail("b1")]);
    await Promise.all([first, second]);
    expect(Object.keys(await statuses()).sort()).toEqual(["a1", "a2", "b1"]);
    await t.settle();
    expect(transport.sent.map((m) => m.subject)).toEqual(["a1", "a2", "b1"]);
    expect(await statuses()).toEqual({ a1: "sent", a2: "sent", b1: "sent" });

    // The same keys again: already recorded, so nothing more goes out.
    await queueMails(t.deps, [mail("a1"), mail("b1")]);
    await t.settle();
    expect(transport.sent).toHaveLength(3);
  });

  it("keeps a failed delivery queued for the tick and still delivers the rest", async () => {
    const { t, mail, transport, statuses } = await app();
    transport.failNext = 1;
    await queueMails(t.deps, [mail("x"), mail("y")]);
    await t.settle();
    expect(transport.sent.map((m) => m.subject)).toEqual(["y"]);
    expect(await statuses()).toEqual({ x: "queued", y: "sent" });
  });

  it("on Workers, each request delivers its own emails after its response", async () => {
    const { t, mail, transport, statuses } = await app("workerd");
    await queueMails(t.deps, [mail("w1"), mail("w2")]);
    await t.settle();
    expect(transport.sent.map((m) => m.subject)).toEqual(["w1", "w2"]);
    expect(await statuses()).toEqual({ w1: "sent", w2: "sent" });
  });
});
