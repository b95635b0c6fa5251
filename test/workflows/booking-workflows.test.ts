import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";

// Friday 2027-03-26 09:00 UTC; the call is Monday 2027-03-29 09:00 Paris (07:00 UTC).
const NOW = "2027-03-26T09:00:00Z";
const CALL = "2027-03-29T09:00:00+02:00";
const CALL_MS = Date.parse(CALL);
const HOUR = 3_600_000;

async function booked(overrides: Record<string, unknown> = {}, start = CALL) {
  const f = await ownerFixture({ now: NOW });
  await f.api("/api/event-types", { body: { ...DISCOVERY, ...overrides } });
  const r = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start,
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email: "alice@example.org",
      answers: GOOD_ANSWERS,
    },
  });
  expect(r.status).toBe(201);
  const { booking } = (await r.json()) as { booking: { id: string; manageUrl: string } };
  return { f, booking, token: booking.manageUrl.split("/bookings/")[1]! };
}

async function workflowMails(f: Awaited<ReturnType<typeof ownerFixture>>, to?: string) {
  const rows = await f.deps.database.db.select().from(outbox).all();
  return rows.filter((r) => r.why.startsWith("workflow:") && (!to || r.toAddress === to));
}

const PROSPECT = "alice@example.org";

describe("booking-reminders", () => {
  it("reminds the prospect the day before, once, at the right moment", async () => {
    const { f } = await booked();
    await tick(f.deps);
    expect(await workflowMails(f)).toHaveLength(0);
    f.clock.set(CALL_MS - 24 * HOUR - 60_000);
    await tick(f.deps);
    expect(await workflowMails(f)).toHaveLength(0);
    f.clock.set(CALL_MS - 24 * HOUR + 30_000);
    await tick(f.deps);
    await tick(f.deps);
    const mails = await workflowMails(f);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: "alice@example.org",
      why: "workflow:booking-reminders",
      status: "sent",
    });
    expect(mails[0]!.subject).toContain("Rappel");
  });

  it("sends the prospect nothing for a call booked less than a day ahead (the owner still gets theirs)", async () => {
    const { f } = await booked({}, "2027-03-26T11:30:00+01:00");
    f.clock.set("2027-03-26T10:00:00Z");
    await tick(f.deps);
    expect(await workflowMails(f, PROSPECT)).toHaveLength(0);
    expect(await workflowMails(f, "jean@example.com")).toHaveLength(1);
  });

  it("after three days down, skips the reminder whose moment has passed instead of sending it late", async () => {
    const { f } = await booked();
    f.clock.set(CALL_MS - HOUR); // the scheduler comes back one hour before the call
    await tick(f.deps);
    expect(await workflowMails(f)).toHaveLength(0);
    // What is left is the owner's reminder, 30 minutes before the call.
    const run = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.workflow, "booking-reminders"))
      .get();
    expect(run).toMatchObject({
      status: "waiting",
      waitingOn: "sleep:owner-reminder-at-30",
      wakeAt: CALL_MS - HOUR / 2,
    });
  });

  it("stops when the booking is cancelled, and follows it when it is rescheduled", async () => {
    const cancelled = await booked();
    await cancelled.f.publicApi(`/api/public/bookings/${cancelled.token}/cancel`, { body: {} });
    cancelled.f.clock.set(CALL_MS - 23 * HOUR);
    await tick(cancelled.f.deps);
    expect(await workflowMails(cancelled.f)).toHaveLength(0);
    expect(
      (await cancelled.f.deps.database.db.select().from(workflowRuns).all())
        .map((r) => `${r.workflow}:${r.status}`)
        .sort(),
    ).toEqual(["after-call:cancelled", "booking-reminders:cancelled"]);

    const moved = await booked();
    const newStart = Date.parse("2027-03-30T10:00:00+02:00");
    expect(
      (
        await moved.f.publicApi(`/api/public/bookings/${moved.token}/reschedule`, {
          body: { start: "2027-03-30T10:00:00+02:00" },
        })
      ).status,
    ).toBe(200);
    moved.f.clock.set(CALL_MS - 23 * HOUR); // the old reminder time: nothing
    await tick(moved.f.deps);
    expect(await workflowMails(moved.f)).toHaveLength(0);
    moved.f.clock.set(newStart - 23 * HOUR);
    await tick(moved.f.deps);
    expect(await workflowMails(moved.f)).toHaveLength(1);
    const runs = await moved.f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.workflow, "booking-reminders"))
      .all();
    // The new run has sent the prospect's reminder and waits for the owner's, 30 minutes before the call.
    expect(runs.map((r) => `${r.key.split("@")[1]}:${r.status}`).sort()).toEqual([
      `${CALL_MS}:cancelled`,
      `${newStart}:waiting`,
    ]);
  });
});

describe("pending-approval", () => {
  it("reminds the owner, then declines kindly and frees the slot", async () => {
    const { f, booking } = await booked({ requiresConfirmation: true });
    f.clock.advance(12 * HOUR + 1000);
    await tick(f.deps);
    const [nudge] = await workflowMails(f);
    expect(nudge).toMatchObject({ toAddress: "jean@example.com", why: "workflow:pending-approval" });
    f.clock.set(CALL_MS - HOUR + 1000); // 48 h would be after the call: the decline comes an hour before it
    await tick(f.deps);
    const mails = await workflowMails(f);
    expect(mails.map((m) => m.toAddress)).toEqual(["jean@example.com", "alice@example.org"]);
    const status = (await (await f.api(`/api/bookings/${booking.id}`)).json()) as { status: string };
    expect(status.status).toBe("cancelled");
  });

  it("ends quietly when the owner approves in time", async () => {
    const { f, booking } = await booked({ requiresConfirmation: true });
    f.clock.advance(HOUR);
    expect((await f.api(`/api/bookings/${booking.id}/approve`, { method: "POST" })).status).toBe(200);
    await tick(f.deps);
    const run = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.workflow, "pending-approval"))
      .get();
    expect(run?.status).toBe("completed");
    f.clock.advance(48 * HOUR);
    await tick(f.deps);
    expect((await workflowMails(f)).filter((m) => m.why === "workflow:pending-approval")).toHaveLength(0);
  });
});
