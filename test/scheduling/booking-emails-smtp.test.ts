// The booking emails as a mail client receives them: through a real SMTP server, parsed with mailparser,
// and their .ics parsed by an independent implementation (python3-icalendar).
import { describe, expect, it } from "vitest";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import { parseWithPython } from "../helpers/python-ical.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";

const smtp = smtpServerForFile();

function calendarOf(mail: (typeof smtp.messages)[number]): string {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) throw new Error(`no .ics in "${mail.subject}"`);
  return part.content.toString("utf8");
}

describe("booking emails over SMTP", () => {
  it("confirmation with a REQUEST invitation, owner notification escaped, then CANCEL with the same UID", async () => {
    const f = await ownerFixture({ now: "2027-03-26T09:00:00Z", transport: smtpTransport(smtp.url) });
    await f.api("/api/event-types", { body: DISCOVERY });
    const before = smtp.messages.length;
    const r = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: {
        start: "2027-03-29T09:00:00+02:00",
        timeZone: "America/New_York",
        name: "Zoé <b>Durand</b>",
        email: "zoe@example.org",
        locale: "en",
        answers: { ...GOOD_ANSWERS, company: "<script>alert(1)</script> & Co" },
      },
    });
    expect(r.status).toBe(201);
    const { booking } = (await r.json()) as { booking: { id: string; manageUrl: string } };
    const received = (await smtp.waitFor(before + 2)).slice(before);
    const toProspect = received.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === "zoe@example.org",
    )!;
    const toOwner = received.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === "jean@example.com",
    )!;
    expect(toProspect.subject).toMatch(/confirmed/i);
    expect(toProspect.text).toContain(booking.manageUrl);
    expect(toOwner.subject).toMatch(/Nouveau rendez-vous/);
    expect(toOwner.html).not.toContain("<script>alert(1)</script>");
    expect(toOwner.html).toContain("&lt;script&gt;");
    expect(toOwner.text).toContain("<script>alert(1)</script> & Co");

    const invite = await parseWithPython(calendarOf(toProspect));
    expect(invite.method).toBe("REQUEST");
    const event = invite.events[0]!;
    expect(event.sequence).toBe(0);
    expect(event.uid).toBe(`${booking.id}@localhost`);
    expect(event.dtstart).toBe("2027-03-29T07:00:00+00:00");
    expect(event.organizer?.email).toBe("jean@example.com");
    expect(event.attendees[0]).toMatchObject({ email: "zoe@example.org", partstat: "NEEDS-ACTION" });

    const token = booking.manageUrl.split("/bookings/")[1]!;
    expect(
      (await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: { reason: "Budget gelé" } })).status,
    ).toBe(200);
    const afterCancel = (await smtp.waitFor(before + 4)).slice(before + 2);
    const cancelMail = afterCancel.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === "zoe@example.org",
    )!;
    const cancelled = await parseWithPython(calendarOf(cancelMail));
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.events[0]).toMatchObject({ uid: event.uid, sequence: 1, status: "CANCELLED" });
  });
});
