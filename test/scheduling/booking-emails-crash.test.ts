// No email lost after a crash (#3/#7): the emails a booking change promises are stored with the change. A fault
// injected into the database (a trigger) stops the process right after the change, before any of its emails
// leaves, as a crash there would: in the request when it re-renders them (an approval), after the response
// when the sender claims them (the others). The tick then sends each email, as rendered, once its hold has
// passed, and a real SMTP server receives it exactly once.
import { sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { HOLD_MS } from "../../src/platform/mail/outbox-hold.ts";
import { tick } from "../../src/platform/tick.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";

const NOW = "2027-03-26T09:00:00Z";
const CALL = "2027-03-29T09:00:00+02:00";

const smtp = smtpServerForFile();

interface Booked {
  id: string;
  manageUrl: string;
}

async function fixture(requiresConfirmation: boolean): Promise<OwnerFixture> {
  const f = await ownerFixture({ now: NOW, transport: smtpTransport(smtp.url) });
  const r = await f.api("/api/event-types", { body: { ...DISCOVERY, requiresConfirmation } });
  expect(r.status).toBe(201);
  return f;
}

const bookingBody = (email: string, start = CALL) => ({
  start,
  timeZone: "Europe/Paris",
  name: "Zoé <b>Durand</b>",
  email,
  locale: "fr",
  answers: GOOD_ANSWERS,
});

async function book(f: OwnerFixture, email: string): Promise<Response> {
  return f.publicApi("/api/public/jean/discovery/bookings", { body: bookingBody(email) });
}

async function booked(f: OwnerFixture, email: string): Promise<Booked> {
  const r = await book(f, email);
  expect(r.status).toBe(201);
  await f.settle();
  return ((await r.json()) as { booking: Booked }).booking;
}

/** Until healed, the process "stops" at the first write to the outbox after the change's own batch. */
function crashBeforeEmailsLeave(f: OwnerFixture): () => void {
  f.deps.database.sqlite.exec(`CREATE TEMP TRIGGER crash_before_release BEFORE UPDATE ON outbox
    BEGIN SELECT RAISE(ABORT, 'process stopped'); END`);
  return () => f.deps.database.sqlite.exec("DROP TRIGGER crash_before_release");
}

function to(address: string): ParsedMail[] {
  return smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
}

const calendarMethods = (mail: ParsedMail) =>
  mail.attachments
    .filter((a) => a.contentType.startsWith("text/calendar"))
    .map((a) => /METHOD:(\w+)/.exec(a.content.toString("utf8"))?.[1]);

async function outboxCount(f: OwnerFixture, bookingId: string): Promise<number> {
  const [row] = await f.deps.database.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM outbox WHERE idempotency_key LIKE ${`booking:${bookingId}:%`}`,
  );
  return row?.n ?? 0;
}

/**
 * After the crash: nothing went out; a tick within the hold sends nothing (the request may still be writing
 * the calendar); once the hold has passed one tick sends them, and later ticks nothing more.
 */
async function restartAndTick(f: OwnerFixture, heal: () => void, recipients: string[]): Promise<void> {
  await f.settle();
  heal();
  const before = recipients.map((r) => to(r).length);
  await tick(f.deps);
  expect(recipients.map((r) => to(r).length)).toEqual(before);
  f.clock.advance(HOLD_MS);
  await tick(f.deps);
  await tick(f.deps);
  expect(recipients.map((r) => to(r).length)).toEqual(before.map((n) => n + 1));
}

describe("a crash right after a booking change loses no email", () => {
  it("booking created: the confirmation with its invitation and the owner's notice, each once", async () => {
    const f = await fixture(false);
    const prospect = "created@example.org";
    const heal = crashBeforeEmailsLeave(f);
    // The process stopped after the answer went out, when the sender claimed the emails.
    expect((await book(f, prospect)).status).toBe(201);
    const [stored] = await f.deps.database.all<{ id: string }>(
      sql`SELECT id FROM bookings WHERE email = ${prospect}`,
    );
    expect(await outboxCount(f, stored!.id)).toBe(2);
    expect(to(prospect)).toHaveLength(0);

    await restartAndTick(f, heal, [prospect, "jean@example.com"]);
    const [confirmation] = to(prospect);
    expect(confirmation!.subject).toContain("confirmé");
    expect(calendarMethods(confirmation!)).toEqual(["REQUEST"]);
    expect(confirmation!.text).toContain("https://meet.example.org/jean");
    const notice = to("jean@example.com").at(-1)!;
    expect(notice.text).toContain("Zoé <b>Durand</b>");
    expect(notice.html).not.toContain("<b>Durand</b>");
  });

  it("a slot taken a moment earlier records no email for the request that lost it", async () => {
    const f = await fixture(false);
    const first = await booked(f, "first@example.org");
    expect((await book(f, "second@example.org")).status).toBe(409);
    await f.settle();
    const [row] = await f.deps.database.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM outbox`);
    expect(row?.n).toBe(2);
    expect(await outboxCount(f, first.id)).toBe(2);
    f.clock.advance(HOLD_MS);
    await tick(f.deps);
    expect(to("second@example.org")).toHaveLength(0);
  });

  it("pending request approved: the confirmation with the REQUEST, once, even approved again", async () => {
    const f = await fixture(true);
    const prospect = "approved@example.org";
    const b = await booked(f, prospect);
    expect(to(prospect)).toHaveLength(1);
    const heal = crashBeforeEmailsLeave(f);
    expect((await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" })).status).toBe(500);
    expect(to(prospect)).toHaveLength(1);

    await restartAndTick(f, heal, [prospect]);
    const approved = to(prospect)[1]!;
    expect(approved.subject).toContain("confirmé");
    expect(calendarMethods(approved)).toEqual(["REQUEST"]);
    // Approving again (the owner retries after the error) confirms nothing new and sends nothing.
    expect((await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" })).status).toBe(200);
    await f.settle();
    f.clock.advance(HOLD_MS);
    await tick(f.deps);
    expect(to(prospect)).toHaveLength(2);
  });

  it("an approval of a booking that was never pending records no confirmation", async () => {
    const f = await fixture(false);
    const b = await booked(f, "never-pending@example.org");
    expect((await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" })).status).toBe(200);
    expect(await outboxCount(f, b.id)).toBe(2);
  });

  it("pending request declined with a message: the kind email quoting it, once", async () => {
    const f = await fixture(true);
    const prospect = "declined@example.org";
    const b = await booked(f, prospect);
    const heal = crashBeforeEmailsLeave(f);
    const reason = "Je suis complet en avril <désolé>.";
    const declined = await f.api(`/api/bookings/${b.id}/cancel`, { body: { reason } });
    expect(declined.status).toBe(200);

    await restartAndTick(f, heal, [prospect]);
    const kind = to(prospect)[1]!;
    expect(kind.text).toContain(reason);
    expect(kind.html).toContain("&lt;désolé&gt;");
    expect(calendarMethods(kind)).toEqual([]);
    // A second decline finds it cancelled: nothing more is recorded or sent.
    expect((await f.api(`/api/bookings/${b.id}/cancel`, { body: { reason } })).status).toBe(200);
    f.clock.advance(HOLD_MS);
    await tick(f.deps);
    expect(to(prospect)).toHaveLength(2);
  });

  it("cancelled by the prospect: their confirmation with the CANCEL and the owner's notice, each once", async () => {
    const f = await fixture(false);
    const prospect = "cancels@example.org";
    const b = await booked(f, prospect);
    const token = b.manageUrl.split("/bookings/")[1]!;
    const heal = crashBeforeEmailsLeave(f);
    const r = await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: { reason: "Empêchement" } });
    expect(r.status).toBe(200);

    await restartAndTick(f, heal, [prospect, "jean@example.com"]);
    expect(calendarMethods(to(prospect)[1]!)).toEqual(["CANCEL"]);
    expect(to("jean@example.com").at(-1)!.text).toContain("Empêchement");
  });

  it("rescheduled by the prospect: the update with the REQUEST and the owner's notice, each once", async () => {
    const f = await fixture(false);
    const prospect = "moves@example.org";
    const b = await booked(f, prospect);
    const token = b.manageUrl.split("/bookings/")[1]!;
    const heal = crashBeforeEmailsLeave(f);
    const r = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-29T10:00:00+02:00" },
    });
    expect(r.status).toBe(200);

    await restartAndTick(f, heal, [prospect, "jean@example.com"]);
    const update = to(prospect)[1]!;
    expect(calendarMethods(update)).toEqual(["REQUEST"]);
    expect(update.attachments[0]!.content.toString("utf8")).toContain("SEQUENCE:1");
  });
});
