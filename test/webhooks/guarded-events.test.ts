// A guarded change that does nothing records no event: the slot was taken (409), the booking was already
// cancelled by someone acting on the same view of it, the invoice was already issued. Retries record once.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cancelBooking, loadBookingContext } from "../../src/scheduling/manage-booking.ts";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import { draftInvoice, invoicingFixture } from "../invoicing/api-fixture.ts";
import { storedEvents, subscribeAll } from "./atomic-helpers.ts";
import type { Receiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function bookingOwner() {
  const f = await ownerFixture({ now: "2027-03-26T09:00:00Z", env: { ALLOW_PRIVATE_TARGETS: "1" } });
  expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  receiver = await subscribeAll(f);
  const book = (email: string, start = "2027-03-29T09:00:00+02:00") =>
    f.publicApi("/api/public/jean/discovery/bookings", {
      body: { start, timeZone: "Europe/Paris", name: "Alice Martin", email, answers: GOOD_ANSWERS },
    });
  return { ...f, book };
}

describe("guarded changes that do nothing record no event", () => {
  it("a slot taken by two requests at once: one 201 and its events, one 409 and none", async () => {
    const f = await bookingOwner();
    const answers = await Promise.all([f.book("alice@example.org"), f.book("bob@example.org")]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = (await answers.find((r) => r.status === 201)!.json()) as {
      booking: { id: string };
      lead: { id: string };
    };
    expect(await storedEvents(f, "booking.created")).toMatchObject([{ id: winner.booking.id }]);
    expect(await storedEvents(f, "lead.created")).toMatchObject([{ id: winner.lead.id }]);
    expect(await storedEvents(f, "lead.triaged")).toMatchObject([{ id: winner.lead.id }]);
    await f.settle();
  });

  it("the events of one change are recorded in order, and each waits behind an earlier one about the same resource", async () => {
    const f = await bookingOwner();
    const triagedOnly = await f.api("/api/webhooks", {
      body: { url: receiver!.url(), events: ["lead.triaged"] },
    });
    expect(triagedOnly.status).toBe(201);
    const triagedOnlyId = ((await triagedOnly.json()) as { id: string }).id;
    expect((await f.book("alice@example.org")).status).toBe(201);
    const rows = await f.deps.database.all<{ type: string; endpoint: string; status: string }>(
      sql`SELECT ev.type, d.endpoint_id AS endpoint, d.status FROM webhook_deliveries d
        JOIN webhook_events ev ON ev.id = d.event_id ORDER BY ev.seq, d.endpoint_id = ${triagedOnlyId}`,
    );
    // The nudge may already be delivering the ones not waiting.
    const turn = (status: string) => (status === "waiting" ? "waits" : "goes");
    expect(
      rows.map((r) => [r.type, r.endpoint === triagedOnlyId ? "triaged-only" : "all", turn(r.status)]),
    ).toEqual([
      ["lead.created", "all", "goes"],
      // Same lead: waits for lead.created on the endpoint that gets both.
      ["lead.triaged", "all", "waits"],
      // This endpoint never gets lead.created: nothing to wait for.
      ["lead.triaged", "triaged-only", "goes"],
      ["booking.created", "all", "goes"],
    ]);
    await f.settle();
  });

  it("two cancels from the same view of a live booking: one cancels and reports it, the other does neither", async () => {
    const f = await bookingOwner();
    const { booking } = (await (await f.book("alice@example.org")).json()) as { booking: { id: string } };
    // Both load the booking while it is live, as two requests arriving together would.
    const [first, second] = await Promise.all([
      loadBookingContext(f.deps, booking.id),
      loadBookingContext(f.deps, booking.id),
    ]);
    expect(await cancelBooking(f.deps, first, "prospect", "first")).toEqual({ cancelled: true });
    f.clock.advance(1_000);
    expect(await cancelBooking(f.deps, second, "owner", "second")).toEqual({ cancelled: false });
    expect(await storedEvents(f, "booking.cancelled")).toMatchObject([
      { id: booking.id, cancelledBy: "prospect", reason: "first" },
    ]);
    await f.settle();
  });

  it("a reschedule to a taken slot: 409, the booking stays, no booking.rescheduled", async () => {
    const f = await bookingOwner();
    await f.book("bob@example.org", "2027-03-30T10:00:00+02:00");
    const { booking } = (await (await f.book("alice@example.org")).json()) as {
      booking: { manageUrl: string };
    };
    const token = booking.manageUrl.split("/").pop();
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-30T10:00:00+02:00" },
    });
    expect(moved.status).toBe(409);
    expect(await storedEvents(f, "booking.rescheduled")).toHaveLength(0);
    await f.settle();
  });

  it("moving a booking there, back and there again reports each move (the dedupe key is the version)", async () => {
    const f = await bookingOwner();
    const { booking } = (await (await f.book("alice@example.org")).json()) as {
      booking: { manageUrl: string };
    };
    const token = booking.manageUrl.split("/").pop();
    const starts = ["2027-03-30T10:00:00+02:00", "2027-03-29T09:00:00+02:00", "2027-03-30T10:00:00+02:00"];
    for (const start of starts)
      expect(
        (await f.publicApi(`/api/public/bookings/${token}/reschedule`, { body: { start } })).status,
      ).toBe(200);
    const events = await storedEvents(f, "booking.rescheduled");
    expect(events.map((e) => e.start)).toEqual([
      "2027-03-30T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
      "2027-03-30T08:00:00.000Z",
    ]);
    await f.settle();
  });

  it("issuing twice: the second is refused and the invoice is reported issued once", async () => {
    const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    receiver = await subscribeAll(f);
    const { id } = await draftInvoice(f);
    const answers = await Promise.all([
      f.api(`/api/invoices/${id}/issue`, { method: "POST" }),
      f.api(`/api/invoices/${id}/issue`, { method: "POST" }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await storedEvents(f, "invoice.issued")).toHaveLength(1);
    await f.settle();
  });
});
