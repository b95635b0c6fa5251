// The owner's reminder before each call, a step of booking-reminders: on time, once, again after a
// reschedule, never late, as the calendar settings say. (The move from the tick's interim job is migration
// 0007, tested in reminder-backfill.test.ts.)
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { book, calendarOwner } from "../calendars/helpers.ts";
import type { OwnerFixture } from "../helpers/owner-fixture.ts";

const CALL = Date.parse("2027-03-29T09:00:00+02:00");
const MIN = 60_000;

async function ownerReminders(f: OwnerFixture) {
  const rows = await f.deps.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.why, "workflow:booking-reminders"), eq(outbox.toAddress, "jean@example.com")));
  return rows;
}

async function booked(f: OwnerFixture, start = "2027-03-29T09:00:00+02:00", extra = {}) {
  const r = await book(f, start, extra);
  expect(r.status).toBe(201);
  return ((await r.json()) as { booking: { id: string; manageUrl: string } }).booking;
}

describe("owner's reminder before each call", () => {
  it("emails the owner 30 minutes before, once, with the answers, the verdict, the join link and the cancel link", async () => {
    const f = await calendarOwner();
    const booking = await booked(f, undefined, { notes: "Mission Node.js de 6 mois" });
    f.clock.set(CALL - 31 * MIN);
    await tick(f.deps);
    expect(await ownerReminders(f)).toHaveLength(0);
    f.clock.set(CALL - 29 * MIN);
    await tick(f.deps);
    await tick(f.deps);
    const sent = await ownerReminders(f);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail).toMatchObject({ status: "sent", locale: "fr" });
    expect(mail!.subject).toBe("Dans 30 min : Premier échange avec Alice Martin");
    expect(mail!.text).toContain("TJM proposé");
    expect(mail!.text).toMatch(/qualifié/i);
    expect(mail!.text).toContain("https://meet.example.org/jean");
    expect(mail!.text).toContain("Mission Node.js de 6 mois");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/m\/bookings\/\S+/);
    expect(mail!.html).toContain("Rejoindre");
    const run = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.key, `${booking.id}@${CALL}`))
      .all();
    const reminders = run.find((r) => r.workflow === "booking-reminders")!;
    expect(mail!.workflowRunId).toBe(reminders.id);
    expect(mail!.idempotencyKey).toBe(`workflow:${reminders.id}:owner-reminder`);
    expect(reminders.status).toBe("completed");
  });

  it("reminds again for the new time after a reschedule, never for a cancelled call, and skips one whose call has started", async () => {
    const f = await calendarOwner();
    const booking = await booked(f);
    f.clock.set(CALL - 25 * MIN);
    await tick(f.deps);
    const token = booking.manageUrl.split("/bookings/")[1]!;
    f.clock.set(CALL - 24 * 60 * MIN);
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-30T10:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    const later = Date.parse("2027-03-30T10:00:00+02:00");
    f.clock.set(later - 10 * MIN);
    await tick(f.deps);
    const runs = await f.deps.database.db.select().from(workflowRuns).all();
    const sent = await ownerReminders(f);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => runs.find((r) => r.id === m.workflowRunId)?.key)).toEqual([
      `${booking.id}@${CALL}`,
      `${booking.id}@${later}`,
    ]);

    const cancelled = await calendarOwner();
    const other = await booked(cancelled);
    const otherToken = other.manageUrl.split("/bookings/")[1]!;
    expect(
      (await cancelled.publicApi(`/api/public/bookings/${otherToken}/cancel`, { body: {} })).status,
    ).toBe(200);
    cancelled.clock.set(CALL - 20 * MIN);
    await tick(cancelled.deps);
    expect(await ownerReminders(cancelled)).toHaveLength(0);

    // The scheduler was down until after the call began: the reminder is not sent late.
    const g = await calendarOwner();
    await booked(g);
    g.clock.set(CALL + MIN);
    await tick(g.deps);
    expect(await ownerReminders(g)).toHaveLength(0);
    const done = await g.deps.database.db.select().from(workflowRuns).all();
    expect(done.find((r) => r.workflow === "booking-reminders")?.status).toBe("completed");
  });

  it("follows the owner's setting: 60 minutes, none at all, or a change made after the booking", async () => {
    const f = await calendarOwner();
    await booked(f);
    const patched = await f.api("/api/settings/calendars", {
      method: "PATCH",
      body: { reminderMinutes: 60 },
    });
    expect(await patched.json()).toMatchObject({ reminderMinutes: 60 });
    f.clock.set(CALL - 61 * MIN);
    await tick(f.deps);
    expect(await ownerReminders(f)).toHaveLength(0);
    f.clock.set(CALL - 59 * MIN);
    await tick(f.deps);
    expect((await ownerReminders(f))[0]?.subject).toContain("Dans 60 min");
    expect(
      (await f.api("/api/settings/calendars", { method: "PATCH", body: { reminderMinutes: 45 } })).status,
    ).toBe(422);

    const g = await calendarOwner();
    await booked(g);
    await g.api("/api/settings/calendars", { method: "PATCH", body: { reminderMinutes: 0 } });
    g.clock.set(CALL - 10 * MIN);
    await tick(g.deps);
    expect(await ownerReminders(g)).toHaveLength(0);

    // Woken at the longest lead (60 min) with 30 chosen, then the owner picks 15: it waits for 15.
    const h = await calendarOwner();
    await booked(h);
    h.clock.set(CALL - 59 * MIN);
    await tick(h.deps);
    await h.api("/api/settings/calendars", { method: "PATCH", body: { reminderMinutes: 15 } });
    h.clock.set(CALL - 29 * MIN);
    await tick(h.deps);
    expect(await ownerReminders(h)).toHaveLength(0);
    h.clock.set(CALL - 14 * MIN);
    await tick(h.deps);
    expect((await ownerReminders(h)).map((m) => m.subject)).toEqual([
      "Dans 15 min : Premier échange avec Alice Martin",
    ]);
  });
});
