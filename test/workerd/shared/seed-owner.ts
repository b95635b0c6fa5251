// One of everything for an owner, created through the API and the public pages, each carrying a marker
// string no other owner's data contains: the isolation suite then hunts for it from another account.
import { expect } from "vitest";
import { type AppFetch, expectJson, type OwnerClient } from "./http-client.ts";
import { BUSINESS, isoDay, lastMonth, missionFor, openWeek } from "./seed-data.ts";

export interface SeededOwner {
  owner: OwnerClient;
  marker: string;
  ids: {
    eventType: string;
    booking: string;
    lead: string;
    client: string;
    mission: string;
    month: string;
    activityReport: string;
    invoice: string;
    draftInvoice: string;
    calendar: string;
    outbox: string;
    run: string;
    webhook: string;
    delivery: string;
    apiKey: string;
  };
}

/** A Tuesday in the middle of last month: a working day in every year. */
function workingDay(month: string): string {
  for (let day = 8; day <= 14; day++) {
    const date = `${month}-${String(day).padStart(2, "0")}`;
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 2) return date;
  }
  throw new Error("unreachable");
}

export async function seedOwner(fetch: AppFetch, owner: OwnerClient, peersUrl: string): Promise<SeededOwner> {
  const marker = `Zq${owner.handle}Secret`;
  const api = <T = Record<string, unknown>>(path: string, status: number, body?: unknown, method?: string) =>
    expectJson<T>(owner.api(path, { body, method }), status);

  // Subscribed before anything happens, so the booking below queues a delivery.
  const webhook = await api<{ id: string }>("/api/webhooks", 201, {
    url: `${peersUrl}/hooks/${marker}`,
    events: ["booking.created", "lead.created"],
    description: `${marker} hook`,
  });
  const eventType = await api<{ id: string }>("/api/event-types", 201, {
    slug: "secret-call",
    title: `${marker} call`,
    durationMinutes: 30,
    ...openWeek(),
    minimumNoticeMinutes: 60,
  });
  const day = isoDay(Date.now() + 4 * 86_400_000);
  const slots = await expectJson<{ slots: Record<string, { start: string }[]> }>(
    fetch(`/api/public/${owner.handle}/secret-call/slots?from=${day}&to=${day}&timeZone=Europe/Paris`),
    200,
  );
  const booked = await expectJson<{ booking: { id: string }; lead: { id: string } }>(
    fetch(`/api/public/${owner.handle}/secret-call/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start: slots.slots[day]?.[12]?.start,
        timeZone: "Europe/Paris",
        name: `${marker} Prospect`,
        email: `prospect-${owner.handle}@example.org`,
        answers: {},
        notes: `${marker} notes`,
      }),
    }),
    201,
  );
  await api("/api/settings/business", 200, { ...BUSINESS, legalName: `${marker} SASU` }, "PUT");
  const client = await api<{ id: string }>("/api/clients", 201, {
    name: `${marker} Client`,
    address: { line1: "1 rue du Secret", postalCode: "75001", city: "Paris", country: "FR" },
    siren: "542051180",
    billingEmail: `billing-${owner.handle}@example.org`,
  });
  const mission = await api<{ id: string }>("/api/missions", 201, missionFor(client.id, `${marker} mission`));
  const { month, start, end } = lastMonth();
  const report = await api<{ id: string }>(`/api/missions/${mission.id}/activity-reports`, 201, {
    month,
    days: [{ date: workingDay(month), fraction: 1 }],
  });
  const line = { description: `${marker} line`, quantity: 1, unitPriceCents: 50_000, vatRate: 20 };
  const body = { missionId: mission.id, periodStart: start, periodEnd: end, lines: [line] };
  const invoice = await api<{ id: string }>("/api/invoices", 201, body);
  await api(`/api/invoices/${invoice.id}/issue`, 200, {}, "POST");
  const draft = await api<{ id: string }>("/api/invoices", 201, body);
  const feed = await expectJson<{ url: string }>(
    globalThis.fetch(`${peersUrl}/ics`, {
      method: "POST",
      body: JSON.stringify({ path: `/${owner.handle}.ics`, ics: emptyCalendar(marker) }),
    }),
    200,
  );
  const calendar = await api<{ id: string }>("/api/calendars", 201, {
    type: "ics",
    url: feed.url,
    name: `${marker} feed`,
  });
  await api("/api/workflows/tick", 200, {}, "POST");

  const outbox = await api<{ items: { id: string }[] }>("/api/outbox", 200);
  const runs = await api<{ items: { id: string }[] }>("/api/workflows/runs", 200);
  const deliveries = await api<{ items: { id: string; status: string }[] }>(
    `/api/webhooks/${webhook.id}/deliveries`,
    200,
  );
  // The tick delivered the booking's events to the peer, signed, from whichever runtime this is.
  expect(deliveries.items.map((d) => d.status)).toContain("succeeded");
  const keysPage = await (await owner.page("/dashboard/api-keys")).text();
  const apiKey = /\/dashboard\/api-keys\/([^/"]+)\/revoke/.exec(keysPage)?.[1];
  expect(outbox.items.length && runs.items.length && deliveries.items.length && apiKey).toBeTruthy();
  return {
    owner,
    marker,
    ids: {
      eventType: eventType.id,
      booking: booked.booking.id,
      lead: booked.lead.id,
      client: client.id,
      mission: mission.id,
      month,
      activityReport: report.id,
      invoice: invoice.id,
      draftInvoice: draft.id,
      calendar: calendar.id,
      outbox: outbox.items[0]!.id,
      run: runs.items[0]!.id,
      webhook: webhook.id,
      delivery: deliveries.items[0]!.id,
      apiKey: apiKey!,
    },
  };
}

function emptyCalendar(marker: string): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//creneau tests//EN",
    "BEGIN:VEVENT",
    `UID:${marker}@example.org`,
    "DTSTAMP:20260101T000000Z",
    "DTSTART:20260105T090000Z",
    "DTEND:20260105T100000Z",
    `SUMMARY:${marker} busy`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
