// The dashboard's booking-link editor and bookings list, driven like a browser without JavaScript.
import { describe, expect, it } from "vitest";
import { bookings, owners } from "../../src/platform/db/schema.ts";
import { listEventTypes } from "../../src/scheduling/event-type-store.ts";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { type CapturingTransport, createTestApp } from "../helpers/test-app.ts";

const NOW = "2027-03-26T09:00:00Z";

async function signedIn() {
  const t = createTestApp({ now: NOW, env: { PUBLIC_POST_LIMIT: "0" } });
  const s = new BrowserSession(t);
  expect((await setUpOwner(s)).status).toBe(303);
  const [owner] = await t.deps.database.db.select().from(owners);
  const links = () => listEventTypes(t.deps.database, owner!.id);
  return { t, s, ownerId: owner!.id, links };
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) out[m[1]!] = decodeEntities(m[2] ?? "");
  return out;
}

/** What a browser would send for the form posting to `action`: every field as it stands on the page. */
function formData(html: string, action: string): Record<string, string> {
  const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const body = new RegExp(`<form method="post" action="${escaped}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!body) throw new Error(`No form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (!a.name || ((a.type === "checkbox" || a.type === "radio") && !("checked" in a))) continue;
    fields[a.name] = a.value ?? "";
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g))
    fields[attributes(m[1]!).name!] = decodeEntities(m[2]!);
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option value="([^"]*)"( selected)?/g)];
    fields[attributes(m[1]!).name!] = decodeEntities((options.find((o) => o[2]) ?? options[0])?.[1] ?? "");
  }
  return fields;
}

