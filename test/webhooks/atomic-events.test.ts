// A change and its webhook event are one atomic write: when that write fails (at the event's insert, or at the
// very end once the event was written), neither the change nor the event is stored, and the same request
// succeeds afterwards with exactly one event.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { decideReview, loadReview } from "../../src/missions/report-review.ts";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import { draftInvoice, invoicingFixture } from "../invoicing/api-fixture.ts";
import { countRows, injectFault, storedEvents, subscribeAll } from "./atomic-helpers.ts";
import type { Receiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const SLOT = "2027-03-29T09:00:00+02:00";
const bookingBody = (email: string) => ({
  start: SLOT,
  timeZone: "Europe/Paris",
  name: "Alice Martin",
  email,
  answers: GOOD_ANSWERS,
});

async function bookingOwner() {
  const f = await ownerFixture({ now: "2027-03-26T09:00:00Z", env: { ALLOW_PRIVATE_TARGETS: "1" } });
  expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  receiver = await subscribeAll(f);
  const book = (email: string) =>
    f.publicApi("/api/public/jean/discovery/bookings", { body: bookingBody(email) });
  return { ...f, book };
}

async function issuedInvoiceOwner() {
  const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
  receiver = await subscribeAll(f);
  const { id } = await draftInvoice(f);
  return { ...f, invoiceId: id };
}

describe.each(["event", "end"] as const)("a fault at the %s of the write", (where) => {
  it("booking created: no booking, no lead, no event; the slot is still free", async () => {
    const f = await bookingOwner();
    const heal = injectFault(f, where);
    expect((await f.book("alice@example.org")).status).toBe(500);
    expect(await countRows(f, "bookings")).toBe(0);
    expect(await countRows(f, "leads")).toBe(0);
    expect(await countRows(f, "webhook_events")).toBe(0);
    heal();
    expect((await f.book("alice@example.org")).status).toBe(201);
    expect(await storedEvents(f, "booking.created")).toHaveLength(1);
    await f.settle();
  });

  it("booking cancelled: still confirmed, no event", async () => {
    const f = await bookingOwner();
    const { booking } = (await (await f.book("alice@example.org")).json()) as {
      booking: { id: string; manageUrl: string };
    };
    const cancel = `/api/public/bookings/${booking.manageUrl.split("/").pop()}/cancel`;
    const heal = injectFault(f, where);
    expect((await f.publicApi(cancel, { body: { reason: "plans changed" } })).status).toBe(500);
    expect(await countRows(f, "bookings", sql`status = 'confirmed'`)).toBe(1);
    heal();
    expect(await storedEvents(f, "booking.cancelled")).toHaveLength(0);
    expect((await f.publicApi(cancel, { body: { reason: "plans changed" } })).status).toBe(200);
    expect(await storedEvents(f, "booking.cancelled")).toMatchObject([
      { id: booking.id, reason: "plans changed" },
    ]);
    await f.settle();
  });

  it("invoice issued: still a draft, the number not taken, no event", async () => {
    const f = await issuedInvoiceOwner();
    const heal = injectFault(f, where);
    expect((await f.api(`/api/invoices/${f.invoiceId}/issue`, { method: "POST" })).status).toBe(500);
    expect(await countRows(f, "invoices", sql`status = 'draft' AND number IS NULL`)).toBe(1);
    expect(await countRows(f, "workflow_runs", sql`workflow = 'invoice-dunning'`)).toBe(0);
    heal();
    const issued = await f.json<{ number: string }>(
      `/api/invoices/${f.invoiceId}/issue`,
      { method: "POST" },
      200,
    );
    // The number is assigned inside the batch: the event reads the one the invoice got, the first of the series.
    expect(issued.number).toBe("F-2027-0001");
    expect(await storedEvents(f, "invoice.issued")).toMatchObject([
      { id: f.invoiceId, number: "F-2027-0001" },
    ]);
    await f.settle();
  });

  it("invoice paid: no payment, nothing paid, no event", async () => {
    const f = await issuedInvoiceOwner();
    const issued = await f.json<{ totals: { grossCents: number } }>(
      `/api/invoices/${f.invoiceId}/issue`,
      { method: "POST" },
      200,
    );
    const gross = issued.totals.grossCents;
    const pay = (amountCents: number) =>
      f.api(`/api/invoices/${f.invoiceId}/payments`, { body: { amountCents, date: "2027-04-03" } });
    const heal = injectFault(f, where);
    expect((await pay(gross)).status).toBe(500);
    heal();
    expect(await countRows(f, "payments")).toBe(0);
    expect(await countRows(f, "invoices", sql`paid_cents = 0`)).toBe(1);
    expect(await storedEvents(f, "invoice.paid")).toHaveLength(0);
    expect((await pay(gross - 100)).status).toBe(201);
    expect(await storedEvents(f, "invoice.paid")).toHaveLength(0);
    expect((await pay(100)).status).toBe(201);
    expect(await storedEvents(f, "invoice.paid")).toMatchObject([{ id: f.invoiceId, paidCents: gross }]);
    await f.settle();
  });

  it("lead stage changed: the lead stays where it was, no event", async () => {
    const f = await bookingOwner();
    const { lead } = (await (await f.book("alice@example.org")).json()) as { lead: { id: string } };
    const move = () => f.api(`/api/leads/${lead.id}`, { method: "PATCH", body: { stage: "call_done" } });
    const heal = injectFault(f, where);
    expect((await move()).status).toBe(500);
    heal();
    expect(await countRows(f, "leads", sql`stage = 'call_scheduled'`)).toBe(1);
    expect(await storedEvents(f, "lead.stage_changed")).toHaveLength(0);
    expect((await move()).status).toBe(200);
    expect(await storedEvents(f, "lead.stage_changed")).toMatchObject([
      { id: lead.id, from: "call_scheduled", to: "call_done" },
    ]);
    await f.settle();
  });

  it("activity report approved: not approved, no draft invoice, no event", async () => {
    const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    receiver = await subscribeAll(f);
    const base = `/api/missions/${f.missionId}/activity-reports`;
    await f.json(base, { body: { month: "2027-03", days: [{ date: "2027-03-01", fraction: 1 }] } }, 201);
    const approve = () => f.api(`${base}/2027-03/approve`, { method: "POST" });
    const heal = injectFault(f, where);
    expect((await approve()).status).toBe(500);
    heal();
    expect(await countRows(f, "activity_reports", sql`status = 'draft' AND invoice_id IS NULL`)).toBe(1);
    expect(await countRows(f, "invoices")).toBe(0);
    expect(await storedEvents(f, "activity_report.approved")).toHaveLength(0);
    expect((await approve()).status).toBe(200);
    // The draft is made in the approval's batch, and the event carries its id.
    const [invoice] = await f.deps.database.all<{ id: string }>(sql`SELECT id FROM invoices`);
    expect(await storedEvents(f, "activity_report.approved")).toMatchObject([
      { month: "2027-03", approvedBy: "owner", invoiceId: invoice!.id },
    ]);
    await f.settle();
  });

  it("activity report approved by the client: still submitted, no draft, no event; answered once after", async () => {
    const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    receiver = await subscribeAll(f);
    const base = `/api/missions/${f.missionId}/activity-reports`;
    await f.json(base, { body: { month: "2027-03", days: [{ date: "2027-03-01", fraction: 1 }] } }, 201);
    const { reviewUrl } = await f.json<{ reviewUrl: string }>(
      `${base}/2027-03/submit`,
      { method: "POST" },
      200,
    );
    const token = new URL(reviewUrl).pathname.split("/").pop()!;
    const heal = injectFault(f, where);
    await expect(decideReview(f.deps, await loadReview(f.deps, token), "approved", null)).rejects.toThrow();
    heal();
    expect(await countRows(f, "activity_reports", sql`status = 'submitted' AND invoice_id IS NULL`)).toBe(1);
    expect(await countRows(f, "invoices")).toBe(0);
    expect(await storedEvents(f, "activity_report.approved")).toHaveLength(0);
    const approved = await decideReview(f.deps, await loadReview(f.deps, token), "approved", null);
    expect(approved).toMatchObject({ status: "approved", invoiceId: expect.any(String) });
    await decideReview(f.deps, await loadReview(f.deps, token), "approved", null);
    expect(await storedEvents(f, "activity_report.approved")).toMatchObject([
      { approvedBy: "client", invoiceId: approved.invoiceId },
    ]);
    await f.settle();
  });

  it("mission ended: still active, its end-of-mission runs not started, no event", async () => {
    const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    receiver = await subscribeAll(f);
    const end = () => f.api(`/api/missions/${f.missionId}`, { method: "PATCH", body: { status: "ended" } });
    const heal = injectFault(f, where);
    expect((await end()).status).toBe(500);
    heal();
    expect(await countRows(f, "missions", sql`status = 'active'`)).toBe(1);
    expect(await countRows(f, "workflow_runs", sql`workflow = 'end-of-mission'`)).toBe(0);
    expect(await storedEvents(f, "mission.ended")).toHaveLength(0);
    expect((await end()).status).toBe(200);
    expect((await end()).status).toBe(200);
    expect(await storedEvents(f, "mission.ended")).toMatchObject([{ id: f.missionId, status: "ended" }]);
    await f.settle();
  });
});
