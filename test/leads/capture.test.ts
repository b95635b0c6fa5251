// Capture: the API, the quick-add form and bookings all land in one inbox; one email, one contact.
import { describe, expect, it } from "vitest";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { apiLead, signedIn } from "./helpers.ts";

const NOW = "2027-03-26T09:00:00Z";
const SLOT = "2027-03-29T09:00:00+02:00";

async function book(
  f: Awaited<ReturnType<typeof ownerFixture>>,
  email: string,
  extra: Record<string, unknown> = {},
) {
  const response = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start: SLOT,
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email,
      answers: GOOD_ANSWERS,
      ...extra,
    },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { lead: { id: string } };
}

describe("capture through the API", () => {
  it("creates a lead with its channel, triage against the owner's defaults, and tells the owner with one-click links", async () => {
    const f = await ownerFixture({ now: NOW });
    await f.api("/api/lead-settings", { method: "PUT", body: { criteria: { minDailyRateCents: 50_000 } } });
    const response = await f.api("/api/leads", {
      body: {
        name: "Bob Durand",
        email: "BOB@example.org",
        source: "LinkedIn",
        answers: { dailyRateCents: 45_000, durationMonths: 6 },
      },
    });
    expect(response.status).toBe(201);
    const lead = (await response.json()) as Record<string, unknown>;
    expect(lead).toMatchObject({
      name: "Bob Durand",
      email: "bob@example.org",
      source: "linkedin",
      verdict: "declined",
      stage: "new",
      merged: false,
    });
    const sent = (f.deps.transport as CapturingTransport).sent;
    expect(sent.map((m) => m.to.address)).toEqual(["jean@example.com"]);
    expect(sent[0]!.subject).toBe("Nouveau prospect\u00a0: Bob Durand (LinkedIn)");
    expect(sent[0]!.text).toMatch(/http:\/\/localhost:3000\/m\/leads\/[\w-]+\.[\w-]+/);
  });

  it("answers 422 with every invalid field, and 401 without a key", async () => {
    const f = await ownerFixture({ now: NOW });
    const bad = await f.api("/api/leads", {
      body: { name: "", email: "nope", answers: { dailyRateCents: -5, remote: "moon" } },
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      "answers.dailyRateCents",
      "answers.remote",
      "email",
      "name",
    ]);
    expect((await f.publicApi("/api/leads", { body: { name: "x" } })).status).toBe(401);
  });

  it("filters the list by verdict, stage and source, and pages with a cursor", async () => {
    const f = await ownerFixture({ now: NOW });
    await f.api("/api/lead-settings", { method: "PUT", body: { criteria: { minDailyRateCents: 50_000 } } });
    for (let i = 0; i < 5; i++) {
      f.clock.advance(60_000);
      await apiLead(f, {
        name: `P${i}`,
        email: `p${i}@example.org`,
        source: i % 2 ? "malt" : "linkedin",
        answers: { dailyRateCents: i < 2 ? 40_000 : 60_000 },
      });
    }
    const ids = async (query: string) =>
      ((await (await f.api(`/api/leads${query}`)).json()) as { items: { name: string }[] }).items.map(
        (i) => i.name,
      );
    expect(await ids("?source=malt")).toEqual(["P3", "P1"]);
    expect(await ids("?verdict=declined")).toEqual(["P1", "P0"]);
    expect(await ids("?verdict=qualified&source=linkedin")).toEqual(["P4", "P2"]);
    expect(await ids("?stage=won")).toEqual([]);
    const first = (await (await f.api("/api/leads?limit=2")).json()) as {
      items: { name: string }[];
      nextCursor: string;
    };
    expect(first.items.map((i) => i.name)).toEqual(["P4", "P3"]);
    const next = (await (await f.api(`/api/leads?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: { name: string }[];
    };
    expect(next.items.map((i) => i.name)).toEqual(["P2", "P1"]);
    expect((await f.api("/api/leads?stage=nowhere")).status).toBe(422);
  });
});

describe("one person, one contact", () => {
  it("a booking and a later API lead with the same email share one contact and its whole history", async () => {
    const f = await ownerFixture({ now: NOW });
    expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
    const booked = await book(f, "alice@example.org", { source: "malt" });
    f.clock.advance(3_600_000);
    const response = await f.api("/api/leads", {
      body: { name: "Alice M.", email: "Alice@Example.org", source: "referral" },
    });
    const second = (await response.json()) as { id: string; contactId: string; merged: boolean };
    expect(second.merged).toBe(true);
    const first = (await (await f.api(`/api/leads/${booked.lead.id}`)).json()) as {
      contactId: string;
      source: string;
      stage: string;
      timeline: { kind: string }[];
    };
    expect(first).toMatchObject({ contactId: second.contactId, source: "malt", stage: "call_scheduled" });
    expect(first.timeline.map((e) => e.kind)).toEqual(["booking.created"]);
    const contacts = f.deps.database.sqlite.prepare("SELECT COUNT(*) AS n FROM contacts").get() as {
      n: number;
    };
    expect(contacts.n).toBe(1);
    // The lead page lists the person's other request.
    const session = await signedIn(f);
    const page = await (await session.get(`/dashboard/leads/${second.id}`)).text();
    expect(page).toContain(`href="/dashboard/leads/${booked.lead.id}"`);
  });

  it("people without an email (a LinkedIn message) are separate contacts that can never be emailed", async () => {
    const f = await ownerFixture({ now: NOW });
    const a = await apiLead(f, { name: "Sans Mail" });
    const b = await apiLead(f, { name: "Sans Mail" });
    const lead = (await (await f.api(`/api/leads/${a}`)).json()) as {
      email: string | null;
      contactId: string;
    };
    const other = (await (await f.api(`/api/leads/${b}`)).json()) as { contactId: string };
    expect(lead.email).toBeNull();
    expect(other.contactId).not.toBe(lead.contactId);
  });
});

describe("quick add", () => {
  const MESSAGE = `Sophie Bernard\nBonjour, je suis CTO chez Acme Logistique. Mission de 6 mois en full remote, TypeScript et React, TJM 600 €/jour. Écrivez-moi : sophie@acme.example`;

  it("reads the pasted message into a form, then saves what the owner checked", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const read = await session.post(
      "/dashboard/leads/new",
      { step: "read", message: MESSAGE, channel: "linkedin" },
      { csrfFrom: "/dashboard/leads/new" },
    );
    expect(read.status).toBe(200);
    const form = await read.text();
    expect(form).toContain('value="Sophie Bernard"');
    expect(form).toContain('value="sophie@acme.example"');
    expect(form).toContain('value="Acme Logistique"');
    expect(form).toContain('value="600"');
    expect(form).toContain('<option value="remote" selected>');
    // Nothing is saved by reading.
    expect(((await (await f.api("/api/leads")).json()) as { items: unknown[] }).items).toHaveLength(0);
    const saved = await session.post(
      "/dashboard/leads/new",
      {
        step: "save",
        message: MESSAGE,
        channel: "linkedin",
        name: "Sophie Bernard",
        email: "sophie@acme.example",
        company: "Acme Logistique",
        dailyRate: "600",
        durationMonths: "6",
        skills: "TypeScript, React",
        remote: "remote",
        startDate: "",
      },
      { csrfFrom: "/dashboard/leads/new" },
    );
    expect(saved.status).toBe(303);
    const id = saved.headers.get("location")!.split("/").pop()!.split("?")[0]!;
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as Record<string, unknown>;
    expect(lead).toMatchObject({
      name: "Sophie Bernard",
      email: "sophie@acme.example",
      company: "Acme Logistique",
      source: "linkedin",
      answers: {
        dailyRate: 60_000,
        durationMonths: 6,
        skills: "TypeScript, React",
        remote: "remote",
        company: "Acme Logistique",
      },
      notes: MESSAGE,
    });
    expect((lead.timeline as { data: { by: string } }[])[0]!.data.by).toBe("owner");
  });

  it("shows the fields it cannot accept, and saves nothing", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const response = await session.post(
      "/dashboard/leads/new",
      {
        step: "save",
        message: "",
        channel: "malt",
        name: "",
        email: "nope",
        company: "",
        dailyRate: "beaucoup",
        durationMonths: "",
        skills: "",
        remote: "",
        startDate: "",
      },
      { csrfFrom: "/dashboard/leads/new" },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("Indiquez un nom.");
    expect(page).toContain("Cette adresse e-mail n&#39;est pas valide.");
    expect(page).toContain("Un montant, par exemple 650.");
    expect(((await (await f.api("/api/leads")).json()) as { items: unknown[] }).items).toHaveLength(0);
  });
});

describe("the list's CSV export", () => {
  it("exports the filtered leads with formulas neutralised and no placeholder emails", async () => {
    const f = await ownerFixture({ now: NOW });
    await apiLead(f, {
      name: '=HYPERLINK("http://evil.example","clic")',
      email: "evil@example.org",
      company: "@SUM(A1)",
      source: "malt",
    });
    await apiLead(f, { name: "Sans Mail", source: "linkedin" });
    const session = await signedIn(f);
    const response = await session.get("/dashboard/leads/export.csv?source=malt");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="leads-2027-03-26.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte order mark first, so a spreadsheet opened with a double click keeps the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toBe(
      "Date,Nom,E-mail,Entreprise,Canal,Tri,Étape\r\n" +
        `2027-03-26,"'=HYPERLINK(""http://evil.example"",""clic"")",evil@example.org,'@SUM(A1),Malt,Qualifié,Nouveau\r\n`,
    );
    const all = await (await session.get("/dashboard/leads/export.csv")).text();
    expect(all).toContain("2027-03-26,Sans Mail,,,LinkedIn,Qualifié,Nouveau\r\n");
  });
});
