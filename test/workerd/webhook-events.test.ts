// Webhook events recorded in the batch of their change, on D1: concurrent bookings of one slot report one
// booking, two cancels report one, and the invoice number and paid total read inside the batch arrive as stored.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../src/webhooks/event-types.ts";
import { type AppFetch, expectJson, signUp, uniqueHandle } from "./shared/http-client.ts";
import { BUSINESS, CLIENT, isoDay, lastMonth, missionFor, openWeek } from "./shared/seed-data.ts";

const appFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);
const peers = () => String(env.PEERS_URL);

describe("webhook events on D1", () => {
  it("one event per change that happened, none for the changes refused", async () => {
    const owner = await signUp(appFetch, uniqueHandle("hooks"));
    const api = <T = Record<string, unknown>>(
      path: string,
      status: number,
      body?: unknown,
      method?: string,
    ) => expectJson<T>(owner.api(path, { body, method }), status);
    await api("/api/webhooks", 201, {
      url: `${peers()}/hooks/${owner.handle}`,
      events: [...WEBHOOK_EVENT_TYPES],
    });
    await api("/api/event-types", 201, {
      slug: "call",
      title: "Call",
      durationMinutes: 30,
      ...openWeek(),
      minimumNoticeMinutes: 60,
    });
    const day = isoDay(Date.now() + 4 * 86_400_000);
    const slots = await expectJson<{ slots: Record<string, { start: string }[]> }>(
      appFetch(`/api/public/${owner.handle}/call/slots?from=${day}&to=${day}&timeZone=Europe/Paris`),
      200,
    );
    const book = (i: number) =>
      appFetch(`/api/public/${owner.handle}/call/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${i}` },
        body: JSON.stringify({
          start: slots.slots[day]?.[12]?.start,
          timeZone: "Europe/Paris",
          name: `P${i}`,
          email: `p${i}@example.org`,
          answers: {},
        }),
      });
    const attempts = await Promise.all([1, 2, 3, 4, 5].map(book));
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const winner = (await attempts.find((r) => r.status === 201)!.json()) as {
      booking: { id: string; manageUrl: string };
      lead: { id: string };
    };
    await api(`/api/leads/${winner.lead.id}`, 200, { stage: "call_done" }, "PATCH");
    const cancel = `/api/public/bookings/${winner.booking.manageUrl.split("/").pop()}/cancel`;
    const cancels = await Promise.all(
      [1, 2].map(() =>
        appFetch(cancel, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      ),
    );
    expect(cancels.map((r) => r.status)).toEqual([200, 200]);

    await api("/api/settings/business", 200, BUSINESS, "PUT");
    const client = await api<{ id: string }>("/api/clients", 201, CLIENT);
    const mission = await api<{ id: string }>("/api/missions", 201, missionFor(client.id));
    const { start, end } = lastMonth();
    const line = { description: "Audit", quantity: 1, unitPriceCents: 50_000, vatRate: 20 };
    const draft = await api<{ id: string }>("/api/invoices", 201, {
      missionId: mission.id,
      periodStart: start,
      periodEnd: end,
      lines: [line],
    });
    const issued = await api<{ number: string; issueDate: string; totals: { grossCents: number } }>(
      `/api/invoices/${draft.id}/issue`,
      200,
      {},
      "POST",
    );
    await api(`/api/invoices/${draft.id}/issue`, 409, {}, "POST");
    await api(`/api/invoices/${draft.id}/payments`, 201, {
      amountCents: issued.totals.grossCents,
      date: issued.issueDate,
    });
    await api("/api/workflows/tick", 200, {}, "POST");

    const hooks = await expectJson<{ path: string; body: { type: string; data: Record<string, unknown> } }[]>(
      globalThis.fetch(`${peers()}/hooks`),
      200,
    );
    const mine = hooks.filter((h) => h.path === `/hooks/${owner.handle}`).map((h) => h.body);
    const ofType = (type: string) => mine.filter((e) => e.type === type).map((e) => e.data);
    expect(ofType("booking.created")).toMatchObject([{ id: winner.booking.id }]);
    expect(ofType("lead.created")).toMatchObject([{ id: winner.lead.id }]);
    expect(ofType("lead.stage_changed")).toMatchObject([{ id: winner.lead.id, to: "call_done" }]);
    expect(ofType("booking.cancelled")).toMatchObject([{ id: winner.booking.id }]);
    expect(ofType("invoice.issued")).toMatchObject([{ id: draft.id, number: issued.number }]);
    expect(ofType("invoice.paid")).toMatchObject([{ id: draft.id, paidCents: issued.totals.grossCents }]);
  });
});
