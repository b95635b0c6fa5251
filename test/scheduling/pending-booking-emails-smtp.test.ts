// What the prospect of a booking awaiting approval receives, as a mail client sees it: through a real SMTP
// server, parsed with mailparser, every .ics parsed back by python3-icalendar.
import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { outbox } from "../../src/platform/db/schema.ts";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { tick } from "../../src/platform/tick.ts";
import { ownerActionUrl } from "../../src/scheduling/booking-links.ts";
import { bookingInvite } from "../../src/scheduling/booking-notifications.ts";
import { loadBookingContext } from "../../src/scheduling/manage-booking.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { type ParsedCalendar, parseWithPython } from "../helpers/python-ical.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";

// Friday 09:00 UTC; the call is Monday 09:00 Paris (07:00 UTC).
const NOW = "2027-03-26T09:00:00Z";
const CALL = "2027-03-29T09:00:00+02:00";
const HOUR = 3_600_000;

const smtp = smtpServerForFile();

interface Booked {
  id: string;
  manageUrl: string;
  endMs: number;
}

async function fixture(): Promise<OwnerFixture> {
  const f = await ownerFixture({ now: NOW, transport: smtpTransport(smtp.url) });
  expect(
    (await f.api("/api/event-types", { body: { ...DISCOVERY, requiresConfirmation: true } })).status,
  ).toBe(201);
  return f;
}

async function book(f: OwnerFixture, email: string, locale: "fr" | "en", start = CALL): Promise<Booked> {
  const r = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: { start, timeZone: "Europe/Paris", name: "Zoé Durand", email, locale, answers: GOOD_ANSWERS },
  });
  expect(r.status).toBe(201);
  const { booking } = (await r.json()) as { booking: Booked & { status: string; end: string } };
  expect(booking.status).toBe("pending");
  await f.settle();
  return { id: booking.id, manageUrl: booking.manageUrl, endMs: Date.parse(booking.end) };
}

function to(address: string): ParsedMail[] {
  return smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
}

/** The text part with its wrapping undone. */
const flat = (mail: ParsedMail) => (mail.text ?? "").replace(/\s+/g, " ");

function calendarParts(mail: ParsedMail): string[] {
  return mail.attachments
    .filter((a) => a.contentType.startsWith("text/calendar"))
    .map((a) => a.content.toString("utf8"));
}

async function calendarOf(mail: ParsedMail): Promise<ParsedCalendar> {
  const parts = calendarParts(mail);
  expect(parts).toHaveLength(1);
  return parseWithPython(parts[0]!);
}

/** What an older Créneau attached at booking time: a REQUEST marked TENTATIVE, recorded with the email. */
async function giveLegacyTentativeInvite(f: OwnerFixture, bookingId: string): Promise<string> {
  const ctx = await loadBookingContext(f.deps, bookingId);
  const invite = bookingInvite(f.deps, ctx, "REQUEST");
  await f.deps.database.db
    .update(outbox)
    .set({ attachments: [invite] })
    .where(
      and(eq(outbox.ownerId, f.owner.id), eq(outbox.idempotencyKey, `booking:${bookingId}:created:prospect`)),
    );
  return invite.content;
}

