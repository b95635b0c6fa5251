// The dashboard's webhook pages: add an endpoint (secret shown once), see the delivery log, replay, disable.
import { afterEach, describe, expect, it } from "vitest";
import { findOwnerByHandle } from "../../src/accounts/store.ts";
import { emitWebhookEvent } from "../../src/webhooks/emit.ts";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { drain } from "./helpers.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A form post with repeated fields (the events checkboxes), the way a browser sends it. */
async function postForm(
  session: BrowserSession,
  t: ReturnType<typeof createTestApp>,
  path: string,
  from: string,
  fields: [string, string][],
) {
  const token = await session.csrfFrom(from);
  return t.app.request(path, {
    method: "POST",
    body: new URLSearchParams([["_csrf", token], ...fields]),
    headers: {
      cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "content-type": "application/x-www-form-urlencoded",
      accept: "text/html",
      origin: "http://localhost:3000",
    },
  });
}

describe("webhooks in the dashboard", () => {
  it("adds an endpoint, shows its secret once, logs deliveries and replays one", async () => {
    const t = createTestApp({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    const session = new BrowserSession(t, "en");
    await setUpOwner(session, { locale: "en" });
    const owner = (await findOwnerByHandle(t.deps.database, "jean"))!;
    receiver = await startReceiver(() => t.clock.now());

    const refused = await postForm(session, t, "/dashboard/webhooks", "/dashboard/webhooks", [
      ["url", receiver.url()],
    ]);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Choose at least one event.");

    const created = await postForm(session, t, "/dashboard/webhooks", "/dashboard/webhooks", [
      ["url", receiver.url()],
      ["description", "CRM"],
      ["events", "lead.created"],
      ["events", "invoice.paid"],
    ]);
    expect(created.status).toBe(201);
    const page = await created.text();
    const secret = /<code>(whsec_[^<]+)<\/code>/.exec(page)?.[1];
    expect(secret).toBeDefined();
    receiver.secret = secret!;
    const list = await (await session.get("/dashboard/webhooks")).text();
    expect(list).toContain(receiver.url());
    expect(list).not.toContain(secret!);
    const id = /href="\/dashboard\/webhooks\/([^"]+)"/.exec(list)![1]!;

    await emitWebhookEvent(t.deps, {
      ownerId: owner.id,
      type: "lead.created",
      resourceId: "l1",
      data: { id: "l1" },
    });
    await drain(t.deps);
    const detail = await (await session.get(`/dashboard/webhooks/${id}`)).text();
    expect(detail).toContain("lead.created");
    expect(detail).toContain("received");
    expect(detail).toMatch(/#1 .* · 204 · \d+ ms/);
    const deliveryId = /action="\/dashboard\/webhook-deliveries\/([^/]+)\/replay"/.exec(detail)![1]!;
    const replayed = await postForm(
      session,
      t,
      `/dashboard/webhook-deliveries/${deliveryId}/replay`,
      `/dashboard/webhooks/${id}`,
      [],
    );
    expect(replayed.status).toBe(303);
    await drain(t.deps);
    expect(receiver.received.map((e) => e.id)).toHaveLength(2);
    expect(new Set(receiver.received.map((e) => e.id)).size).toBe(1);
    expect(receiver.received.every((e) => e.signatureOk)).toBe(true);

    const disabled = await postForm(
      session,
      t,
      `/dashboard/webhooks/${id}/disable`,
      `/dashboard/webhooks/${id}`,
      [],
    );
    expect(disabled.status).toBe(303);
    expect(await (await session.get(`/dashboard/webhooks/${id}`)).text()).toContain("disabled by the owner");
  });

  it("asks for a session", async () => {
    const t = createTestApp();
    const r = await t.app.request("/dashboard/webhooks", { headers: { accept: "text/html" } });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toMatch(/^\/login/);
  });
});
