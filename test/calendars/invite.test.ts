import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { buildInvite, type InviteInput } from "../../src/calendars/invite.ts";
import { parseWithPython } from "../helpers/python-ical.ts";

function parisMs(isoLocal: string): number {
  return Temporal.PlainDateTime.from(isoLocal).toZonedDateTime("Europe/Paris").epochMilliseconds;
}

const PROSPECT_TEXT =
  'Budget: 650€/jour, 6 mois; stack "Node\\TS"\nDispo lundi.\r\nVoir <script>alert(1)</script> 🚀 ' +
  "— équipe à Nantes, ça démarre vite; merci !\n\nPS: C:\\Users\\moi";

function inviteInput(overrides: Partial<InviteInput> = {}): InviteInput {
  return {
    method: "REQUEST",
    uid: "bk_01HZX3@creneau.example",
    sequence: 0,
    startMs: parisMs("2027-03-29T09:00"),
    endMs: parisMs("2027-03-29T09:30"),
    timeZone: "Europe/Paris",
    summary: "Appel découverte — Acme",
    description: "Appel de qualification.",
    location: "https://meet.example/abc-defg-hij",
    url: "https://creneau.example/b/tok_123",
    organizer: { name: "Élodie Martin", email: "elodie@martin.dev" },
    attendee: { name: "Jean Dupont", email: "jean@acme.example", locale: "fr" },
    stampMs: Date.UTC(2027, 2, 20, 10, 15, 0),
    ...overrides,
  };
}

