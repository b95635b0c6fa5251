// Reminders before calls, through the scheduler's tick: on time, once, again after a reschedule, never late.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { book, calendarOwner } from "./helpers.ts";

const CALL = Date.parse("2027-03-29T09:00:00+02:00");
const MIN = 60_000;

async function reminders(f: Awaited<ReturnType<typeof calendarOwner>>) {
  return f.deps.database.db.select().from(outbox).where(eq(outbox.why, "calendar.call-reminder"));
}

describe("call reminders", () => {
  it("emails the owner 30 minutes before, once, with the answers, the verdict, the join link and the cancel link", async () => {
    const f = await calendarOwner();
    const created = await book(f, "2027-03-29T09:00:00+02:00", { notes: "Mission Node.js de 6 mois" });
    expect(created.status).toBe(201);
    f.clock.set(CALL - 31 * MIN);
    await tick(f.deps);
    expect(await reminders(f)).toHaveLength(0);
    f.clock.set(CALL - 29 * MIN);
    await tick(f.deps);
    await tick(f.deps);
    const sent = await reminders(f);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail).toMatchObject({ toAddress: "jean@example.com", status: "sent" });
    expect(mail!.subject).toBe("Dans 30 min : Premier échange avec Alice Martin");
    expect(mail!.text).toContain("TJM proposé");
    expect(mail!.text).toMatch(/qualifié/i);
    expect(mail!.text).toContain("https://meet.example.org/jean");
    expect(mail!.text).toContain("Mission Node.js de 6 mois");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/m\/bookings\/\S+/);
    expect(mail!.idempotencyKey).toBe(
      `reminder:${((await created.clone().json()) as { booking: { id: string } }).booking.id}:${CALL}`,
    );
  });

  it("sends a new reminder for the new time after a reschedule, and skips one whose call has started", async () => {
    const f = await calendarOwner();
    const created = await book(f, "2027-03-29T09:00:00+02:00");
    const { booking } = (await created.json()) as { booking: { manageUrl: string } };
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
    expect((await reminders(f)).map((m) => m.idempotencyKey.split(":")[2])).toEqual([
      String(CALL),
      String(later),
    ]);

    // The scheduler was down until after the next call began: that reminder is not sent late.
    const g = await calendarOwner();
    await book(g, "2027-03-29T09:00:00+02:00");
    g.clock.set(CALL + MIN);
    await tick(g.deps);
    expect(await reminders(g)).toHaveLength(0);
  });

  it("follows the owner's setting: 60 minutes, or none at all", async () => {
    const f = await calendarOwner();
    await book(f, "2027-03-29T09:00:00+02:00");
    const patched = await f.api("/api/settings/calendars", {
      method: "PATCH",
      body: { reminderMinutes: 60 },
    });
    expect(await patched.json()).toMatchObject({ reminderMinutes: 60, allDayEvents: "busy", feedUrl: null });
    f.clock.set(CALL - 55 * MIN);
    await tick(f.deps);
    expect((await reminders(f))[0]?.subject).toContain("Dans 60 min");
    expect(
      (await f.api("/api/settings/calendars", { method: "PATCH", body: { reminderMinutes: 45 } })).status,
    ).toBe(422);

    const g = await calendarOwner();
    await book(g, "2027-03-29T09:00:00+02:00");
    await g.api("/api/settings/calendars", { method: "PATCH", body: { reminderMinutes: 0 } });
    g.clock.set(CALL - 10 * MIN);
    await tick(g.deps);
    expect(await reminders(g)).toHaveLength(0);
  });
});
