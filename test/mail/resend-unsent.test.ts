// "Send the unsent emails": a deployment that ran without a mail transport (as a Worker with no SMTP_URL
// does) gets one; the owner's action sends what still makes sense, over real SMTP, and marks the rest expired.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { outbox } from "../../src/platform/db/schema.ts";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { outboxOnlyTransport } from "../../src/platform/mail/outbox-only-transport.ts";
import { sendMail } from "../../src/platform/mail/send.ts";
import { tick } from "../../src/platform/tick.ts";
import { book, NOW } from "../calendars/helpers.ts";
import { anotherOwner, DISCOVERY, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";
import { signedIn } from "../leads/helpers.ts";

const CALL = Date.parse("2027-03-29T09:00:00+02:00");
const LATER_CALL = Date.parse("2027-03-31T10:00:00+02:00");
const MIN = 60_000;

const smtp = smtpServerForFile();

/** The same database before (no transport) and after (SMTP) the deployment was configured. */
async function deployment() {
  const before = await ownerFixture({ now: NOW, transport: outboxOnlyTransport(async () => "") });
  expect((await before.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  const after = createTestApp({
    database: before.deps.database,
    transport: smtpTransport(smtp.url),
    now: NOW,
  });
  const api = (app: TestApp, path: string, method = "GET") =>
    app.app.request(path, { method, headers: { authorization: `Bearer ${before.key}` } });
  const emails = () =>
    before.deps.database.db.select().from(outbox).where(eq(outbox.ownerId, before.owner.id)).all();
  return { before, after, api, emails };
}

async function bookBoth(before: OwnerFixture) {
  expect((await book(before, "2027-03-29T09:00:00+02:00")).status).toBe(201);
  const later = await book(before, "2027-03-31T10:00:00+02:00", {
    name: "Bob Durand",
    email: "bob@example.org",
  });
  expect(later.status).toBe(201);
  await before.settle();
}

describe("sending the unsent emails once a transport is configured", () => {
  it("sends what still makes sense, in order, once; a passed call's emails and reminders expire", async () => {
    const { before, after, api, emails } = await deployment();
    await bookBoth(before);
    // The deployment keeps running without mail: the first call's reminders are written, then it takes place;
    // the second call's day-before reminder is written too.
    for (const at of [CALL - 24 * 60 * MIN, CALL - 29 * MIN, LATER_CALL - 23 * 60 * MIN]) {
      before.clock.set(at);
      await tick(before.deps);
    }
    const unsent = await emails();
    expect(unsent.length).toBeGreaterThanOrEqual(7);
    expect(unsent.every((m) => m.status === "unsent")).toBe(true);

    after.clock.set(LATER_CALL - 22 * 60 * MIN);
    const response = await api(after, "/api/outbox/resend-unsent", "POST");
    expect(response.status).toBe(200);
    const report = (await response.json()) as { requeued: number; expired: number };
    await after.settle();

    const rows = await emails();
    // Everything about the first call (Alice's) has expired with its reason; nothing of it went out.
    const toAlice = rows.filter((m) => m.toAddress === "alice@example.org");
    expect(toAlice.length).toBeGreaterThanOrEqual(2);
    for (const m of toAlice) {
      expect(m.status).toBe("expired");
      expect(m.lastError).toMatch(/^Expired: /);
    }
    const ownerReminder = rows.find(
      (m) => m.why === "workflow:booking-reminders" && m.toAddress === "jean@example.com",
    );
    expect(ownerReminder).toMatchObject({ status: "expired" });
    // Bob's confirmation and day-before reminder went out, over SMTP, each once.
    const toBob = rows.filter((m) => m.toAddress === "bob@example.org");
    expect(toBob.map((m) => m.why).sort()).toEqual(["booking.confirmation", "workflow:booking-reminders"]);
    expect(toBob.every((m) => m.status === "sent")).toBe(true);
    const delivered = smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes("bob@example.org"));
    expect(delivered).toHaveLength(2);
    // Delivered in the order they were written: the confirmation before the reminder.
    expect(delivered.map((m) => m.messageId)).toEqual(
      toBob.sort((a, b) => a.createdAt - b.createdAt).map((m) => m.messageId),
    );
    expect(report).toEqual({
      requeued: rows.filter((m) => m.status === "sent").length,
      expired: rows.filter((m) => m.status === "expired").length,
    });
    expect(rows.some((m) => m.status === "unsent")).toBe(false);

    // A second click finds nothing: nothing is sent twice.
    const again = await api(after, "/api/outbox/resend-unsent", "POST");
    expect(await again.json()).toEqual({ requeued: 0, expired: 0 });
    await after.settle();
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes("bob@example.org"))).toHaveLength(2);
  });

  it("refuses with a 409 problem while no transport is configured, and changes nothing", async () => {
    const { before, api, emails } = await deployment();
    await bookBoth(before);
    const response = await api(before, "/api/outbox/resend-unsent", "POST");
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { title: string; detail: string };
    expect(problem.title).toBe("No mail transport");
    expect(problem.detail).toContain("SMTP_URL");
    expect((await emails()).every((m) => m.status === "unsent")).toBe(true);
  });

  it("needs the write scope on the API", async () => {
    const { after, emails, before } = await deployment();
    await bookBoth(before);
    const { key } = await createApiKey(before.deps, before.owner.id, "read only", ["read"]);
    const response = await after.app.request("/api/outbox/resend-unsent", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(403);
    expect((await emails()).every((m) => m.status === "unsent")).toBe(true);
  });

  it("touches only the caller's own emails", async () => {
    const { before, after, api } = await deployment();
    const { owner: other } = await anotherOwner(before.deps);
    const mail = (ownerId: string, key: string) => ({
      ownerId,
      idempotencyKey: key,
      why: "lead.new",
      to: { address: `${key}@example.org` },
      subject: key,
      html: "<p>x</p>",
      text: "x",
      locale: "fr",
    });
    await sendMail(before.deps, mail(before.owner.id, "mine"));
    const theirs = await sendMail(before.deps, mail(other.id, "theirs"));
    expect(await (await api(after, "/api/outbox/resend-unsent", "POST")).json()).toEqual({
      requeued: 1,
      expired: 0,
    });
    await after.settle();
    const row = await before.deps.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, theirs.id)))
      .get();
    expect(row?.status).toBe("unsent");
    expect(smtp.messages.some((m) => m.subject === "theirs")).toBe(false);
  });
});