describe("booking links in the dashboard", () => {
  it("needs a session", async () => {
    const { t } = await signedIn();
    const stranger = new BrowserSession(t);
    const r = await stranger.get("/dashboard/event-types");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/login?next=%2Fdashboard%2Fevent-types");
  });

  it("lists each link with its public address in a field made for copying", async () => {
    const { s, links } = await signedIn();
    const [first] = await links();
    const html = await (await s.get("/dashboard/event-types")).text();
    expect(html).toContain('<a href="/dashboard/event-types" aria-current="page">Liens de réservation</a>');
    expect(html).toContain('<a href="/dashboard/bookings">Rendez-vous</a>');
    expect(html).toContain(
      `<input type="text" id="url-${first!.id}" value="http://localhost:3000/jean/premier-echange" readonly data-copy="Copier"`,
    );
    expect(html).toContain(
      `<label for="url-${first!.id}">Adresse publique<span class="visually-hidden"> · Premier échange</span></label>`,
    );
    expect(html).toContain(`href="/dashboard/event-types/${first!.id}"`);
  });

  it("saves an unchanged form without changing the link (every field survives the round trip)", async () => {
    const { s, links } = await signedIn();
    const [before] = await links();
    const path = `/dashboard/event-types/${before!.id}`;
    const html = await (await s.get(path)).text();
    expect(html).toContain('name="weeklyHours.mon.1.end" value="18:00"');
    expect(html).toContain("TJM proposé (€ HT / jour)");
    const r = await s.post(path, formData(html, path));
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/dashboard/event-types?done=saved");
    const [after] = await links();
    const { updatedAt: _a, ...was } = before!;
    const { updatedAt: _b, ...is } = after!;
    expect(is).toEqual(was);
  });

  it("creates a link with every kind of field: windows, overrides, questions, triage", async () => {
    const { s, links } = await signedIn();
    const html = await (await s.get("/dashboard/event-types/new")).text();
    const fields = {
      ...formData(html, "/dashboard/event-types"),
      title: "Audit technique",
      slug: "audit",
      description: "Deux heures sur votre code.",
      titleEn: "Code audit",
      durationMinutes: "90",
      slotIntervalMinutes: "30",
      "locations.0.type": "in_person",
      "locations.0.details": "12 rue de la Paix, Paris",
      "weeklyHours.sat.0.start": "9:00",
      "weeklyHours.sat.0.end": "12h",
      "weeklyHours.sat.1.start": "14:00",
      "weeklyHours.sat.1.end": "24:00",
      "dateOverrides.0.date": "2027-04-05",
      "dateOverrides.0.hours": "",
      "dateOverrides.1.date": "2027-04-10",
      "dateOverrides.1.hours": "10:00-12:00, 14:00–16:00",
      maxPerDay: "2",
      maxPerWeek: "",
      requiresConfirmation: "on",
      "questions.8.labelFr": "Budget",
      "questions.8.labelEn": "Budget (excl. VAT)",
      "questions.8.type": "money",
      "questions.8.min": "100",
      "questions.8.required": "on",
      "questions.8.position": "1",
      "questions.7.remove": "on",
      "triage.minDailyRate": "600",
      "triage.requiredSkills": "TypeScript, Node.js",
      "triage.remote": "preferred",
      "triage.onDecline": "approve",
    };
    const r = await s.post("/dashboard/event-types", fields);
    expect(r.status).toBe(303);
    const audit = (await links()).find((e) => e.slug === "audit")!;
    expect(audit).toMatchObject({
      title: "Audit technique",
      translations: { en: { title: "Code audit", description: "" } },
      durationMinutes: 90,
      slotIntervalMinutes: 30,
      locations: [{ type: "in_person", details: "12 rue de la Paix, Paris" }],
      dateOverrides: [
        { date: "2027-04-05", hours: [] },
        {
          date: "2027-04-10",
          hours: [
            ["10:00", "12:00"],
            ["14:00", "16:00"],
          ],
        },
      ],
      maxPerDay: 2,
      requiresConfirmation: true,
      triage: {
        minDailyRateCents: 60_000,
        requiredSkills: ["TypeScript", "Node.js"],
        remote: "preferred",
        onDecline: "approve",
      },
    });
    expect(audit.weeklyHours.sat).toEqual([
      ["09:00", "12:00"],
      ["14:00", "24:00"],
    ]);
    expect(audit.maxPerWeek).toBeUndefined();
    // The new question went first (position 1); the last default one ("project") was removed.
    expect(audit.questions[0]).toEqual({
      id: "budget",
      label: { fr: "Budget", en: "Budget (excl. VAT)" },
      type: "money",
      required: true,
      min: 10_000,
    });
    expect(audit.questions.map((q) => q.id)).not.toContain("project");
    expect(audit.questions).toHaveLength(8);
  });

  it("shows every error next to its field and keeps what was typed", async () => {
    const { s, links } = await signedIn();
    const [link] = await links();
    const path = `/dashboard/event-types/${link!.id}`;
    const fields = {
      ...formData(await (await s.get(path)).text(), path),
      slug: "Pas bon !",
      durationMinutes: "trente",
      "weeklyHours.mon.0.start": "25:00",
      "dateOverrides.0.date": "2027-04-05",
      "dateOverrides.0.hours": "le matin",
      "questions.1.type": "boolean",
      "triage.minDailyRate": "beaucoup",
    };
    const r = await s.post(path, fields);
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="Pas bon !"');
    expect(html).toContain('value="trente"');
    expect(html).toContain('value="le matin"');
    expect(html).toMatch(/id="f-slug"[^>]*aria-invalid="true" aria-describedby="f-slug-hint f-slug-error"/);
    expect(html).toContain(
      '<span class="error-text" id="f-durationMinutes-error">Saisissez un nombre entier.</span>',
    );
    expect(html).toMatch(/id="f-weeklyHours-mon-0-start"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="f-weeklyHours-mon-0-start-error"');
    expect(html).toContain(
      '<span class="error-text" id="f-dateOverrides-0-hours-error">Écrivez les horaires comme 10:00-12:00, 14:00-18:00.</span>',
    );
    // The daily-rate role on a boolean question is refused by the API's own rule, shown on the role's question.
    expect(html).toContain('id="f-questions-1-role-error"');
    expect(html).toContain('<span class="error-text" id="f-triage-minDailyRate-error">');
    expect(html).toContain("Lundi, plage 1, début");
    const [unchanged] = await links();
    expect(unchanged!.slug).toBe("premier-echange");
  });

  it("refuses a slug already used, next to the slug field", async () => {
    const { s } = await signedIn();
    const html = await (await s.get("/dashboard/event-types/new")).text();
    const r = await s.post("/dashboard/event-types", {
      ...formData(html, "/dashboard/event-types"),
      title: "Encore",
      slug: "premier-echange",
    });
    expect(r.status).toBe(409);
    expect(await r.text()).toContain(
      '<span class="error-text" id="f-slug-error">Vous avez déjà un lien avec cette adresse.</span>',
    );
  });

  it("deletes a link", async () => {
    const { s, links } = await signedIn();
    const [link] = await links();
    const path = `/dashboard/event-types/${link!.id}`;
    const r = await s.post(`${path}/delete`, {}, { csrfFrom: path });
    expect(r.status).toBe(303);
    expect(await links()).toHaveLength(0);
    expect((await s.get(path)).status).toBe(404);
  });
});

describe("bookings in the dashboard", () => {
  const ANSWERS = {
    company: "ACME",
    "daily-rate": 70_000,
    "duration-months": 6,
    stack: "TypeScript",
    remote: "remote",
    source: "malt",
  };

  async function withBookings() {
    const ctx = await signedIn();
    const { t, s, links } = ctx;
    // The default link, switched to "I approve each booking myself" through the editor.
    const [link] = await links();
    const path = `/dashboard/event-types/${link!.id}`;
    const form = formData(await (await s.get(path)).text(), path);
    expect((await s.post(path, { ...form, requiresConfirmation: "on" })).status).toBe(303);
    const book = (start: string, name: string) =>
      t.app.request("/api/public/jean/premier-echange/bookings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          start,
          timeZone: "America/New_York",
          name,
          email: `${name.toLowerCase()}@example.org`,
          answers: ANSWERS,
        }),
      });
    expect((await book("2027-03-29T09:30:00+02:00", "Alice")).status).toBe(201);
    expect((await book("2027-03-30T14:00:00+02:00", "Bob")).status).toBe(201);
    return ctx;
  }

  it("lists upcoming bookings in the owner's zone, with the prospect's time and status", async () => {
    const { s } = await withBookings();
    const html = await (await s.get("/dashboard/bookings")).text();
    expect(html).toContain('aria-current="page">Rendez-vous</a>');
    expect(html).toMatch(
      /29 mars 2027[^<]*09:30<br><span class="small muted">03:30 America\/New York pour le prospect/,
    );
    expect(html.indexOf("Alice")).toBeLessThan(html.indexOf("Bob"));
    expect(html.match(/<span class="badge warn">En attente de confirmation<\/span>/g)).toHaveLength(2);
    expect(html.match(/action="\/dashboard\/bookings\/[\w-]+\/approve"/g)).toHaveLength(2);
  });

  it("approves and cancels with POST forms; the prospect gets the message", async () => {
    const { t, s } = await withBookings();
    const rows = await t.deps.database.db.select().from(bookings);
    const alice = rows.find((b) => b.name === "Alice")!;
    const bob = rows.find((b) => b.name === "Bob")!;
    const approved = await s.post(
      `/dashboard/bookings/${alice.id}/approve`,
      {},
      { csrfFrom: "/dashboard/bookings" },
    );
    expect(approved.status).toBe(303);
    const cancelled = await s.post(
      `/dashboard/bookings/${bob.id}/cancel`,
      { reason: "Je suis en congé." },
      { csrfFrom: "/dashboard/bookings" },
    );
    expect(cancelled.status).toBe(303);
    const after = await t.deps.database.db.select().from(bookings);
    expect(after.find((b) => b.id === alice.id)!.status).toBe("confirmed");
    expect(after.find((b) => b.id === bob.id)).toMatchObject({
      status: "cancelled",
      cancelledBy: "owner",
      cancelReason: "Je suis en congé.",
    });
    await t.settle();
    const toBob = (t.deps.transport as CapturingTransport).sent.filter(
      (m) => m.to.address === "bob@example.org",
    );
    expect(toBob.at(-1)!.text).toContain("Je suis en congé.");
    const html = await (await s.get(cancelled.headers.get("location")!)).text();
    expect(html).toContain("Rendez-vous annulé, le prospect est prévenu.");
    expect(html).toContain('<span class="badge ok">Confirmé</span>');
    expect(html).toContain('<span class="badge bad">Annulé</span>');
    // Approve/cancel belong to the owner of the booking only.
    expect((await new BrowserSession(t).post(`/dashboard/bookings/${alice.id}/approve`, {})).status).toBe(
      403,
    );
  });

  it("shows past bookings with the past filter, and filters by status", async () => {
    const { t, s } = await withBookings();
    t.clock.set("2027-03-29T12:00:00Z");
    const upcoming = await (await s.get("/dashboard/bookings")).text();
    expect(upcoming).not.toContain("Alice");
    expect(upcoming).toContain("Bob");
    const past = await (await s.get("/dashboard/bookings?when=past")).text();
    expect(past).toContain("Alice");
    expect(past).not.toContain("Bob");
    expect(past).toContain('<option value="past" selected>');
    const none = await (await s.get("/dashboard/bookings?status=cancelled")).text();
    expect(none).toContain("Aucun rendez-vous ici.");
  });
});
