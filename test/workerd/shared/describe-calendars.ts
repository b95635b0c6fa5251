// Calendar sync over the network, the same on Node and inside workerd: an .ics feed, a CalDAV server
// (Radicale, through tsdav) and Google Calendar (the Calendar API v3 fake) each make one slot busy, and a
// booking is written back to Google.
import { describe, expect, it } from "vitest";
import type { Runtime } from "./describe-app.ts";
import { eventually } from "./describe-app.ts";
import { type AppFetch, expectJson, type OwnerClient, signUp, uniqueHandle } from "./http-client.ts";
import { isoDay, openWeek } from "./seed-data.ts";

type Peers = Record<string, string>;

function icsEvent(uid: string, startIso: string, minutes: number): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const start = Date.parse(startIso);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//creneau tests//EN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp(start)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(start + minutes * 60_000)}`,
    "SUMMARY:Busy",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

async function peer<T>(peers: Peers, path: string, body?: unknown): Promise<T> {
  return expectJson<T>(
    globalThis.fetch(`${peers.PEERS_URL}${path}`, {
      method: body === undefined ? "GET" : "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    200,
  );
}

async function startsOn(fetch: AppFetch, owner: OwnerClient, day: string): Promise<string[]> {
  const body = await expectJson<{ slots: Record<string, { start: string }[]> }>(
    fetch(`/api/public/${owner.handle}/call/slots?from=${day}&to=${day}&timeZone=Europe/Paris`),
    200,
  );
  return (body.slots[day] ?? []).map((s) => s.start);
}

async function connect(owner: OwnerClient, body: Record<string, unknown>): Promise<string> {
  const created = await expectJson<{ id: string }>(owner.api("/api/calendars", { body }), 201);
  const synced = await expectJson<{ sync: { status: string } }>(
    owner.api(`/api/calendars/${created.id}/sync`, { method: "POST" }),
    200,
  );
  expect(synced.sync.status, JSON.stringify(synced)).toBe("ok");
  return created.id;
}

export function describeCalendars(runtime: Runtime, makeFetch: () => AppFetch, peers: () => Peers): void {
  describe(`calendar sync on ${runtime}`, () => {
    it("counts busy times from an .ics feed, CalDAV and Google, and writes a booking to Google", async () => {
      const fetch = makeFetch();
      const p = peers();
      const owner = await signUp(fetch, uniqueHandle("cal"));
      await expectJson(
        owner.api("/api/event-types", {
          body: { slug: "call", title: "Call", durationMinutes: 30, ...openWeek(), minimumNoticeMinutes: 60 },
        }),
        201,
      );
      const day = isoDay(Date.now() + 5 * 86_400_000);
      const free = await startsOn(fetch, owner, day);
      const [feedBusy, caldavBusy, googleBusy, toBook] = [free[20], free[24], free[28], free[32]];
      expect(toBook).toBeTruthy();

      const feed = await peer<{ url: string }>(p, "/ics", {
        path: `/${owner.handle}.ics`,
        ics: icsEvent(`feed-${owner.handle}`, feedBusy!, 30),
      });
      await connect(owner, { type: "ics", url: feed.url });

      // The first connection with a writable calendar receives the bookings: Google here.
      await peer(p, "/google/calendars", { id: owner.email, summary: owner.handle, primary: true });
      await peer(p, "/google/events", {
        calendarId: owner.email,
        event: {
          id: `g${owner.handle}`,
          start: { dateTime: googleBusy },
          end: { dateTime: new Date(Date.parse(googleBusy!) + 1_800_000).toISOString() },
        },
      });
      const { refreshToken } = await peer<{ refreshToken: string }>(p, "/google/refresh-token", {});
      await connect(owner, { type: "google", refreshToken });

      await peer(p, "/caldav/events", {
        file: `${owner.handle}.ics`,
        ics: icsEvent(`caldav-${owner.handle}`, caldavBusy!, 30),
      });
      await connect(owner, {
        type: "caldav",
        url: p.TEST_CALDAV_URL,
        username: p.TEST_CALDAV_USER,
        password: p.TEST_CALDAV_PASSWORD,
      });

      const after = await startsOn(fetch, owner, day);
      expect(after).not.toContain(feedBusy);
      expect(after).not.toContain(caldavBusy);
      expect(after).not.toContain(googleBusy);
      expect(after).toContain(toBook);

      await expectJson(
        fetch(`/api/public/${owner.handle}/call/bookings`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            start: toBook,
            timeZone: "Europe/Paris",
            name: "Alice",
            email: "alice@example.org",
            answers: {},
          }),
        }),
        201,
      );
      await eventually(async () => {
        await expectJson(owner.api("/api/workflows/tick", { method: "POST" }), 200);
        const events = await peer<{ start?: { dateTime?: string } }[]>(
          p,
          `/google/events?calendarId=${encodeURIComponent(owner.email)}`,
        );
        const starts = events.map((e) => Date.parse(e.start?.dateTime ?? ""));
        expect(starts).toContain(Date.parse(toBook!));
      });
    });
  });
}
