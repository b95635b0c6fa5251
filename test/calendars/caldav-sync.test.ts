// CalDAV against a real Radicale: discovery, busy times into slots, incremental sync, booking events
// written, moved and removed, a server that hangs, and credentials that stop working.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarLimits } from "../../src/calendars/network/fetch-policy.ts";
import { sealSecret } from "../../src/calendars/secrets.ts";
import { calendarConnections, outbox } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";
import { type RadicaleServer, startRadicale } from "../peers/radicale.ts";
import { fixture, vcalendar, vevent } from "./feeds.ts";
import { ALL_MONDAY, book, calendarOwner, connect, mondaySlots, syncNow, syncRuns } from "./helpers.ts";

let radicale: RadicaleServer;
let feeds: IcsServer;
beforeAll(async () => {
  radicale = await startRadicale({
    calendars: [
      { slug: "work", name: "Travail" },
      { slug: "personal", name: "Perso" },
    ],
  });
  feeds = await startIcsServer();
});
afterAll(async () => {
  await radicale.stop();
  await feeds.close();
});

const event = (uid: string, start: string, end: string, extra: Record<string, string> = {}) =>
  vcalendar([
    vevent({
      UID: uid,
      SUMMARY: uid,
      "DTSTART;TZID=Europe/Paris": start,
      "DTEND;TZID=Europe/Paris": end,
      ...extra,
    }),
  ]);

async function connectRadicale(f: Awaited<ReturnType<typeof calendarOwner>>) {
  return connect(f, {
    type: "caldav",
    serverUrl: radicale.url,
    username: radicale.username,
    password: radicale.password,
    bookingCalendarId: radicale.calendarUrl("work"),
  });
}

