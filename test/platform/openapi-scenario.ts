// One owner's tour of the whole API, through the document-driven client: a booking link booked, declined,
// moved and cancelled; leads captured, declined, won and erased; a client, missions, a month's report, invoices
// issued, paid, sent, credited and exported; a calendar feed; workflows ticked, retried and cancelled; the
// outbox; webhooks delivered and replayed. Each call's answer is checked by the client; this asserts the story.
import { expect } from "vitest";
import { BUSINESS } from "../fixtures/business.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture } from "../helpers/owner-fixture.ts";
import { LINE, MISSION } from "../invoicing/api-fixture.ts";
import { frenchClient } from "../invoicing/fixtures.ts";
import { WON_MISSION } from "../leads/helpers.ts";
import type { IcsServer } from "../peers/ics-server.ts";
import type { Receiver } from "../webhooks/receiver.ts";
import type { Answer, CallArgs } from "./openapi-conformance.ts";

type Call = (operationId: string, args?: CallArgs) => Promise<Answer>;
type Json = Record<string, unknown> & { id: string };

export interface Tour {
  f: OwnerFixture;
  call: Call;
  receiver: Receiver;
  ics: IcsServer;
  setRunStatus(id: string, status: "failed" | "waiting"): Promise<void>;
}

/** Calls and expects this status; answers the JSON body. */
function expecting(call: Call) {
  return async <T = Json>(status: number, operationId: string, args: CallArgs = {}): Promise<T> => {
    const answer = await call(operationId, args);
    expect(answer.status, `${operationId}: ${JSON.stringify(answer.body)?.slice(0, 400)}`).toBe(status);
    return answer.body as T;
  };
}

const CLIENT = { ...frenchClient, contacts: [{ name: "Camille", email: "camille@sgec.fr", role: "CTO" }] };
const FEED = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//creneau tests//EN",
  "BEGIN:VEVENT",
  "UID:busy-1@example.org",
  "DTSTAMP:20270101T000000Z",
  "DTSTART:20270406T080000Z",
  "DTEND:20270406T090000Z",
  "SUMMARY:Busy",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

export async function ownerScenario(tour: Tour): Promise<void> {
  const { call } = tour;
  const is = expecting(call);
  expect((await is<{ handle: string }>(200, "getMe")).handle).toBe("jean");

  // Webhooks first, so what follows queues deliveries.
  const hook = await is(201, "createWebhook", {
    body: { url: tour.receiver.url(), events: ["booking.created", "lead.created"], description: "CRM" },
  });
  tour.receiver.secret = hook.secret as string;
  await is(200, "listWebhooks");
  await is(200, "getWebhook", { path: { id: hook.id } });
  await is(200, "updateWebhook", { path: { id: hook.id }, body: { description: "CRM sync" } });

  await scheduling(tour, is);
  const leadId = await leads(tour, is);
  await business(tour, is, leadId);
  await calendars(tour, is);

  // The tick runs what is due: workflow steps, emails, webhook deliveries not yet out.
  const tick = await is<{ workflows: { claimed: number } }>(200, "tick", { body: {} });
  expect(tick.workflows.claimed).toBeGreaterThan(0);
  await workflows(tour, is);
  const outbox = await is<{ items: Json[] }>(200, "listOutbox", { query: { limit: "5" } });
  await is(200, "getOutboxEmail", { path: { id: outbox.items[0]!.id } });
  await is(200, "resendUnsentOutbox");
  const raw = await call("getOutboxEmailRaw", { path: { id: outbox.items[0]!.id } });
  expect(raw.status).toBe(200);
  // This deployment sends mail, so nothing was left unsent: there is nothing to queue again.
  expect(await is(200, "resendUnsentOutbox", { body: {} })).toEqual({ requeued: 0, expired: 0 });

  const deliveries = await is<{ items: Json[] }>(200, "listWebhookDeliveries", { path: { id: hook.id } });
  const delivered = deliveries.items.find((d) => d.status === "succeeded");
  expect(delivered, JSON.stringify(deliveries.items.map((d) => d.status))).toBeDefined();
  expect(tour.receiver.received.length).toBeGreaterThan(0);
  await is(202, "replayWebhookDelivery", { path: { id: delivered!.id } });
  await is(200, "updateWebhook", { path: { id: hook.id }, body: { status: "disabled" } });
  await is(409, "replayWebhookDelivery", { path: { id: delivered!.id } });
  await is(204, "deleteWebhook", { path: { id: hook.id } });
}

