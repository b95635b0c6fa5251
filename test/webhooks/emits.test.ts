// The use cases report what happened: each event arrives at a subscribed endpoint, with its data, in order
// per resource (driven through the public and owner APIs, as a real integration would see it).
import { afterEach, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../src/webhooks/event-types.ts";
import { DISCOVERY, discoveryBooking, ownerFixture } from "../helpers/owner-fixture.ts";
import { invoicingFixture } from "../invoicing/api-fixture.ts";
import { drain } from "./helpers.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function subscribe(f: {
  api: (p: string, i?: { body?: unknown }) => Promise<Response>;
  clock: { now(): number };
}) {
  receiver = await startReceiver(() => f.clock.now());
  const r = await f.api("/api/webhooks", { body: { url: receiver.url(), events: [...WEBHOOK_EVENT_TYPES] } });
  expect(r.status).toBe(201);
  receiver.secret = ((await r.json()) as { secret: string }).secret;
  return receiver;
}

const typesOf = (r: Receiver, resource: (data: Record<string, unknown>) => boolean) =>
  r.received.filter((e) => resource(e.data)).map((e) => e.type);

describe("events from the use cases", () => {
  it("booking and lead: created, triaged, rescheduled, cancelled, stage changed", async () => {
    const f = await ownerFixture({ now: "2027-03-26T09:00:00Z", env: { ALLOW_PRIVATE_TARGETS: "1" } });
    expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
    const r = await subscribe(f);
    const booked = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: discoveryBooking(),
    });
    expect(booked.status).toBe(201);
    const { booking, lead } = (await booked.json()) as {
      booking: { id: string; manageUrl: string };
      lead: { id: string };
    };
    const token = booking.manageUrl.split("/").pop()!;
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-30T10:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    expect(
      (await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: { reason: "plans changed" } }))
        .status,
    ).toBe(200);
    expect(
      (await f.api(`/api/leads/${lead.id}`, { method: "PATCH", body: { stage: "call_done" } })).status,
    ).toBe(200);
    await drain(f.deps);

    expect(typesOf(r, (d) => d.id === booking.id)).toEqual([
      "booking.created",
      "booking.rescheduled",
      "booking.cancelled",
    ]);
    expect(typesOf(r, (d) => d.id === lead.id)).toEqual([
      "lead.created",
      "lead.triaged",
      "lead.stage_changed",
    ]);
    const byType = Object.fromEntries(r.received.map((e) => [e.type, e.data]));
    expect(byType["booking.created"]).toMatchObject({
      leadId: lead.id,
      start: "2027-03-29T07:00:00.000Z",
      email: "alice@example.org",
      status: "confirmed",
    });
    expect(byType["booking.rescheduled"]).toMatchObject({
      start: "2027-03-30T08:00:00.000Z",
      previousStart: "2027-03-29T07:00:00.000Z",
    });
    expect(byType["booking.cancelled"]).toMatchObject({ cancelledBy: "prospect", reason: "plans changed" });
    expect(byType["lead.triaged"]).toMatchObject({ verdict: "qualified" });
    expect(byType["lead.stage_changed"]).toMatchObject({
      from: "call_scheduled",
      to: "call_done",
      by: "api",
    });
    expect(r.received.every((e) => e.signatureOk)).toBe(true);
  });

  it("missions, activity reports and invoices: started, approved, issued, paid, ended", async () => {
    const f = await invoicingFixture({
      env: { ALLOW_PRIVATE_TARGETS: "1" },
      mission: { billingMode: "end" },
    });
    const r = await subscribe(f);
    const mission = await f.json<{ id: string }>(
      "/api/missions",
      {
        body: {
          clientId: f.clientId,
          title: "Audit",
          dailyRateCents: 70_000,
          currency: "EUR",
          startDate: "2027-03-01",
          source: "malt",
          billingMode: "monthly",
        },
      },
      201,
    );
    const base = `/api/missions/${mission.id}/activity-reports`;
    await f.json(base, { body: { month: "2027-03", days: [{ date: "2027-03-01", fraction: 1 }] } }, 201);
    await f.json(`${base}/2027-03/approve`, { method: "POST" }, 200);
    const invoices = await f.json<{ items: { id: string; missionId: string }[] }>(
      `/api/invoices?missionId=${mission.id}`,
    );
    const invoiceId = invoices.items[0]!.id;
    await f.json(`/api/invoices/${invoiceId}/issue`, { method: "POST" }, 200);
    await f.json(
      `/api/invoices/${invoiceId}/payments`,
      { body: { amountCents: 40_000, date: "2027-04-03" } },
      201,
    );
    await f.json(
      `/api/invoices/${invoiceId}/payments`,
      { body: { amountCents: 44_000, date: "2027-04-04" } },
      201,
    );
    await f.json(`/api/missions/${mission.id}`, { method: "PATCH", body: { status: "ended" } }, 200);
    await drain(f.deps);

    expect(typesOf(r, (d) => d.id === mission.id)).toEqual(["mission.started", "mission.ended"]);
    expect(typesOf(r, (d) => d.missionId === mission.id && "month" in d)).toEqual([
      "activity_report.approved",
    ]);
    expect(typesOf(r, (d) => d.id === invoiceId)).toEqual(["invoice.issued", "invoice.paid"]);
    const paid = r.received.find((e) => e.type === "invoice.paid")!.data;
    expect(paid).toMatchObject({ totals: { grossCents: 84_000 }, paidCents: 84_000 });
    expect(r.received.find((e) => e.type === "activity_report.approved")!.data).toMatchObject({
      month: "2027-03",
      days: 1,
      approvedBy: "owner",
      invoiceId,
    });
  });
});
