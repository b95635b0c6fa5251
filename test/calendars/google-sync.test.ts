// Google Calendar against a local fake that answers like Calendar API v3 and OAuth2's token endpoint.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { type GoogleFake, startGoogleFake } from "../peers/google-calendar-fake.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";
import { fixture } from "./feeds.ts";
import { book, calendarOwner, connect, googleEnv, mondaySlots, syncNow, syncRuns } from "./helpers.ts";

const PRIMARY = "jean@example.com";
let google: GoogleFake;
beforeEach(async () => {
  google = await startGoogleFake();
  google.addCalendar({ id: PRIMARY, summary: "Jean", primary: true });
  google.addCalendar({ id: "team@group.calendar.google.com", summary: "Équipe", accessRole: "writer" });
  google.addCalendar({
    id: "fr.french#holiday@group.v.calendar.google.com",
    summary: "Jours fériés",
    accessRole: "reader",
  });
});
afterEach(async () => {
  await google.close();
});

const at = (local: string) => ({ dateTime: `${local}+02:00`, timeZone: "Europe/Paris" });

async function googleOwner(event: Record<string, unknown> = {}) {
  const f = await calendarOwner({ env: googleEnv(google), event });
  const connection = await connect(f, { type: "google", refreshToken: google.refreshToken() });
  return { f, connection };
}