type Is = ReturnType<typeof expecting>;

async function scheduling({ f, call }: Tour, is: Is) {
  const link = await is(201, "createEventType", { body: DISCOVERY });
  await is(409, "createEventType", { body: DISCOVERY });
  await is(200, "listEventTypes");
  await is(200, "getEventType", { path: { id: link.id } });
  await is(200, "updateEventType", { path: { id: link.id }, body: { title: "Premier échange (30 min)" } });

  const at = { handle: "jean", slug: "discovery" };
  await is(200, "getPublicEventType", { path: at });
  const { slots } = await is<{ slots: Record<string, { start: string }[]> }>(200, "listSlots", {
    path: at,
    query: { from: "2027-04-05", to: "2027-04-05", timeZone: "Europe/Paris" },
  });
  await is(400, "listSlots", {
    path: at,
    query: { from: "2027-04-05", to: "2027-09-05", timeZone: "Europe/Paris" },
  });
  const [first, second, third] = slots["2027-04-05"]!;
  const person = {
    timeZone: "Europe/Paris",
    name: "Alice",
    email: "alice@example.org",
    answers: GOOD_ANSWERS,
  };
  const booked = await is<{ booking: Json & { manageUrl: string } }>(201, "createBooking", {
    path: at,
    body: { ...person, start: first!.start },
  });
  await is(409, "createBooking", {
    path: at,
    body: { ...person, email: "eve@example.org", start: first!.start },
  });
  const declined = await call("createBooking", {
    path: at,
    body: { ...person, email: "bob@example.org", start: second!.start, answers: { rate: 10_000, months: 1 } },
  });
  expect(declined.status).toBe(200);
  const token = booked.booking.manageUrl.split("/").pop()!;
  await is(200, "getManagedBooking", { path: { token } });
  await is(409, "rescheduleManagedBooking", {
    path: { token },
    body: { start: first!.start.replace(":00:", ":07:") },
  });
  await is(200, "rescheduleManagedBooking", { path: { token }, body: { start: second!.start } });
  await is(200, "cancelManagedBooking", { path: { token }, body: { reason: "Plus besoin" } });

  const kept = await is<{ booking: Json }>(201, "createBooking", {
    path: at,
    body: { ...person, name: "Carol", email: "carol@example.org", start: third!.start },
  });
  await is(200, "listBookings", { query: { from: "2027-04-01", status: "confirmed,cancelled" } });
  await is(200, "getBooking", { path: { id: kept.booking.id } });
  await is(200, "approveBooking", { path: { id: kept.booking.id } });
  await is(200, "cancelBooking", { path: { id: kept.booking.id }, body: { reason: "Empêchement" } });
  await is(409, "approveBooking", { path: { id: kept.booking.id } });
  await f.settle();
  const spare = await is(201, "createEventType", { body: { ...DISCOVERY, slug: "spare" } });
  await is(409, "updateEventType", { path: { id: spare.id }, body: { slug: "discovery" } });
  await is(204, "deleteEventType", { path: { id: spare.id } });
}