describe("the outbox page", () => {
  it("says the emails are unsent for want of a transport, and offers to send them once there is one", async () => {
    const { before, after } = await deployment();
    await bookBoth(before);
    const withoutMail = await signedIn(before);
    const page = await (await withoutMail.get("/dashboard/outbox")).text();
    expect(page).toContain(
      "4 e-mail(s) n&#39;ont pas été envoyés : aucun moyen d&#39;envoi n&#39;est configuré",
    );
    expect(page).not.toContain('action="/dashboard/outbox/resend-unsent"');

    const withMail = await signedIn({ ...before, ...after } as OwnerFixture);
    const offer = await (await withMail.get("/dashboard/outbox")).text();
    expect(offer).toContain("Il y en a un maintenant");
    expect(offer).toContain('action="/dashboard/outbox/resend-unsent"');
    // A forged form (no CSRF token) is refused and sends nothing.
    expect((await withMail.post("/dashboard/outbox/resend-unsent", {})).status).toBe(403);
    const done = await withMail.post(
      "/dashboard/outbox/resend-unsent",
      {},
      { csrfFrom: "/dashboard/outbox" },
    );
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/dashboard/outbox?done=resent&requeued=4&expired=0");
    await after.settle();
    const result = await (await withMail.get(done.headers.get("location")!)).text();
    expect(result).toContain("4 e-mail(s) remis en file d&#39;envoi, 0 expiré(s).");
    expect(result).not.toContain("ont pas été envoyés");
  });
});
