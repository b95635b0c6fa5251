// The Meet link and the held emails (decision 0011), against the Google Calendar fake and a real SMTP server:
// normally the confirmation carries the link Google made during the calendar write; after a crash at the
// release it goes out once, as rendered before the write, and the manage page shows the link.
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { HOLD_MS } from "../../src/platform/mail/outbox-hold.ts";
import { tick } from "../../src/platform/tick.ts";
import { connect, googleEnv } from "../calendars/helpers.ts";
import { DISCOVERY, discoveryBooking, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";
import { type GoogleFake, startGoogleFake } from "../peers/google-calendar-fake.ts";

const PRIMARY = "jean@example.com";
const smtp = smtpServerForFile();
let google: GoogleFake;
beforeEach(async () => {
  google = await startGoogleFake();
  google.addCalendar({ id: PRIMARY, summary: "Jean", primary: true });
});
afterEach(async () => google.close());

async function meetOwner(): Promise<OwnerFixture> {
  const f = await ownerFixture({
    now: "2027-03-26T09:00:00Z",
    env: { ALLOW_PRIVATE_TARGETS: "1", ...googleEnv(google) },
    transport: smtpTransport(smtp.url),
  });
  const body = { ...DISCOVERY, locations: [{ type: "google_meet" }] };
  expect((await f.api("/api/event-types", { body })).status).toBe(201);
  await connect(f, { type: "google", refreshToken: google.refreshToken() });
  return f;
}

const book = (f: OwnerFixture, email: string) =>
  f.publicApi("/api/public/jean/discovery/bookings", {
    body: discoveryBooking({ email }),
  });

function to(address: string): ParsedMail[] {
  return smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
}

const inviteOf = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString("utf8");

describe("Google Meet bookings by email", () => {
  it("the confirmation and the owner's notice carry the Meet link Google made, each sent once", async () => {
    const f = await meetOwner();
    const prospect = "meet@example.org";
    expect((await book(f, prospect)).status).toBe(201);
    await f.settle();
    const meet = google.events(PRIMARY)[0]!.hangoutLink as string;
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);
    const [confirmation] = to(prospect);
    expect(to(prospect)).toHaveLength(1);
    expect(confirmation!.text).toContain(meet);
    expect(inviteOf(confirmation!)).toContain(`LOCATION:${meet}`);
    expect(to(PRIMARY).filter((m) => m.text?.includes(meet))).toHaveLength(1);
    f.clock.advance(HOLD_MS);
    await tick(f.deps);
    expect(to(prospect)).toHaveLength(1);
  });

  it("after a crash at the release: sent once as rendered, without the link; the manage page shows it", async () => {
    const f = await meetOwner();
    const prospect = "meet-crash@example.org";
    f.deps.database.sqlite.exec(`CREATE TEMP TRIGGER crash_before_release BEFORE UPDATE ON outbox
      BEGIN SELECT RAISE(ABORT, 'process stopped'); END`);
    expect((await book(f, prospect)).status).toBe(500);
    f.deps.database.sqlite.exec("DROP TRIGGER crash_before_release");
    const meet = google.events(PRIMARY)[0]!.hangoutLink as string;
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);

    f.clock.advance(HOLD_MS);
    await tick(f.deps);
    await tick(f.deps);
    const sent = to(prospect);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).not.toContain(meet);
    expect(inviteOf(sent[0]!)).not.toContain(meet);

    const manage = /https?:\/\/[^\s"<>]+\/bookings\/[A-Za-z0-9._-]+/.exec(sent[0]!.text ?? "")![0];
    const page = await (await f.app.request(new URL(manage).pathname)).text();
    expect(page).toContain(meet);
  });
});