async function leads({ f }: Tour, is: Is): Promise<string> {
  const listed = await is<{ items: Json[] }>(200, "listLeads");
  expect(listed.items.length).toBeGreaterThan(0);
  const lead = await is(201, "createLead", {
    body: {
      name: "Dana",
      email: "dana@acme.example",
      company: "ACME",
      source: "linkedin",
      answers: { dailyRateCents: 70_000, durationMonths: 6, remote: "hybrid" },
      utm: { utm_source: "linkedin" },
    },
  });
  await is(200, "getLead", { path: { id: lead.id } });
  await is(200, "updateLead", { path: { id: lead.id }, body: { stage: "call_done", notes: "Bon échange" } });
  await is(200, "exportPerson", { path: { id: lead.id } });
  const other = await is(201, "createLead", { body: { name: "Eve", email: "eve@else.example" } });
  await is(200, "declineLead", { path: { id: other.id }, body: { sendEmail: true } });
  await is(200, "erasePerson", { path: { id: other.id } });
  await is(200, "getLeadSettings");
  await is(200, "putLeadSettings", {
    body: { criteria: { minDailyRateCents: 50_000 }, partners: [{ name: "Zoé", email: "zoe@example.org" }] },
  });
  await f.settle();
  return lead.id;
}

async function business({ f, call }: Tour, is: Is, leadId: string) {
  await is(200, "getBusinessSettings");
  await is(200, "putBusinessSettings", { body: BUSINESS });
  await is(200, "getDaysOff");
  await is(200, "putDaysOff", { body: { dates: ["2027-03-12", "2027-03-12"] } });
  await is(200, "getWorkflowSettings");
  await is(200, "putWorkflowSettings", { body: { reEngagementMonths: 6 } });

  const client = await is(201, "createClient", { body: CLIENT });
  await is(200, "listClients", { query: { q: "société" } });
  await is(200, "getClient", { path: { id: client.id } });
  await is(200, "updateClient", { path: { id: client.id }, body: { vatNumber: "FR00123456789" } });

  const mission = await is(201, "createMission", { body: { ...MISSION, clientId: client.id } });
  await is(200, "listMissions", { query: { status: "active,planned" } });
  await is(200, "getMission", { path: { id: mission.id } });
  await is(200, "updateMission", { path: { id: mission.id }, body: { plannedEndDate: "2027-12-31" } });
  const won = await is<{ missionId: string }>(201, "winLead", {
    path: { id: leadId },
    body: {
      clientId: client.id,
      mission: { ...WON_MISSION, billingMode: "platform" },
    },
  });
  await is(409, "winLead", {
    path: { id: leadId },
    body: {
      clientId: client.id,
      mission: { ...WON_MISSION, title: "Again", dailyRateCents: 1, source: "direct" },
    },
  });
  await is(200, "getLead", { path: { id: leadId } });
  const external = { platform: "malt", number: "MALT-2027-1", issueDate: "2027-03-31", amountCents: 720_000 };
  await is(201, "recordExternalInvoice", { path: { id: won.missionId }, body: external });
  await is(409, "recordExternalInvoice", { path: { id: won.missionId }, body: external });
  await is(200, "listExternalInvoices", { path: { id: won.missionId } });

  const month = { id: mission.id, month: "2027-03" };
  const { days } = await is<{ days: unknown[] }>(200, "prefillActivityReport", { path: month });
  await is(422, "getActivityReport", { path: { id: mission.id, month: "2027-13" } });
  const saved = { month: "2027-03", days: [...days, { date: "2027-03-13", fraction: 0.5 }] };
  await is(201, "saveActivityReport", { path: { id: mission.id }, body: saved });
  await is(200, "saveActivityReport", { path: { id: mission.id }, body: { ...saved, days } });
  await is(200, "listActivityReports", { path: { id: mission.id } });
  await is(200, "getActivityReport", { path: month });
  await is(200, "submitActivityReport", { path: month });
  const report = await is(200, "approveActivityReport", { path: month });
  await is(409, "submitActivityReport", { path: month });
  await is(409, "saveActivityReport", { path: { id: mission.id }, body: saved });

  // A monthly mission's approved report is drafted at once: a second draft of it is refused.
  expect(report.invoiceId).toEqual(expect.any(String));
  await is(409, "createInvoice", { body: { activityReportId: report.id } });
  const invoice = await is(200, "getInvoice", { path: { id: report.invoiceId as string } });
  await is(200, "updateDraft", { path: { id: invoice.id }, body: { lines: [LINE] } });
  for (const refused of ["getInvoicePdf", "getInvoiceXml", "getInvoiceUbl", "sendInvoice"])
    await is(409, refused, { path: { id: invoice.id } });
  await is(409, "recordPayment", { path: { id: invoice.id }, body: { amountCents: 1, date: "2027-04-02" } });
  await is(409, "issueCreditNote", { path: { id: invoice.id }, body: {} });
  await is(200, "issueInvoice", { path: { id: invoice.id } });
  await is(409, "issueInvoice", { path: { id: invoice.id } });
  await is(409, "deleteDraft", { path: { id: invoice.id } });
  await is(409, "updateDraft", { path: { id: invoice.id }, body: { lines: [LINE] } });
  await is(200, "listInvoices", { query: { status: "issued" } });
  await is(200, "getInvoice", { path: { id: invoice.id } });
  await is(201, "recordPayment", {
    path: { id: invoice.id },
    body: { amountCents: 100_000, date: "2027-04-02" },
  });
  await is(200, "listPayments", { path: { id: invoice.id } });
  await is(202, "sendInvoice", { path: { id: invoice.id } });
  await is(200, "sendInvoice", { path: { id: invoice.id } });
  const pdf = await call("getInvoicePdf", { path: { id: invoice.id }, query: { locale: "en" } });
  expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
  const xml = await call("getInvoiceXml", { path: { id: invoice.id } });
  expect(xml.body).toContain("CrossIndustryInvoice");
  const ubl = await call("getInvoiceUbl", { path: { id: invoice.id } });
  expect(ubl.body).toContain("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  const credit = await is(201, "issueCreditNote", {
    path: { id: invoice.id },
    body: { reason: "Geste commercial" },
  });
  await is(200, "getInvoice", { path: { id: credit.id } });
  const csv = await call("exportInvoicesCsv", { query: { year: "2027" } });
  expect(csv.status).toBe(200);
  const zip = await call("exportInvoicesZip", { query: { year: "2027" } });
  expect([...zip.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);

  const draft = await is(201, "createInvoice", {
    body: { missionId: mission.id, periodStart: "2027-03-01", periodEnd: "2027-03-31", lines: [LINE] },
  });
  await is(204, "deleteDraft", { path: { id: draft.id } });
  await f.settle();
}

