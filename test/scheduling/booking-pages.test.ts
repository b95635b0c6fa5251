// The public booking pages as a browser without JavaScript uses them: plain forms, a cookie jar, app.request().
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, leads } from "../../src/platform/db/schema.ts";
import { ownerActionUrl } from "../../src/scheduling/booking-links.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { DISCOVERY, ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";

// Friday 26 March 2027, 09:00 UTC (10:00 in Paris). Paris moves to summer time on Sunday 28th, New York
// already did on 14 March: Monday 29th 09:00 in Paris is 03:00 in New York.
const NOW = "2027-03-26T09:00:00Z";
const MONDAY_9_PARIS_IN_NY = "2027-03-29T03:00:00-04:00";
const GOOD = {
  name: "Alice Martin",
  email: "alice@example.org",
  "answers.rate": "650",
  "answers.months": "6",
  "answers.stack": "TypeScript",
};

async function withLink(overrides: Record<string, unknown> = {}, acceptLanguage?: string) {
  const f = await ownerFixture({ now: NOW });
  const created = await f.api("/api/event-types", { body: { ...DISCOVERY, ...overrides } });
  expect(created.status).toBe(201);
  return { f, s: new BrowserSession(f, acceptLanguage) };
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the form sending to `action` (by POST unless said otherwise). */
function hiddenFields(html: string, action: string, method = "post"): Record<string, string> {
  const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const form = new RegExp(`<form method="${method}" action="${escaped}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`No form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const m of form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = decodeEntities(m[2]!);
  return fields;
}

const location = (r: Response) => r.headers.get("location") ?? "";

/** Step 1 → step 2 (following the redirect) for the week of `week`; returns the step-2 page. */
async function answer(s: BrowserSession, fields: Record<string, string>, week?: string) {
  const posted = await s.post(
    "/jean/discovery",
    { timeZone: "America/New_York", ...fields },
    { csrfFrom: "/jean/discovery" },
  );
  expect(posted.status).toBe(303);
  const step2 = await s.get(`${location(posted)}${week ? `&week=${week}` : ""}`);
  expect(step2.status).toBe(200);
  return step2.text();
}

async function book(s: BrowserSession, step2: string, start: string) {
  expect(step2).toContain(`value="${start}"`);
  return s.post("/jean/discovery/book", { ...hiddenFields(step2, "/jean/discovery/book"), start });
}

describe("booking page, step by step without JavaScript", () => {
  it("answers, picks a New York time and lands on a confirmation in both zones with the .ics", async () => {
    const { f, s } = await withLink();
    const step1 = await (await s.get("/jean/discovery?source=malt&utm_campaign=spring")).text();
    expect(step1).toContain("<h1>Premier échange</h1>");
    expect(step1).toContain('name="answers.rate"');
    expect(step1).toContain('<input type="hidden" name="source" value="malt">');
    expect(step1).toContain('<input type="hidden" name="utm_campaign" value="spring">');

    const posted = await s.post(
      "/jean/discovery",
      { ...GOOD, timeZone: "America/New_York", source: "malt", utm_campaign: "spring" },
      { csrfFrom: "/jean/discovery" },
    );
    expect(posted.status).toBe(303);
    expect(location(posted)).toMatch(
      /^\/jean\/discovery\/slots\?s=[\w.-]+&lang=fr&timeZone=America%2FNew_York$/,
    );
    // The week opens on the first free time (Friday, two slots left after the hour of notice), in New York time.
    const thisWeek = await (await s.get(location(posted))).text();
    expect(thisWeek).toContain('<option value="America/New_York" selected>America/New York</option>');
    expect(thisWeek).toContain('value="2027-03-26T06:00:00-04:00"');
    expect(thisWeek).toContain('<label for="slot-0">06:00</label>');
    expect(thisWeek).toContain("Les horaires suivent une grille fixe.");

    const nextWeek = await (await s.get(`${location(posted)}&week=2027-03-29`)).text();
    expect(nextWeek).toContain("Semaine du 29 mars");
    const booked = await book(s, nextWeek, MONDAY_9_PARIS_IN_NY);
    expect(booked.status).toBe(303);
    expect(location(booked)).toMatch(/^\/bookings\/[\w.-]+\?new=1$/);

    const [row] = await f.deps.database.db.select().from(bookings);
    expect(row).toMatchObject({
      status: "confirmed",
      startMs: Date.parse(MONDAY_9_PARIS_IN_NY),
      timeZone: "America/New_York",
      locale: "fr",
    });
    const [lead] = await f.deps.database.db.select().from(leads);
    expect(lead).toMatchObject({ source: "malt", utm: { utm_campaign: "spring" }, verdict: "qualified" });
    await f.settle();
    expect((f.deps.transport as CapturingTransport).sent.map((m) => m.to.address).sort()).toEqual([
      "alice@example.org",
      "jean@example.com",
    ]);

    const confirmation = await (await s.get(location(booked))).text();
    expect(confirmation).toContain("C&#39;est réservé");
    expect(confirmation).toMatch(/Votre horaire<\/dt><dd>lundi 29 mars 2027, 03:00–03:30 \([^)]*UTC−4\)/);
    expect(confirmation).toMatch(
      /Heure de Jean Dupont<\/dt><dd>lundi 29 mars 2027, 09:00–09:30 \([^)]*UTC\+2\)/,
    );
    expect(confirmation).toContain("https://meet.example.org/jean");
    expect(confirmation).toContain("Confirmé");
    const token = location(booked).split("/")[2]!.split("?")[0]!;
    expect(confirmation).toContain(`href="/bookings/${token}/invite.ics"`);

    const ics = await s.get(`/bookings/${token}/invite.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const body = await ics.text();
    expect(body).toContain("DTSTART:20270329T070000Z");
    expect(body).toContain("STATUS:CONFIRMED");
  });

  it("speaks English with ?lang=en or an English browser, and keeps the language across the steps", async () => {
    const { s } = await withLink({}, "en-GB,en;q=0.9");
    expect(await (await s.get("/jean/discovery")).text()).toContain("Step 1 of 3");
    const french = new BrowserSession((await withLink()).f, "en-GB");
    const page = await (await french.get("/jean/discovery?lang=fr")).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<input type="hidden" name="lang" value="fr">');
    const step2 = await answer(s, GOOD);
    expect(step2).toContain('<html lang="en">');
    expect(step2).toContain("Times are on a fixed grid; a busy time removes the slots it touches.");
  });

  it("answers 404 with a page for an unknown handle or slug (and problem+json under /api)", async () => {
    const { f, s } = await withLink();
    for (const path of ["/nobody/discovery", "/jean/nothing", "/jean/nothing/slots"]) {
      const r = await s.get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).toContain("Lien introuvable");
    }
    const api = await f.api("/api/nowhere");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("step 1 validation", () => {
  const ALL_TYPES = [
    { id: "rate", label: "TJM", type: "money", required: true, role: "dailyRate" },
    { id: "months", label: "Mois", type: "number", required: true, role: "durationMonths" },
    { id: "bio", label: "Projet", type: "longtext", required: false },
    { id: "contact", label: "E-mail du manager", type: "email", required: false },
    { id: "tel", label: "Téléphone", type: "phone", required: false },
    { id: "site", label: "Site", type: "url", required: false },
    { id: "start", label: "Début", type: "date", required: false },
    {
      id: "mode",
      label: "Mode",
      type: "select",
      required: true,
      options: [
        { value: "a", label: "A" },
        { value: "b", label: "B" },
      ],
    },
    {
      id: "stack",
      label: "Stack",
      type: "multiselect",
      required: true,
      options: [
        { value: "ts", label: "TypeScript" },
        { value: "go", label: "Go" },
        { value: "rb", label: "Ruby" },
      ],
    },
    { id: "nda", label: "NDA ?", type: "boolean", required: true },
    { id: "note", label: "Note", type: "text", required: false },
  ];

  it("renders every question type as its own control (€ for money, checkboxes, yes/no radios)", async () => {
    const { s } = await withLink({ questions: ALL_TYPES, triage: { onDecline: "flag" } });
    const html = await (await s.get("/jean/discovery")).text();
    expect(html).toMatch(
      /<input type="text" id="f-answers-rate"[^>]*inputmode="decimal"><span class="unit" aria-hidden="true">€<\/span>/,
    );
    expect(html).toContain('<textarea id="f-answers-bio" name="answers.bio"');
    expect(html).toContain('<input type="email" id="f-answers-contact"');
    expect(html).toContain('<input type="tel" id="f-answers-tel"');
    expect(html).toContain('<input type="url" id="f-answers-site"');
    expect(html).toContain('<input type="date" id="f-answers-start"');
    expect(html).toContain('<select id="f-answers-mode" name="answers.mode"');
    expect(html.match(/type="checkbox" id="f-answers-stack-\d" name="answers.stack"/g)).toHaveLength(3);
    expect(html).toContain('<input type="radio" id="f-answers-nda-0" name="answers.nda" value="true">');
    expect(html).toContain('<input type="radio" id="f-answers-nda-1" name="answers.nda" value="false">');
    expect(html).toMatch(/<div class="hp" aria-hidden="true">.*tabindex="-1" autocomplete="off"/);
  });

  it("answers 422 with each error next to its field and everything typed kept, escaped", async () => {
    const { f, s } = await withLink({ questions: ALL_TYPES, triage: { onDecline: "flag" } });
    const token = await s.csrfFrom("/jean/discovery");
    const body = new URLSearchParams({
      _csrf: token,
      name: 'Bob "<b>bold</b>"',
      email: "not-an-email",
      "answers.rate": "six cents",
      "answers.months": "4",
      "answers.bio": "Line one\n</textarea><script>alert(1)</script>",
      "answers.mode": "b",
      "answers.nda": "false",
      "answers.site": "ftp://example.org",
    });
    body.append("answers.stack", "ts");
    body.append("answers.stack", "rb");
    const r = await f.app.request("/jean/discovery", {
      method: "POST",
      body,
      headers: {
        cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="Bob &quot;&lt;b&gt;bold&lt;/b&gt;&quot;"');
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain('value="six cents"');
    expect(html).toContain('value="4"');
    expect(html).toContain('<option value="b" selected>B</option>');
    expect(html).toContain('name="answers.stack" value="ts" checked>');
    expect(html).toContain('name="answers.stack" value="rb" checked>');
    expect(html).toContain('name="answers.stack" value="go">');
    expect(html).toContain('name="answers.nda" value="false" checked>');
    // Errors, next to their fields and announced to screen readers.
    expect(html).toMatch(/id="f-email"[^>]*aria-invalid="true" aria-describedby="f-email-error"/);
    expect(html).toContain(
      '<span class="error-text" id="f-email-error">Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.</span>',
    );
    expect(html).toMatch(
      /id="f-answers-rate"[^>]*aria-invalid="true" aria-describedby="f-answers-rate-hint f-answers-rate-error"/,
    );
    expect(html).toContain("Saisissez un montant en euros, par exemple 650 ou 650,50.");
    expect(html).toContain(
      '<span class="error-text" id="f-answers-site-error">Saisissez une adresse web commençant par http:// ou https://.</span>',
    );
    expect(html).toContain('<div class="notice error" role="alert"');
    expect(html).toContain('<a href="#f-answers-rate">TJM</a>');
    expect(await f.deps.database.db.select().from(leads)).toHaveLength(0);
  });

  it("says which field is required, in French, for an empty form", async () => {
    const { s } = await withLink();
    const r = await s.post("/jean/discovery", {}, { csrfFrom: "/jean/discovery" });
    expect(r.status).toBe(422);
    const html = await r.text();
    for (const id of ["f-name", "f-email", "f-answers-rate", "f-answers-months"]) {
      expect(html).toContain(`<span class="error-text" id="${id}-error">Ce champ est obligatoire.</span>`);
    }
    expect(html).not.toContain('id="f-answers-stack-error"');
  });

  it("shows a kind page with the reasons when triage declines on a blocking link, keeping the lead, taking no slot", async () => {
    const { f, s } = await withLink();
    const r = await s.post(
      "/jean/discovery",
      { ...GOOD, "answers.rate": "300", "answers.months": "2" },
      { csrfFrom: "/jean/discovery" },
    );
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("Merci, Alice Martin");
    expect(html).toContain("ne pourra pas donner suite");
    expect(html).toMatch(/<ul class="reasons"><li>[^<]*300[^<]*<\/li><li>[^<]*mois[^<]*<\/li><\/ul>/);
    expect(html).not.toContain('name="start"');
    const [lead] = await f.deps.database.db.select().from(leads);
    expect(lead).toMatchObject({ verdict: "declined", stage: "declined" });
    expect(await f.deps.database.db.select().from(bookings)).toHaveLength(0);
  });

  it("pretends success to a bot that filled the honeypot, and stores nothing", async () => {
    const { f, s } = await withLink();
    const r = await s.post(
      "/jean/discovery",
      { ...GOOD, website: "http://spam.example" },
      { csrfFrom: "/jean/discovery" },
    );
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Votre demande a bien été reçue.");
    expect(await f.deps.database.db.select().from(leads)).toHaveLength(0);
    await f.settle();
    expect((f.deps.transport as CapturingTransport).sent).toHaveLength(0);
  });

  it("navigates step 2 by POST when long answers would not fit in a URL", async () => {
    const { s } = await withLink({
      questions: [
        ...DISCOVERY.questions,
        { id: "project", label: "Projet", type: "longtext", required: false },
      ],
    });
    const r = await s.post(
      "/jean/discovery",
      { ...GOOD, "answers.project": "é".repeat(4000), notes: "n".repeat(3000) },
      { csrfFrom: "/jean/discovery" },
    );
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<form method="post" action="/jean/discovery/slots" class="week-nav">');
    expect(html).not.toContain('class="lang-switch"');
    const moved = await s.post("/jean/discovery/slots", {
      ...hiddenFields(html, "/jean/discovery/slots"),
      timeZone: "Asia/Tokyo",
    });
    expect(moved.status).toBe(200);
    expect(await moved.text()).toContain('<option value="Asia/Tokyo" selected>');
  });
});

describe("step 2 and 3", () => {
  it("sends the second person to the same time back to step 2 with a clear message and the answers kept", async () => {
    const { f, s } = await withLink();
    const alice = await answer(s, GOOD, "2027-03-29");
    const bob = new BrowserSession(f);
    const bobsPage = await answer(bob, { ...GOOD, name: "Bob", email: "bob@example.org" }, "2027-03-29");
    expect((await book(s, alice, MONDAY_9_PARIS_IN_NY)).status).toBe(303);
    const taken = await book(bob, bobsPage, MONDAY_9_PARIS_IN_NY);
    expect(taken.status).toBe(409);
    const html = await taken.text();
    expect(html).toContain("Cet horaire vient d&#39;être pris.");
    expect(html).not.toContain(`value="${MONDAY_9_PARIS_IN_NY}"`);
    // Same draft, so Bob only picks another time.
    expect(hiddenFields(html, "/jean/discovery/book").s).toBe(
      hiddenFields(bobsPage, "/jean/discovery/book").s,
    );
    const retry = await book(bob, html, "2027-03-29T04:00:00-04:00");
    expect(retry.status).toBe(303);
    const rows = await f.deps.database.db.select().from(bookings);
    expect(rows.map((b) => b.name).sort()).toEqual(["Alice Martin", "Bob"]);
  });

  it("refuses a tampered or expired draft with a page that starts again", async () => {
    const { f, s } = await withLink();
    const step2 = await answer(s, GOOD, "2027-03-29");
    const fields = hiddenFields(step2, "/jean/discovery/book");
    const tampered = await s.post("/jean/discovery/book", {
      ...fields,
      s: `${fields.s}x`,
      start: MONDAY_9_PARIS_IN_NY,
    });
    expect(tampered.status).toBe(400);
    f.clock.advance(4 * 3600_000);
    const expired = await s.post("/jean/discovery/book", { ...fields, start: "2027-03-29T04:00:00-04:00" });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('href="/jean/discovery?lang=fr"');
    expect(await f.deps.database.db.select().from(bookings)).toHaveLength(0);
  });

  it("asks for a time when none was picked", async () => {
    const { s } = await withLink();
    const step2 = await answer(s, GOOD, "2027-03-29");
    const r = await s.post("/jean/discovery/book", hiddenFields(step2, "/jean/discovery/book"));
    expect(r.status).toBe(422);
    expect(await r.text()).toContain("Choisissez un horaire dans la liste.");
  });
});

async function booked(overrides: Record<string, unknown> = {}) {
  const { f, s } = await withLink(overrides);
  const step2 = await answer(
    s,
    { ...GOOD, name: "Alice <img src=x onerror=alert(1)>", notes: "<script>x()</script>" },
    "2027-03-29",
  );
  const r = await book(s, step2, MONDAY_9_PARIS_IN_NY);
  expect(r.status).toBe(303);
  const manage = location(r).split("?")[0]!;
  const [row] = await f.deps.database.db.select().from(bookings);
  return { f, s, manage, id: row!.id, endMs: row!.endMs };
}

describe("manage page", () => {
  it("reschedules through the same picker, then cancels with a reason", async () => {
    const { f, s, manage, id } = await booked();
    const page = await (await s.get(manage)).text();
    expect(page).toContain("Alice &lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain(`href="${manage}/reschedule?lang=fr"`);

    const picker = await (await s.get(`${manage}/reschedule?week=2027-03-29`)).text();
    // Shown in the prospect's zone; the booking's neighbours are free for it, its own time is not offered.
    expect(picker).toContain('<option value="America/New_York" selected>');
    expect(picker).toContain('value="2027-03-29T03:30:00-04:00"');
    expect(picker).not.toContain(`value="${MONDAY_9_PARIS_IN_NY}"`);
    const moved = await s.post(`${manage}/reschedule`, {
      ...hiddenFields(picker, `${manage}/reschedule`),
      start: "2027-03-29T05:00:00-04:00",
    });
    expect(moved.status).toBe(303);
    expect(location(moved)).toMatch(/^\/bookings\/[\w.-]+\?done=rescheduled&lang=fr$/);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.startMs).toBe(Date.parse("2027-03-29T09:00:00Z"));
    expect(await (await s.get(location(moved))).text()).toContain("votre rendez-vous est déplacé");

    const cancelled = await s.post(`${manage}/cancel`, { reason: "Conflit d'agenda" }, { csrfFrom: manage });
    expect(cancelled.status).toBe(303);
    const [after] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(after).toMatchObject({
      status: "cancelled",
      cancelledBy: "prospect",
      cancelReason: "Conflit d'agenda",
    });
    await f.settle();
    const sent = (f.deps.transport as CapturingTransport).sent;
    expect(sent.some((m) => m.to.address === "jean@example.com" && m.text.includes("Conflit d'agenda"))).toBe(
      true,
    );
    const done = await (await s.get(location(cancelled))).text();
    expect(done).toContain("Le rendez-vous est annulé.");
    expect(done).not.toContain(`action="${manage}/cancel"`);
  });

  it("says it is too late past the notice window, and refuses the cancel", async () => {
    const { f, s, manage, id } = await booked();
    f.clock.set("2027-03-29T06:30:00Z"); // 30 minutes before, the link allows up to 120
    const page = await (await s.get(manage)).text();
    expect(page).toContain("Il est trop tard pour annuler ou déplacer ce rendez-vous en ligne.");
    expect(page).toContain('href="mailto:jean@example.com"');
    expect(page).not.toContain(`action="${manage}/cancel"`);
    // No form on the page any more: a stale tab posts anyway.
    const r = await s.post(`${manage}/cancel`, {}, { csrfFrom: "/jean/discovery" });
    expect(r.status).toBe(409);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.status).toBe("confirmed");
    expect((await s.get(`${manage}/reschedule`)).status).toBe(303);
  });

  it("answers 404 for a tampered manage token, and a CSRF-less cancel is refused", async () => {
    const { f, s, manage, id } = await booked();
    expect((await s.get(`${manage}x`)).status).toBe(404);
    const noToken = await s.post(`${manage}/cancel`, {});
    expect(noToken.status).toBe(403);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.status).toBe("confirmed");
  });
});

describe("owner one-click pages", () => {
  it("approve: GET shows the booking, answers and verdict and changes nothing; the POST approves", async () => {
    const { f, id, endMs } = await booked({ requiresConfirmation: true });
    await f.settle();
    const ownerMail = (f.deps.transport as CapturingTransport).sent.find(
      (m) => m.to.address === "jean@example.com",
    )!;
    const link = /http:\/\/localhost:3000(\/m\/bookings\/[\w.-]+)/.exec(ownerMail.text)![1]!;
    const owner = new BrowserSession(f);
    for (let i = 0; i < 2; i++) {
      const page = await owner.get(link);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("<h1>Confirmer ce rendez-vous\u00a0?</h1>");
      expect(html).toContain("Alice &lt;img src=x onerror=alert(1)&gt;");
      expect(html).toContain("&lt;script&gt;x()&lt;/script&gt;");
      expect(html).not.toContain("<img src=x");
      expect(html).toMatch(/<dt>TJM proposé<\/dt><dd>650\s€<\/dd>/);
      expect(html).toContain('<span class="badge ok">qualifié</span>');
    }
    const [still] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(still!.status).toBe("pending");
    expect(link).toBe(new URL(ownerActionUrl(f.config, id, "approve", endMs)).pathname);

    const approved = await owner.post(link, {}, { csrfFrom: link });
    expect(approved.status).toBe(303);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.status).toBe("confirmed");
    expect(await (await owner.get(location(approved))).text()).toContain("Rendez-vous confirmé.");
  });

  it("cancel: the kind message is prefilled, editable, and sent to the prospect", async () => {
    const { f, id, endMs } = await booked();
    const link = new URL(ownerActionUrl(f.config, id, "cancel", endMs)).pathname;
    const owner = new BrowserSession(f);
    const html = await (await owner.get(link)).text();
    expect(html).toMatch(
      /<textarea id="f-message" name="message"[^>]*>Bonjour Alice,\n\nMerci pour votre intérêt./,
    );
    const [before] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(before!.status).toBe("confirmed");
    const r = await owner.post(
      link,
      { message: "Bonjour Alice, je dois annuler, désolé." },
      { csrfFrom: link },
    );
    expect(r.status).toBe(303);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row).toMatchObject({ status: "cancelled", cancelledBy: "owner" });
    await f.settle();
    const toAlice = (f.deps.transport as CapturingTransport).sent.filter(
      (m) => m.to.address === "alice@example.org",
    );
    expect(toAlice.at(-1)!.text).toContain("je dois annuler, désolé.");
  });

  it("answers 404 for a tampered link and 410 for an expired one, changing nothing", async () => {
    const { f, id, endMs } = await booked({ requiresConfirmation: true });
    const link = new URL(ownerActionUrl(f.config, id, "approve", endMs)).pathname;
    const owner = new BrowserSession(f);
    const tampered = await owner.get(`${link.slice(0, -2)}xx`);
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toContain("Lien invalide");
    f.clock.set(endMs + 8 * 86_400_000);
    const expired = await owner.get(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Ce lien a expiré");
    expect((await owner.post(link, {}, { csrfFrom: "/jean/discovery" })).status).toBe(410);
    const [row] = await f.deps.database.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.status).toBe("pending");
  });
});