describe("Google Calendar", () => {
  it("counts busy events of the chosen calendars, and follows changes with the sync token (410 → full resync)", async () => {
    google.putEvent(PRIMARY, {
      id: "copil",
      start: at("2027-03-29T10:00:00"),
      end: at("2027-03-29T10:30:00"),
    });
    google.putEvent(PRIMARY, {
      id: "free",
      transparency: "transparent",
      start: at("2027-03-29T09:00:00"),
      end: at("2027-03-29T09:30:00"),
    });
    google.putEvent(PRIMARY, {
      id: "declined",
      start: at("2027-03-29T11:00:00"),
      end: at("2027-03-29T11:30:00"),
      attendees: [{ email: PRIMARY, self: true, responseStatus: "declined" }],
    });
    google.putEvent(PRIMARY, { id: "offsite", start: { date: "2027-03-30" }, end: { date: "2027-03-31" } });
    google.putEvent("fr.french#holiday@group.v.calendar.google.com", {
      id: "holiday",
      start: at("2027-03-29T11:30:00"),
      end: at("2027-03-29T12:00:00"),
    });
    const { f, connection } = await googleOwner();
    expect(connection.calendars.map((c) => [c.name, c.busy, c.receivesBookings])).toEqual([
      ["Jean", true, true],
      ["Équipe", true, false],
      ["Jours fériés", false, false],
    ]);
    expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);
    expect(await mondaySlots(f, "2027-03-30")).toEqual([]);

    google.putEvent("team@group.calendar.google.com", {
      id: "late",
      start: at("2027-03-29T11:30:00"),
      end: at("2027-03-29T12:00:00"),
    });
    google.removeEvent(PRIMARY, "copil");
    const incremental = await syncNow(f, connection.id);
    expect(incremental.sync).toMatchObject({ status: "ok", events: 2 });
    // one incremental list per busy calendar; the reader-only holidays calendar is never read
    expect(google.requests.filter((r) => r.path.endsWith("/events") && r.query.syncToken)).toHaveLength(2);
    expect(google.requests.some((r) => r.path.includes("holiday"))).toBe(false);
    expect(await mondaySlots(f)).toEqual(["09:00", "09:30", "10:00", "10:30"]);

    google.invalidateSyncTokens();
    const before = google.requests.length;
    const resynced = await syncNow(f, connection.id);
    expect(resynced.sync.status).toBe("ok");
    const lists = google.requests.slice(before).filter((r) => r.path.includes("jean%40"));
    // 410 on the old token, then a full read of the window
    expect(lists.map((r) => [Boolean(r.query.syncToken), Boolean(r.query.timeMin)])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(await mondaySlots(f)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
  });

  it("reads every page of a large calendar", async () => {
    for (let i = 0; i < 3000; i++) {
      const day = 1 + (i % 28);
      const hour = String(8 + (Math.floor(i / 28) % 10)).padStart(2, "0");
      google.putEvent("team@group.calendar.google.com", {
        id: `bulk${String(i).padStart(5, "0")}`,
        start: at(`2027-04-${String(day).padStart(2, "0")}T${hour}:00:00`),
        end: at(`2027-04-${String(day).padStart(2, "0")}T${hour}:20:00`),
      });
    }
    const { connection } = await googleOwner();
    expect(connection.sync).toMatchObject({ status: "ok", events: 3000 });
    expect(google.requests.filter((r) => r.path.includes("team%40") && r.query.pageToken)).toHaveLength(1);
  });

  it("writes a Google Meet booking with the prospect as guest, moves it on reschedule and deletes it on cancel", async () => {
    const { f } = await googleOwner({ locations: [{ type: "google_meet" }] });
    const created = await book(f, "2027-03-29T09:00:00+02:00");
    expect(created.status).toBe(201);
    const { booking } = (await created.json()) as { booking: { id: string; manageUrl: string } };
    const [written] = google.events(PRIMARY);
    expect(written).toMatchObject({
      start: { dateTime: "2027-03-29T07:00:00.000Z" },
      attendees: [{ email: "alice@example.org", displayName: "Alice Martin" }],
      extendedProperties: { private: { creneauBooking: booking.id } },
    });
    const insert = google.requests.find((r) => r.method === "POST" && r.path.endsWith("/events"))!;
    expect(insert.query).toMatchObject({ conferenceDataVersion: "1", sendUpdates: "none" });
    const meet = written!.hangoutLink as string;
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);
    // The Meet link is the booking's location now, and the confirmation email carries it.
    const stored = (await (await f.api(`/api/bookings/${booking.id}`)).json()) as {
      location: { details: string };
    };
    expect(stored.location.details).toBe(meet);
    const mails = await f.deps.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.why, "booking.confirmation"));
    expect(mails[0]!.text).toContain(meet);

    const token = booking.manageUrl.split("/bookings/")[1]!;
    expect(
      (
        await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
          body: { start: "2027-03-29T10:00:00+02:00" },
        })
      ).status,
    ).toBe(200);
    expect(google.events(PRIMARY)[0]).toMatchObject({
      start: { dateTime: "2027-03-29T08:00:00.000Z" },
      hangoutLink: meet,
    });
    expect((await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: {} })).status).toBe(200);
    expect(google.events(PRIMARY)).toEqual([]);
    expect(google.requests.filter((r) => r.method === "DELETE").map((r) => r.query.sendUpdates)).toEqual([
      "none",
    ]);
  });

  it("checks Google's free/busy right before booking, so an event made a minute ago still wins", async () => {
    const { f } = await googleOwner();
    google.putEvent(PRIMARY, {
      id: "just-now",
      start: at("2027-03-29T11:00:00"),
      end: at("2027-03-29T11:30:00"),
    });
    expect(await mondaySlots(f)).toContain("11:00");
    expect((await book(f, "2027-03-29T11:00:00+02:00")).status).toBe(409);
    expect(google.requests.some((r) => r.path.endsWith("/freeBusy"))).toBe(true);
  });

  it("refreshes an expired access token, backs off on rate limits and 5xx, and survives an error storm", async () => {
    google.putEvent(PRIMARY, {
      id: "copil",
      start: at("2027-03-29T10:00:00"),
      end: at("2027-03-29T10:30:00"),
    });
    const { f, connection } = await googleOwner();
    google.expireAccessTokens();
    google.fail(2, { status: 403, reason: "rateLimitExceeded" });
    google.fail(1, { status: 429 });
    google.fail(1, { status: 503 });
    const tokenCalls = google.requests.filter((r) => r.path === "/token").length;
    const recovered = await syncNow(f, connection.id);
    expect(recovered.sync.status).toBe("ok");
    expect(google.requests.filter((r) => r.path === "/token").length).toBe(tokenCalls + 1);

    google.fail(200, { status: 503 });
    const storm = await syncNow(f, connection.id, "?full=1");
    expect(storm.sync.status).toBe("error");
    expect(storm.connection.lastError).toBe(
      "Google Calendar failed to list calendars after 5 attempts (HTTP 503 backendError)",
    );
    expect(storm.connection.busyIntervals).toBe(1);
    expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);
    // Bookings still work; their calendar event is written once Google is back.
    expect((await book(f, "2027-03-29T11:30:00+02:00")).status).toBe(201);
    google.clearFailures();
    f.clock.advance(3_600_000);
    const report = await tick(f.deps);
    expect(report.calendars.bookingEvents).toBe(1);
    // The connection's calendar-sync run synced it (Google back) and handed over to the next one.
    expect((await syncRuns(f, connection.id)).map((r) => r.status)).toEqual(["completed", "waiting"]);
    expect(google.events(PRIMARY).map((e) => e.id)).toHaveLength(2);
  });

  it("marks a revoked connection broken, emails the owner once, and keeps slots working from every source", async () => {
    const feeds: IcsServer = await startIcsServer();
    try {
      feeds.set("/outlook.ics", { body: fixture("outlook-windows-zones.ics") });
      google.putEvent(PRIMARY, {
        id: "morning",
        start: at("2027-03-29T09:00:00"),
        end: at("2027-03-29T09:30:00"),
      });
      const { f, connection } = await googleOwner();
      await connect(f, { type: "ics", url: feeds.url("/outlook.ics") });
      expect(await mondaySlots(f)).toEqual(["11:00", "11:30"]);
      google.revokeAll();
      const broken = await syncNow(f, connection.id);
      expect(broken.connection).toMatchObject({
        status: "broken",
        lastError: "Google no longer accepts this connection (access revoked or expired)",
      });
      for (let i = 0; i < 3; i++) {
        f.clock.advance(30 * 60_000);
        await tick(f.deps);
      }
      // A broken connection waits for its owner: its calendar-sync chain ended, nothing retries it.
      expect((await syncRuns(f, connection.id)).map((r) => r.status)).toEqual(["completed"]);
      await syncNow(f, connection.id);
      const notices = await f.deps.database.db.select().from(outbox).where(eq(outbox.why, "calendar.broken"));
      expect(notices).toHaveLength(1);
      expect(notices[0]!.subject).toContain("déconnecté");
      expect(await mondaySlots(f)).toEqual(["11:00", "11:30"]);
      // A booking is still taken, without waiting on the dead connection.
      expect((await book(f, "2027-03-29T11:30:00+02:00")).status).toBe(201);
      expect(await mondaySlots(f)).toEqual([]);
    } finally {
      await feeds.close();
    }
  });
});