describe("a booking awaiting approval, by email", () => {
  it("request received without invitation; approved twice at once → one confirmation with the REQUEST", async () => {
    const f = await fixture();
    const prospect = "approve-me@example.org";
    const b = await book(f, prospect, "en");

    const [received] = to(prospect);
    expect(to(prospect)).toHaveLength(1);
    expect(received!.subject).toBe("Meeting request received — awaiting confirmation");
    expect(calendarParts(received!)).toEqual([]);
    expect(flat(received!)).toContain("The calendar invitation (.ics) will come with the confirmation");
    expect(received!.html).toBeTruthy();

    // The owner's one-click link, clicked twice in a row before the first answer came back.
    const link = new URL(ownerActionUrl(f.config, b.id, "approve", b.endMs)).pathname;
    const clicks = [new BrowserSession(f), new BrowserSession(f)];
    const answers = await Promise.all(clicks.map((s) => s.post(link, {}, { csrfFrom: link })));
    expect(answers.map((r) => r.status)).toEqual([303, 303]);
    await f.settle();

    const mails = to(prospect);
    expect(mails).toHaveLength(2);
    const approved = mails[1]!;
    expect(approved.subject).toBe("Jean Dupont has confirmed your meeting");
    expect(approved.text).toContain(b.manageUrl);
    expect(approved.html).toContain(b.manageUrl.replaceAll("&", "&amp;"));
    const invite = await calendarOf(approved);
    expect(invite.method).toBe("REQUEST");
    expect(invite.events[0]).toMatchObject({
      uid: `${b.id}@localhost`,
      sequence: 1,
      status: "CONFIRMED",
      dtstart: "2027-03-29T07:00:00+00:00",
      organizer: { email: "jean@example.com" },
    });
    expect(invite.events[0]!.attendees[0]).toMatchObject({ email: prospect, partstat: "NEEDS-ACTION" });
    // A retry of the approval through the API changes nothing and sends nothing.
    expect((await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" })).status).toBe(200);
    await f.settle();
    expect(to(prospect)).toHaveLength(2);
  });

  it("declined by the owner with a message: a kind email quoting it, escaped, once, and no .ics", async () => {
    const f = await fixture();
    const prospect = "decline-me@example.org";
    const b = await book(f, prospect, "fr");
    const link = new URL(ownerActionUrl(f.config, b.id, "cancel", b.endMs)).pathname;
    const message = "Merci Zoé, <b>pas</b> disponible & complet ce trimestre.";
    const sessions = [new BrowserSession(f), new BrowserSession(f)];
    const answers = await Promise.all(sessions.map((s) => s.post(link, { message }, { csrfFrom: link })));
    expect(answers.map((r) => r.status)).toEqual([303, 303]);
    await f.settle();

    const mails = to(prospect);
    expect(mails).toHaveLength(2);
    const declined = mails[1]!;
    expect(declined.subject).toBe("Votre demande de rendez-vous avec Jean Dupont");
    expect(flat(declined)).toContain("Jean Dupont ne pourra malheureusement pas y donner suite.");
    expect(declined.text).toContain(`> ${message}`);
    expect(declined.html).toContain("Merci Zoé, &lt;b&gt;pas&lt;/b&gt; disponible &amp; complet");
    expect(declined.html).not.toContain("<b>pas</b>");
    expect(declined.text).not.toContain(b.manageUrl);
    expect(declined.text).not.toContain(".ics");
    expect(calendarParts(declined)).toEqual([]);
  });

  it("declined by the workflow when time runs out: a CANCEL only where an invitation had gone out", async () => {
    const f = await fixture();
    const plain = await book(f, "plain@example.org", "en");
    const legacy = await book(f, "legacy@example.org", "fr", "2027-03-29T10:00:00+02:00");
    const tentative = await parseWithPython(await giveLegacyTentativeInvite(f, legacy.id));
    expect(tentative.events[0]).toMatchObject({ status: "TENTATIVE", sequence: 0 });

    f.clock.advance(12 * HOUR + 1000);
    await tick(f.deps); // the owner's reminder
    f.clock.set(Date.parse(CALL) - HOUR + 1000); // the decline comes an hour before the earlier call
    await tick(f.deps);
    f.clock.set(Date.parse(CALL) + 1000);
    await tick(f.deps);
    await f.settle();

    for (const b of [plain, legacy]) {
      const row = (await (await f.api(`/api/bookings/${b.id}`)).json()) as { status: string };
      expect(row.status).toBe("cancelled");
    }
    const plainMails = to("plain@example.org");
    expect(plainMails.map((m) => m.subject)).toEqual([
      "Meeting request received — awaiting confirmation",
      "Your meeting request with Jean Dupont",
    ]);
    expect(calendarParts(plainMails[1]!)).toEqual([]);
    expect(flat(plainMails[1]!)).toContain("Unfortunately, Jean Dupont will not be able to take it further.");

    const legacyMails = to("legacy@example.org");
    expect(legacyMails).toHaveLength(2);
    const declined = legacyMails[1]!;
    expect(declined.subject).toBe("Votre demande de rendez-vous avec Jean Dupont");
    expect(flat(declined)).toContain("L’annulation (.ics) jointe retire de votre agenda l’invitation");
    const cancel = await calendarOf(declined);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events[0]).toMatchObject({
      uid: tentative.events[0]!.uid,
      sequence: 1,
      status: "CANCELLED",
    });
    const rows = await f.deps.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.why, "workflow:pending-approval"));
    expect(rows.map((r) => r.toAddress).sort()).toEqual([
      "jean@example.com",
      "jean@example.com",
      "legacy@example.org",
      "plain@example.org",
    ]);
  });

  it("approved after a tentative invitation from an older version: the REQUEST supersedes it", async () => {
    const f = await fixture();
    const prospect = "legacy-approved@example.org";
    const b = await book(f, prospect, "en");
    const tentative = await parseWithPython(await giveLegacyTentativeInvite(f, b.id));
    expect((await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" })).status).toBe(200);
    await f.settle();
    const invite = await calendarOf(to(prospect)[1]!);
    expect(invite.method).toBe("REQUEST");
    expect(invite.events[0]!.uid).toBe(tentative.events[0]!.uid);
    expect(invite.events[0]!.sequence).toBeGreaterThan(tentative.events[0]!.sequence!);
    expect(invite.events[0]!.status).toBe("CONFIRMED");
  });

  it("moved or cancelled by the prospect while pending: no invitation, no CANCEL, no word of an .ics", async () => {
    const f = await fixture();
    const prospect = "mover@example.org";
    const b = await book(f, prospect, "en");
    const token = b.manageUrl.split("/bookings/")[1]!;
    // The manage page offers no calendar file for the unconfirmed time either.
    const page = await (await f.app.request(new URL(b.manageUrl).pathname)).text();
    expect(page).toContain("Zoé Durand");
    expect(page).not.toContain("invite.ics");
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-30T10:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    expect((await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: {} })).status).toBe(200);
    await f.settle();
    const mails = to(prospect);
    expect(mails.map((m) => m.subject)).toEqual([
      "Meeting request received — awaiting confirmation",
      "Meeting rescheduled: Premier échange with Jean Dupont",
      "Cancellation confirmed: Premier échange with Jean Dupont",
    ]);
    for (const mail of mails) expect(calendarParts(mail)).toEqual([]);
    expect(flat(mails[1]!)).toContain("will come with the confirmation");
    expect(mails[2]!.text).not.toContain(".ics");
  });
});
