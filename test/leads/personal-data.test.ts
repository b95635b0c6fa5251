// A person's data: exported whole as JSON, or erased while the anonymous counts stay.
import { describe, expect, it } from "vitest";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import { apiLead, signedIn } from "./helpers.ts";

const NOW = "2027-03-26T09:00:00Z";

async function personWithHistory() {
  const f = await ownerFixture({ now: NOW });
  expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  const booked = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start: "2027-03-29T09:00:00+02:00",
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email: "alice@example.org",
      answers: GOOD_ANSWERS,
      notes: "Call me on my mobile",
    },
  });
  const bookingLead = ((await booked.json()) as { lead: { id: string } }).lead.id;
  const second = await apiLead(f, {
    name: "Alice Martin",
    email: "alice@example.org",
    source: "referral",
    notes: "Knows Paul",
  });
  await f.api(`/api/leads/${second}`, {
    method: "PATCH",
    body: { stage: "call_done", notes: "Prefers mornings" },
  });
  return { f, bookingLead, second };
}

const count = (f: Awaited<ReturnType<typeof ownerFixture>>, sql: string) =>
  (f.deps.database.sqlite.prepare(sql).get() as { n: number }).n;

describe("export", () => {
  it("gives everything about the person: contact, every lead with its timeline, bookings and emails", async () => {
    const { f, second } = await personWithHistory();
    const session = await signedIn(f);
    const response = await session.get(`/dashboard/leads/${second}/export.json`);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="contact-/);
    const data = (await response.json()) as {
      contact: { email: string };
      leads: { notes: string | null; timeline: { kind: string }[] }[];
      bookings: { notes: string }[];
      emails: { to: string; subject: string }[];
    };
    expect(data.contact.email).toBe("alice@example.org");
    expect(data.leads).toHaveLength(2);
    expect(data.leads.map((l) => l.notes)).toContain("Prefers mornings");
    expect(data.bookings.map((b) => b.notes)).toEqual(["Call me on my mobile"]);
    // The booking confirmation to her, and the owner's notifications about her.
    expect(data.emails.map((e) => e.to)).toEqual(
      expect.arrayContaining(["alice@example.org", "jean@example.com"]),
    );
    expect(JSON.stringify(await (await f.api(`/api/leads/${second}/export`)).json())).toBe(
      JSON.stringify(data),
    );
  });
});

describe("erasure", () => {
  it("removes who she was everywhere, and keeps the counts", async () => {
    const { f, bookingLead, second } = await personWithHistory();
    const before = await (await f.api("/api/leads")).json();
    expect((before as { items: unknown[] }).items).toHaveLength(2);
    const session = await signedIn(f);
    expect(await (await session.get(`/dashboard/leads/${second}/erase`)).text()).toContain("2 demande(s)");
    const response = await session.post(
      `/dashboard/leads/${second}/erase`,
      {},
      { csrfFrom: `/dashboard/leads/${second}/erase` },
    );
    expect(response.headers.get("location")).toBe("/dashboard/leads?erased=1");

    const dump = JSON.stringify(
      ["contacts", "leads", "lead_events", "bookings", "outbox"].map((table) =>
        f.deps.database.sqlite.prepare(`SELECT * FROM ${table}`).all(),
      ),
    );
    for (const secret of [
      "alice@example.org",
      "Alice",
      "Prefers mornings",
      "Knows Paul",
      "Call me on my mobile",
      "ACME",
      "TypeScript",
    ])
      expect(dump).not.toContain(secret);
    // Two leads remain, anonymous, with their channel and stage for the insights.
    const rows = f.deps.database.sqlite
      .prepare("SELECT source, stage, contact_id AS contactId FROM leads ORDER BY created_at")
      .all();
    expect(rows).toEqual([
      { source: "direct", stage: "call_scheduled", contactId: null },
      { source: "referral", stage: "call_done", contactId: null },
    ]);
    expect(count(f, "SELECT COUNT(*) AS n FROM lead_events WHERE kind = 'lead.erased'")).toBe(2);
    expect(count(f, "SELECT COUNT(*) AS n FROM bookings")).toBe(1);
    expect(((await (await f.api("/api/leads")).json()) as { items: unknown[] }).items).toHaveLength(0);
    expect((await f.api(`/api/leads/${bookingLead}`)).status).toBe(404);
    expect((await session.get(`/dashboard/leads/${second}`)).status).toBe(404);
    const insights = await (await session.get("/dashboard/insights?from=2027-03-01&to=2027-03-31")).text();
    expect(insights).toMatch(/Prospects<strong>2<\/strong>/);
  });

  it("erasing through the API says what went", async () => {
    const { f, second } = await personWithHistory();
    const response = await f.api(`/api/leads/${second}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { erased: { leads: number; bookings: number; emails: number } };
    expect(body.erased.leads).toBe(2);
    expect(body.erased.bookings).toBe(1);
    expect(body.erased.emails).toBeGreaterThanOrEqual(2);
    expect((await f.api(`/api/leads/${second}`, { method: "DELETE" })).status).toBe(404);
  });
});