describe("buildInvite", () => {
  it("writes a REQUEST that an independent parser reads back field for field", async () => {
    const parsed = await parseWithPython(buildInvite(inviteInput()));

    expect(parsed.method).toBe("REQUEST");
    expect(parsed.version).toBe("2.0");
    expect(parsed.prodId).toBe("-//Créneau//Créneau//FR");
    expect(parsed.events).toEqual([
      {
        uid: "bk_01HZX3@creneau.example",
        sequence: 0,
        dtstamp: "2027-03-20T10:15:00+00:00",
        dtstart: "2027-03-29T07:00:00+00:00",
        dtend: "2027-03-29T07:30:00+00:00",
        dtstartTzid: null,
        summary: "Appel découverte — Acme",
        description: "Appel de qualification.",
        location: "https://meet.example/abc-defg-hij",
        status: "CONFIRMED",
        url: "https://creneau.example/b/tok_123",
        organizer: { email: "elodie@martin.dev", cn: "Élodie Martin" },
        attendees: [
          {
            email: "jean@acme.example",
            cn: "Jean Dupont",
            partstat: "NEEDS-ACTION",
            rsvp: "TRUE",
            role: "REQ-PARTICIPANT",
          },
        ],
      },
    ]);
  });

  it("marks a booking awaiting approval as TENTATIVE", async () => {
    const parsed = await parseWithPython(buildInvite(inviteInput({ status: "TENTATIVE" })));
    expect(parsed.method).toBe("REQUEST");
    expect(parsed.events[0]?.status).toBe("TENTATIVE");
  });

  it("writes a CANCEL for the same UID with a higher SEQUENCE and no reply requested", async () => {
    const parsed = await parseWithPython(buildInvite(inviteInput({ method: "CANCEL", sequence: 2 })));

    expect(parsed.method).toBe("CANCEL");
    const [event] = parsed.events;
    expect(event?.uid).toBe("bk_01HZX3@creneau.example");
    expect(event?.sequence).toBe(2);
    expect(event?.status).toBe("CANCELLED");
    expect(event?.dtstart).toBe("2027-03-29T07:00:00+00:00");
    expect(event?.organizer).toEqual({ email: "elodie@martin.dev", cn: "Élodie Martin" });
    expect(event?.attendees).toEqual([
      {
        email: "jean@acme.example",
        cn: "Jean Dupont",
        partstat: "NEEDS-ACTION",
        rsvp: "FALSE",
        role: "REQ-PARTICIPANT",
      },
    ]);
  });

  it("keeps the UID and raises the SEQUENCE when a booking is rescheduled", async () => {
    const first = await parseWithPython(buildInvite(inviteInput()));
    const moved = await parseWithPython(
      buildInvite(
        inviteInput({
          sequence: 1,
          startMs: parisMs("2027-04-02T14:00"),
          endMs: parisMs("2027-04-02T14:30"),
        }),
      ),
    );

    expect(moved.events[0]?.uid).toBe(first.events[0]?.uid);
    expect(moved.events[0]?.sequence).toBeGreaterThan(first.events[0]?.sequence ?? Number.POSITIVE_INFINITY);
    expect(moved.events[0]?.dtstart).toBe("2027-04-02T12:00:00+00:00");
    expect(moved.events[0]?.dtend).toBe("2027-04-02T12:30:00+00:00");
  });

  it("round-trips prospect-written text exactly, in every text field and the attendee name", async () => {
    const ics = buildInvite(
      inviteInput({
        summary: "Appel; Acme, \\ <b>urgent</b> 🎯",
        description: PROSPECT_TEXT,
        location: "12, rue de l'Église; Bât. B\n44000 Nantes",
        attendee: { name: 'Zoë "ZZ" O\'Brien; CTO, Acme', email: "zoe@acme.example" },
      }),
    );
    const [event] = (await parseWithPython(ics)).events;

    expect(event?.summary).toBe("Appel; Acme, \\ <b>urgent</b> 🎯");
    // iCalendar TEXT has one line break form; CRLF inside the text comes back as LF.
    expect(event?.description).toBe(PROSPECT_TEXT.replace(/\r\n/g, "\n"));
    expect(event?.location).toBe("12, rue de l'Église; Bât. B\n44000 Nantes");
    expect(event?.attendees[0]?.cn).toBe('Zoë "ZZ" O\'Brien; CTO, Acme');
    expect(event?.attendees[0]?.email).toBe("zoe@acme.example");
  });

  it("cannot be made to inject properties through prospect text", () => {
    const ics = buildInvite(
      inviteInput({ description: "hi\r\nATTENDEE:mailto:evil@example.com\nEND:VEVENT" }),
    );
    const lines = ics.split("\r\n");
    expect(lines.filter((line) => line.startsWith("ATTENDEE"))).toHaveLength(1);
    expect(lines.filter((line) => line === "END:VEVENT")).toHaveLength(1);
  });

  it("folds long lines at 75 octets and ends every line with CRLF", async () => {
    const description = `${PROSPECT_TEXT} ${"é🚀a".repeat(60)}`;
    const ics = buildInvite(inviteInput({ description }));

    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.slice(0, -2).split("\r\n");
    const longest = Math.max(...lines.map((line) => Buffer.byteLength(line, "utf8")));
    expect(longest).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(3);
    // Folding must never split a UTF-8 sequence: every line is valid UTF-8 on its own.
    for (const line of lines) {
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect((await parseWithPython(ics)).events[0]?.description).toBe(description.replace(/\r\n/g, "\n"));
  });

  it("writes the right instants on both sides of the Paris DST change, whatever the host zone", async () => {
    // Europe/Paris moves to +02:00 on 2027-03-28; the suite runs with TZ=Pacific/Auckland.
    const before = await parseWithPython(
      buildInvite(inviteInput({ startMs: parisMs("2027-03-26T09:00"), endMs: parisMs("2027-03-26T10:00") })),
    );
    const afterIcs = buildInvite(inviteInput());
    const after = await parseWithPython(afterIcs);

    expect(before.events[0]?.dtstart).toBe("2027-03-26T08:00:00+00:00");
    expect(before.events[0]?.dtend).toBe("2027-03-26T09:00:00+00:00");
    expect(after.events[0]?.dtstart).toBe("2027-03-29T07:00:00+00:00");
    expect(afterIcs).toContain("\r\nDTSTART:20270329T070000Z\r\n");
  });

  it("refuses contradictory or impossible input", () => {
    expect(() => buildInvite(inviteInput({ status: "CANCELLED" }))).toThrow(/CANCEL/);
    expect(() => buildInvite(inviteInput({ endMs: parisMs("2027-03-29T09:00") }))).toThrow(RangeError);
    expect(() => buildInvite(inviteInput({ sequence: -1 }))).toThrow(RangeError);
    expect(() => buildInvite(inviteInput({ sequence: 1.5 }))).toThrow(RangeError);
  });
});

describe("parseWithPython", () => {
  it("fails on a calendar it cannot read instead of returning partial data", async () => {
    const broken = buildInvite(inviteInput()).replace("DTSTART:20270329T070000Z", "DTSTART:2027-13-99");
    await expect(parseWithPython(broken)).rejects.toThrow(/could not parse/);
  });
});