async function calendars({ f, ics }: Tour, is: Is) {
  ics.set("/busy.ics", { body: FEED });
  const connection = await is(201, "createCalendar", {
    body: { type: "ics", url: ics.url("/busy.ics"), name: "Perso" },
  });
  await is(200, "listCalendars");
  await is(200, "getCalendar", { path: { id: connection.id } });
  await is(200, "updateCalendar", { path: { id: connection.id }, body: { name: "Perso (iCloud)" } });
  await is(200, "syncCalendar", { path: { id: connection.id }, query: { full: "1" } });
  await is(200, "getCalendarSettings");
  await is(200, "updateCalendarSettings", { body: { reminderMinutes: 60 } });
  await is(201, "renewBookingsFeed");
  await is(204, "disableBookingsFeed");
  await is(204, "deleteCalendar", { path: { id: connection.id } });
  await f.settle();
}

async function workflows({ setRunStatus }: Tour, is: Is) {
  const runs = await is<{ items: Json[] }>(200, "listWorkflowRuns", { query: { limit: "200" } });
  const run = runs.items[0]!;
  await setRunStatus(run.id, "failed");
  const retried = await is(200, "retryWorkflowRun", { path: { id: run.id } });
  expect(retried.status).toBe("waiting");
  await is(409, "retryWorkflowRun", { path: { id: run.id } });
  await is(200, "cancelWorkflowRun", { path: { id: run.id } });
  await is(409, "cancelWorkflowRun", { path: { id: run.id } });
}
