import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { type BookingsFeedInput, buildBookingsFeed } from "../../src/calendars/bookings-feed.ts";
import { parseWithPython } from "../helpers/python-ical.ts";

function parisMs(isoLocal: string): number {
  return Temporal.PlainDateTime.from(isoLocal).toZonedDateTime("Europe/Paris").epochMilliseconds;
}

function feedInput(overrides: Partial<BookingsFeedInput> = {}): BookingsFeedInput {
  return {
    ownerName: "Élodie Martin",
    calendarName: "Créneau — rendez-vous",
    stampMs: Date.UTC(2027, 2, 25, 6, 0, 0),
    events: [
      {
        uid: "bk_1@creneau.example",
        sequence: 0,
        startMs: parisMs("2027-03-26T09:00"),
        endMs: parisMs("2027-03-26T09:30"),
        summary: "Appel — Acme",
        description: "TJM 650€, 6 mois; remote\nstack: Node, TS",
        location: "https://meet.example/aaa",
        url: "https://creneau.example/dashboard/bookings/bk_1",
        status: "CONFIRMED",
      },
      {
        uid: "bk_2@creneau.example",
        sequence: 1,
        startMs: parisMs("2027-03-29T14:00"),
        endMs: parisMs("2027-03-29T14:45"),
        summary: "Appel — Globex (à valider)",
        description: "En attente de validation.",
        status: "TENTATIVE",
      },
      {
        uid: "bk_3@creneau.example",
        sequence: 3,
        startMs: parisMs("2027-03-30T11:00"),
        endMs: parisMs("2027-03-30T11:30"),
        summary: "Appel — Initech",
        description: "Annulé par le prospect.",
        status: "CANCELLED",
      },
    ],
    ...overrides,
  };
}

describe("buildBookingsFeed", () => {
  it("publishes every booking, the cancelled one included, with refresh hints", async () => {
    const parsed = await parseWithPython(buildBookingsFeed(feedInput()));

    expect(parsed.method).toBe("PUBLISH");
    expect(parsed.prodId).toBe("-//Créneau//Créneau//FR");
    expect(parsed.calendarName).toBe("Créneau — rendez-vous");
    expect(parsed.calendarDescription).toBe("Élodie Martin");
    expect(parsed.refreshInterval).toBe("PT15M");
    expect(parsed.publishedTtl).toBe("PT15M");
    expect(parsed.events).toEqual([
      {
        uid: "bk_1@creneau.example",
        sequence: 0,
        dtstamp: "2027-03-25T06:00:00+00:00",
        dtstart: "2027-03-26T08:00:00+00:00",
        dtend: "2027-03-26T08:30:00+00:00",
        dtstartTzid: null,
        summary: "Appel — Acme",
        description: "TJM 650€, 6 mois; remote\nstack: Node, TS",
        location: "https://meet.example/aaa",
        status: "CONFIRMED",
        url: "https://creneau.example/dashboard/bookings/bk_1",
        organizer: null,
        attendees: [],
      },
      {
        uid: "bk_2@creneau.example",
        sequence: 1,
        dtstamp: "2027-03-25T06:00:00+00:00",
        dtstart: "2027-03-29T12:00:00+00:00",
        dtend: "2027-03-29T12:45:00+00:00",
        dtstartTzid: null,
        summary: "Appel — Globex (à valider)",
        description: "En attente de validation.",
        location: null,
        status: "TENTATIVE",
        url: null,
        organizer: null,
        attendees: [],
      },
      {
        uid: "bk_3@creneau.example",
        sequence: 3,
        dtstamp: "2027-03-25T06:00:00+00:00",
        dtstart: "2027-03-30T09:00:00+00:00",
        dtend: "2027-03-30T09:30:00+00:00",
        dtstartTzid: null,
        summary: "Appel — Initech",
        description: "Annulé par le prospect.",
        location: null,
        status: "CANCELLED",
        url: null,
        organizer: null,
        attendees: [],
      },
    ]);
  });

  it("escapes the calendar name and owner name instead of letting them add properties", async () => {
    const ics = buildBookingsFeed(
      feedInput({
        calendarName: "RDV, clients; 2027\nX-EVIL:1",
        ownerName: "Martin \\ Fils\r\nMETHOD:REQUEST",
      }),
    );
    const parsed = await parseWithPython(ics);

    expect(parsed.calendarName).toBe("RDV, clients; 2027\nX-EVIL:1");
    expect(parsed.calendarDescription).toBe("Martin \\ Fils\nMETHOD:REQUEST");
    expect(parsed.method).toBe("PUBLISH");
    expect(ics.split("\r\n").some((line) => line.startsWith("X-EVIL") || line === "METHOD:REQUEST")).toBe(
      false,
    );
  });

  it("produces a valid, CRLF-terminated calendar when there is nothing booked", async () => {
    const ics = buildBookingsFeed(feedInput({ events: [] }));
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const parsed = await parseWithPython(ics);
    expect(parsed.events).toEqual([]);
    expect(parsed.calendarName).toBe("Créneau — rendez-vous");
  });
});
