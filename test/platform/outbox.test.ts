import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { owners } from "../../src/platform/db/schema.ts";
import { fileTransport, smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { deliverDue, type OutgoingMail } from "../../src/platform/mail/outbox.ts";
import type { MailTransport } from "../../src/platform/mail/port.ts";
import { deliveryDeps, sendMail } from "../../src/platform/mail/send.ts";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { smtpServerForFile } from "../helpers/smtp-server-for-file.ts";
import { createTestApp } from "../helpers/test-app.ts";

const smtp = smtpServerForFile();

async function appWith(transport: MailTransport) {
  const t = createTestApp({ transport });
  await setUpOwner(new BrowserSession(t));
  const owner = (await t.deps.database.db.select().from(owners).get())!;
  return { t, owner };
}

function mail(ownerId: string, key: string): OutgoingMail {
  return {
    ownerId,
    idempotencyKey: key,
    why: "test.hello",
    to: { address: "prospect@example.org", name: "Élodie « Test »" },
    subject: "Votre rendez-vous est confirmé ✔",
    html: "<p>Bonjour <strong>Élodie</strong></p>",
    text: "Bonjour Élodie",
    locale: "fr",
    attachments: [
      {
        filename: "invite.ics",
        contentType: "text/calendar",
        content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        method: "REQUEST",
      },
    ],
  };
}

describe("outbox over a real SMTP server", () => {
  it("records the email, delivers it once, and lists it at /api/outbox", async () => {
    const before = smtp.messages.length;
    const { t, owner } = await appWith(smtpTransport(smtp.url));
    const first = await sendMail(t.deps, mail(owner.id, "hello-1"));
    const again = await sendMail(t.deps, mail(owner.id, "hello-1"));
    expect(again).toEqual({ id: first.id, created: false });
    const received = await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages.length).toBe(before + 1);
    const message = received[before]!;
    expect(message.subject).toBe("Votre rendez-vous est confirmé ✔");
    expect(message.text?.trim()).toBe("Bonjour Élodie");
    expect(message.html).toContain("<strong>Élodie</strong>");
    expect(message.to && !Array.isArray(message.to) ? message.to.value[0]?.name : "").toBe("Élodie « Test »");
    expect(message.attachments[0]?.contentType).toBe("text/calendar");
    const { key } = await createApiKey(t.deps, owner.id, "k");
    const list = (await (
      await t.app.request("/api/outbox", { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { items: { id: string; status: string; why: string; rawUrl: string; messageId: string }[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: first.id, status: "sent", why: "test.hello" });
    expect(message.messageId).toBe(list.items[0]!.messageId);
    const raw = await t.app.request(list.items[0]!.rawUrl, { headers: { authorization: `Bearer ${key}` } });
    expect(raw.headers.get("content-type")).toBe("message/rfc822");
    expect(await raw.text()).toMatch(/^Subject: /m);
  });

  it("keeps a temporary SMTP failure queued and retries it with backoff on the tick", async () => {
    const before = smtp.messages.length;
    const { t, owner } = await appWith(smtpTransport(smtp.url));
    smtp.rejectNext = 1;
    const queued = await sendMail(t.deps, mail(owner.id, "retry-1"));
    const { getOutboxMessage } = await import("../../src/platform/mail/outbox-store.ts");
    const row = await getOutboxMessage(t.deps.database, owner.id, queued.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row?.lastError).toMatch(/451/);
    expect(await deliverDue(deliveryDeps(t.deps))).toEqual({ sent: 0, failed: 0, retrying: 0 });
    t.clock.advance(61_000);
    expect(await deliverDue(deliveryDeps(t.deps))).toEqual({ sent: 1, failed: 0, retrying: 0 });
    await smtp.waitFor(before + 1);
    expect(smtp.messages.length).toBe(before + 1);
  });

  it("writes .eml files when no SMTP server is configured", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-outbox-"));
    const { t, owner } = await appWith(fileTransport(dir));
    await sendMail(t.deps, mail(owner.id, "file-1"));
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const eml = readFileSync(path.join(dir, files[0]!), "utf8");
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toContain("text/calendar; method=REQUEST");
  });

  it("shows the email in the dashboard with text and sandboxed HTML previews", async () => {
    const { t, owner } = await appWith(smtpTransport(smtp.url));
    const browser = new BrowserSession(t);
    await browser.post(
      "/login",
      { email: owner.email, password: "correct horse battery staple" },
      { csrfFrom: "/login" },
    );
    const sent = await sendMail(t.deps, { ...mail(owner.id, "dash-1"), text: "Texte <b>brut</b>" });
    const list = await (await browser.get("/dashboard/outbox")).text();
    expect(list).toContain(`/dashboard/outbox/${sent.id}`);
    const detail = await (await browser.get(`/dashboard/outbox/${sent.id}`)).text();
    expect(detail).toContain("Texte &lt;b&gt;brut&lt;/b&gt;");
    expect(detail).toContain(`src="/dashboard/outbox/${sent.id}/html"`);
    const frame = await browser.get(`/dashboard/outbox/${sent.id}/html`);
    expect(frame.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(frame.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  });
});
