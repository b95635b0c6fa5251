// iCalendar → busy times: recurrences in their own zone, exceptions, Windows zone names, all-day days,
// and the events that must not count. Pure, no server.
import { describe, expect, it } from "vitest";
import { busyFromICalendar, CalendarDataError } from "../../src/calendars/ics-expand.ts";
import { fixture, vcalendar, vevent } from "./feeds.ts";

const WINDOW = { startMs: Date.parse("2027-03-01T00:00:00Z"), endMs: Date.parse("2027-05-01T00:00:00Z") };
const options = {
  window: WINDOW,
  ownerTimeZone: "Europe/Paris",
  selfAddresses: ["jean@example.com"],
  allDayPolicy: "busy" as "busy" | "free",
};

function spans(text: string, overrides: Partial<typeof options> = {}) {
  return busyFromICalendar(text, { ...options, ...overrides })
    .pieces.map(
      (p) =>
        `${new Date(p.startMs).toISOString()}/${new Date(p.endMs).toISOString()}${p.allDay ? " all-day" : ""}`,
    )
    .sort();
}

describe("busy times from an iCalendar text", () => {
  it("expands a Google-exported weekly event across the DST change, honouring EXDATE and a moved occurrence", () => {
    const busy = spans(fixture("google-recurring.ics"));
    const march = busy.filter((s) => s.startsWith("2027-03"));
    expect(march).toEqual([
      // Mon/Wed 09:30 Paris: UTC+1 until the 28th…
      "2027-03-01T08:30:00.000Z/2027-03-01T09:00:00.000Z",
      "2027-03-03T08:30:00.000Z/2027-03-03T09:00:00.000Z",
      "2027-03-08T08:30:00.000Z/2027-03-08T09:00:00.000Z",
      "2027-03-10T08:30:00.000Z/2027-03-10T09:00:00.000Z",
      "2027-03-15T08:30:00.000Z/2027-03-15T09:00:00.000Z",
      "2027-03-17T08:30:00.000Z/2027-03-17T09:00:00.000Z",
      "2027-03-22T08:30:00.000Z/2027-03-22T09:00:00.000Z",
      "2027-03-24T08:30:00.000Z/2027-03-24T09:00:00.000Z",
      // …the 29th's occurrence moved to 11:00 Paris (UTC+2 now); the 31st is an EXDATE.
      "2027-03-29T09:00:00.000Z/2027-03-29T09:30:00.000Z",
    ]);
    // The cancelled override on 5 April removes that occurrence; the 7th is still there, at 09:30 CEST.
    expect(busy.some((s) => s.startsWith("2027-04-05"))).toBe(false);
    expect(busy).toContain("2027-04-07T07:30:00.000Z/2027-04-07T08:00:00.000Z");
  });

  it("leaves out declined invitations, cancelled events and Créneau's own booking events", () => {
    const busy = spans(fixture("google-recurring.ics"));
    expect(busy.some((s) => s.startsWith("2027-03-30"))).toBe(false);
  });

  it("reads Outlook's Windows zone names as IANA zones and a custom zone through its VTIMEZONE; FREE is free", () => {
    expect(spans(fixture("outlook-windows-zones.ics"))).toEqual([
      // Romance Standard Time = Europe/Paris, 10:00 CEST
      "2027-03-29T08:00:00.000Z/2027-03-29T08:30:00.000Z",
      // Pacific Standard Time = America/Los_Angeles, 01:00 PDT
      "2027-03-30T08:00:00.000Z/2027-03-30T09:00:00.000Z",
      // "Customized Time Zone" is only known by its VTIMEZONE: +05:30
      "2027-03-31T08:00:00.000Z/2027-03-31T08:30:00.000Z",
    ]);
  });

  it("blocks all-day events from midnight to midnight in the owner's zone, unless marked free or the owner says so", () => {
    const busy = spans(fixture("all-day.ics"));
    expect(busy).toContain("2027-03-31T22:00:00.000Z/2027-04-02T22:00:00.000Z all-day");
    // the transparent birthday is not there; the floating event is read in Paris time
    expect(busy.filter((s) => s.includes("2027-04-05"))).toEqual([]);
    expect(busy).toContain("2027-04-06T12:00:00.000Z/2027-04-06T13:00:00.000Z");
    const inTokyo = spans(fixture("all-day.ics"), { ownerTimeZone: "Asia/Tokyo" });
    expect(inTokyo).toContain("2027-03-31T15:00:00.000Z/2027-04-02T15:00:00.000Z all-day");
    expect(spans(fixture("all-day.ics"), { allDayPolicy: "free" }).some((s) => s.endsWith("all-day"))).toBe(
      false,
    );
  });

  it("stops a hostile rule (FREQ=SECONDLY since 1990) within its step budget instead of hanging", () => {
    const hostile = vcalendar([
      vevent({
        UID: "flood",
        DTSTART: "19900101T000000Z",
        DTEND: "19900101T000001Z",
        RRULE: "FREQ=SECONDLY",
      }),
      vevent({ UID: "real", DTSTART: "20270329T080000Z", DTEND: "20270329T083000Z" }),
    ]);
    const started = performance.now();
    const busy = spans(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(busy).toContain("2027-03-29T08:00:00.000Z/2027-03-29T08:30:00.000Z");
  });

  it("keeps reading past an event with broken dates, and refuses text that is not iCalendar", () => {
    const mixed = vcalendar([
      vevent({ UID: "broken", DTSTART: "2027-13-45T99", DTEND: "nonsense" }),
      vevent({ UID: "ok", DTSTART: "20270329T080000Z", DURATION: "PT45M" }),
    ]);
    expect(spans(mixed)).toEqual(["2027-03-29T08:00:00.000Z/2027-03-29T08:45:00.000Z"]);
    expect(() => spans(fixture("garbage.ics"))).toThrow(CalendarDataError);
    expect(() => spans("<html>login</html>")).toThrow(CalendarDataError);
  });

  it("tags every piece with its CalDAV object when one is given, so an incremental sync replaces just it", () => {
    const result = busyFromICalendar(
      vcalendar([vevent({ UID: "x", DTSTART: "20270329T080000Z", DURATION: "PT1H" })]),
      {
        ...options,
        objectKey: "https://dav.example/cal/x.ics",
      },
    );
    expect(result.pieces.map((p) => p.objectKey)).toEqual(["https://dav.example/cal/x.ics"]);
  });
});