describe("CalDAV (Radicale)", () => {
  it("discovers the calendars, turns busy events into missing slots, and follows changes incrementally", async () => {
    await radicale.put("work", "copil.ics", event("copil", "20270329T100000", "20270329T103000"));
    await radicale.put(
      "personal",
      "free.ics",
      event("free", "20270329T090000", "20270329T093000", { TRANSP: "TRANSPARENT" }),
    );
    const f = await calendarOwner();
    const connection = await connectRadicale(f);
    expect(connection.calendars.map((c) => [c.name, c.busy, c.receivesBookings]).sort()).toEqual([
      ["Perso", true, false],
      ["Travail", true, true],
    ]);
    expect(connection.sync).toMatchObject({ status: "ok", events: 2 });
    expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);

    // Nothing changed: ctag/sync-token say so and no event is read.
    expect((await syncNow(f, connection.id)).sync.events).toBe(0);

    await radicale.put("work", "copil.ics", event("copil", "20270329T113000", "20270329T120000"));
    const moved = await syncNow(f, connection.id);
    expect(moved.sync).toMatchObject({ status: "ok", events: 1 });
    expect(await mondaySlots(f)).toEqual(["09:00", "09:30", "10:00", "10:30"]);

    await radicale.remove("work", "copil.ics");
    await radicale.remove("personal", "free.ics");
    await syncNow(f, connection.id);
    expect(await mondaySlots(f)).toEqual(ALL_MONDAY);
  });

  it("writes a booking into the chosen calendar with the prospect as attendee, moves it, removes it on cancel", async () => {
    const f = await calendarOwner();
    const connection = await connectRadicale(f);
    const before = new Set(await radicale.objects("work"));
    const created = await book(f, "2027-03-29T09:00:00+02:00");
    expect(created.status).toBe(201);
    const { booking } = (await created.json()) as { booking: { manageUrl: string } };
    const written = (await radicale.objects("work")).filter((o) => !before.has(o));
    expect(written).toHaveLength(1);
    const object = (await radicale.get("work", written[0]!))!.replace(/\r\n /g, "");
    expect(object).toContain("DTSTART:20270329T070000Z");
    expect(object).toMatch(/^ATTENDEE;[^\r\n]*SCHEDULE-AGENT=CLIENT[^\r\n]*:mailto:alice@example\.org$/im);
    expect(object).toContain("X-CRENEAU-BOOKING:");
    expect(object).not.toContain("METHOD:");

    // Our own event is not read back as busy time: only the booking itself holds 09:00.
    const synced = await syncNow(f, connection.id);
    expect(synced.connection.busyIntervals).toBe(0);
    expect(await mondaySlots(f)).toEqual(["10:00", "10:30", "11:00", "11:30"]);

    const token = booking.manageUrl.split("/bookings/")[1]!;
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-29T11:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    expect(await radicale.get("work", written[0]!)).toContain("DTSTART:20270329T090000Z");

    expect((await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: {} })).status).toBe(200);
    expect(await radicale.objects("work")).not.toContain(written[0]);
  });

  it("asks the calendar itself right before booking: an event the cache has not seen yet refuses the slot", async () => {
    const f = await calendarOwner();
    await connectRadicale(f);
    await radicale.put("work", "late.ics", event("late", "20270329T113000", "20270329T120000"));
    expect(await mondaySlots(f)).toContain("11:30");
    const refused = await book(f, "2027-03-29T11:30:00+02:00");
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/organiser's calendar/);
    await radicale.remove("work", "late.ics");
  });

  it("survives a server that stops answering: clear error, last busy times kept, other calendars and bookings go on", async () => {
    await radicale.put("work", "kept.ics", event("kept", "20270329T100000", "20270329T103000"));
    feeds.set("/other.ics", { body: fixture("all-day.ics") });
    const f = await calendarOwner();
    const connection = await connectRadicale(f);
    const other = await connect(f, { type: "ics", url: feeds.url("/other.ics") });
    const timeout = calendarLimits.timeoutMs;
    calendarLimits.timeoutMs = 700;
    radicale.freeze();
    try {
      const { sync, connection: after } = await syncNow(f, connection.id, "?full=1");
      expect(sync.status).toBe("error");
      expect(after.lastError).toMatch(/did not answer in time/);
      expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);
      // A prospect can still book while the server hangs; the calendar write waits for the tick.
      const created = await book(f, "2027-03-29T11:30:00+02:00");
      expect(created.status).toBe(201);
      f.clock.advance(60 * 60_000);
      await tick(f.deps);
      // The ICS feed synced and handed over to its next run; Radicale failed again: its run retries, saying why.
      expect((await syncRuns(f, other.id)).map((r) => r.status)).toEqual(["completed", "waiting"]);
      expect(await syncRuns(f, connection.id)).toMatchObject([
        { status: "waiting", waitingOn: "retry", attempts: 1, lastError: expect.stringMatching(/in time/) },
      ]);
    } finally {
      radicale.thaw();
      calendarLimits.timeoutMs = timeout;
    }
    f.clock.advance(60 * 60_000);
    const report = await tick(f.deps);
    expect(report.calendars.bookingEvents).toBe(1);
    const objects = await Promise.all((await radicale.objects("work")).map((o) => radicale.get("work", o)));
    expect(
      objects.some((o) => o?.includes("DTSTART:20270329T093000Z") && o.includes("X-CRENEAU-BOOKING")),
    ).toBe(true);
    await radicale.remove("work", "kept.ics");
  });

  it("marks the connection broken when the password stops working, emails the owner once, and heals on a new password", async () => {
    const f = await calendarOwner();
    const connection = await connectRadicale(f);
    await f.deps.database.db
      .update(calendarConnections)
      .set({ secret: sealSecret(f.config, connection.id, { password: "changed on the server" }) })
      .where(eq(calendarConnections.id, connection.id));
    const first = await syncNow(f, connection.id);
    expect(first.connection).toMatchObject({
      status: "broken",
      lastError: "the CalDAV server refused the user name or password",
    });
    await syncNow(f, connection.id);
    f.clock.advance(3_600_000);
    await tick(f.deps);
    const notices = await f.deps.database.db.select().from(outbox).where(eq(outbox.why, "calendar.broken"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ toAddress: "jean@example.com" });
    expect(notices[0]!.text).toContain(`/dashboard/calendars/${connection.id}`);

    const wrong = await f.api(`/api/calendars/${connection.id}`, {
      method: "PATCH",
      body: { password: "still wrong" },
    });
    expect(wrong.status).toBe(422);
    const healed = await f.api(`/api/calendars/${connection.id}`, {
      method: "PATCH",
      body: { password: radicale.password },
    });
    expect(healed.status).toBe(200);
    expect((await syncNow(f, connection.id)).connection.status).toBe("active");
  });
});
