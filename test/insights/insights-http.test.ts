// The insights page and CSV over a fixture whose answers are known: leads from three channels moved by
// the owner, by the API and by a booking, one won and invoiced (with a credit note), one erased.
import { describe, expect, it } from "vitest";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import { apiLead, signedIn } from "../leads/helpers.ts";

async function fixture() {
  const f = await ownerFixture({ now: "2026-12-20T10:00:00Z" });
  const session = await signedIn(f);
  const at = (iso: string) => f.clock.set(iso);
  const ownerMove = (id: string, from: string, to: string, extra: Record<string, string> = {}) =>
    session.post(
      `/dashboard/leads/${id}/move`,
      { from, to, back: "lead", ...extra },
      { csrfFrom: `/dashboard/leads/${id}` },
    );
  const apiMove = (id: string, stage: string) =>
    f.api(`/api/leads/${id}`, { method: "PATCH", body: { stage } });

  await apiLead(f, { name: "Too early", email: "early@example.org", source: "malt" });

  at("2027-01-04T10:00:00Z");
  const m1 = await apiLead(f, { name: "M1", email: "m1@example.org", source: "malt", company: "Acme" });
  at("2027-01-05T09:00:00Z");
  const m2 = await apiLead(f, { name: "M2", email: "m2@example.org", source: "malt" });
  await ownerMove(m1, "new", "call_scheduled");
  at("2027-01-06T12:00:00Z");
  const l1 = await apiLead(f, { name: "L1", email: "l1@example.org", source: "linkedin" });
  at("2027-01-07T09:00:00Z");
  await apiMove(m2, "lost");
  await apiMove(l1, "call_scheduled");
  at("2027-01-10T12:00:00Z");
  await session.post(
    `/dashboard/leads/${l1}/decline`,
    { from: "call_scheduled", send: "0" },
    { csrfFrom: `/dashboard/leads/${l1}/decline` },
  );
  at("2027-01-12T08:00:00Z");
  const m3 = await apiLead(f, { name: "M3", email: "m3@example.org", source: "malt" });
  at("2027-01-14T10:00:00Z");
  const win = await f.api(`/api/leads/${m1}/win`, {
    body: {
      client: {
        name: "Acme",
        billingEmail: "ap@acme.example",
        address: { line1: "1 rue X", postalCode: "75001", city: "Paris", country: "FR" },
      },
      mission: {
        title: "Refonte",
        dailyRateCents: 65_000,
        startDate: "2027-02-01",
        source: "malt",
        billingMode: "monthly",
      },
    },
  });
  const { clientId, missionId } = (await win.json()) as { clientId: string; missionId: string };
  at("2027-01-15T08:00:00Z");
  expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  const booked = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start: "2027-01-18T09:00:00+01:00",
      timeZone: "Europe/Paris",
      name: "B1",
      email: "b1@example.org",
      answers: GOOD_ANSWERS,
      source: "referral",
    },
  });
  expect(booked.status).toBe(201);
  at("2027-01-20T10:00:00Z");
  const m4 = await apiLead(f, { name: "M4", email: "m4@example.org", source: "malt" });
  await session.post(
    `/dashboard/leads/${m4}/notes`,
    { notes: "Relancer en février" },
    { csrfFrom: `/dashboard/leads/${m4}` },
  );
  at("2027-01-25T10:00:00Z");
  const l2 = await apiLead(f, { name: "L2", email: "l2@example.org", source: "linkedin" });
  at("2027-01-26T10:00:00Z");
  await apiMove(l2, "declined");
  // M3 is erased: her lead still counts, anonymously.
  await f.api(`/api/leads/${m3}`, { method: "DELETE" });

  const insert =
    f.deps.database.sqlite.prepare(`INSERT INTO invoices (id, owner_id, mission_id, client_id, type, status, number, period_start, period_end, lines, net_cents, vat_cents, gross_cents, credit_of_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '2027-02-01', '2027-02-28', '[]', ?, 0, 0, ?, 0, 0)`);
  insert.run("inv-1", f.owner.id, missionId, clientId, "invoice", "issued", "F-1", 1_300_000, null);
  insert.run("cn-1", f.owner.id, null, clientId, "credit_note", "issued", "A-1", 100_000, "inv-1");
  insert.run("draft", f.owner.id, missionId, clientId, "invoice", "draft", null, 999_999, null);
  at("2027-02-10T10:00:00Z");
  return { f, session };
}

describe("insights over a known fixture", () => {
  it("shows the figures, the funnel by channel and the weeks, each chart beside its numbers", async () => {
    const { session } = await fixture();
    const response = await session.get("/dashboard/insights?from=2027-01-04&to=2027-01-31");
    expect(response.status).toBe(200);
    const page = await response.text();
    // 7 leads (the one in December is outside), 3 calls (M1, L1, the booking), 1 won.
    expect(page).toMatch(/Prospects<strong>7<\/strong>/);
    expect(page).toMatch(/Appels<strong>3<\/strong><span class="small muted">Taux d&#39;appel 43\s%<\/span>/);
    expect(page).toMatch(/Gagnés<strong>1<\/strong><span class="small muted">Taux de signature 14\s%/);
    // 13 000 € invoiced minus a 1 000 € credit note; the draft does not count.
    expect(page).toMatch(/Facturé \(HT\)<strong>12\s000\s€<\/strong>/);
    // Decided: M1 after 10 days, M2 after 2, L1 after 4, L2 after 1 → median 3 days.
    expect(page).toMatch(/<strong>3 j<\/strong><span class="small muted">sur 4 prospect\(s\) décidé\(s\)/);
    // Untouched: M2 and L2 (moved through the API only), M3 (erasing her is not handling her) and the booking: 4 of 7.
    expect(page).toMatch(/Traités sans vous<strong>57\s%<\/strong><span class="small muted">4 prospect\(s\)/);
    const row = (label: string) => {
      const cells = new RegExp(`<td>${label}</td>((?:<td class="num">[^<]*</td>){7})`).exec(page)?.[1] ?? "";
      return [...cells.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/\s/g, " "));
    };
    expect(row("Malt")).toEqual(["4", "1", "1", "12 000 €", "25 %", "100 %", "25 %"]);
    expect(row("LinkedIn")).toEqual(["2", "1", "0", "0 €", "50 %", "0 %", "0 %"]);
    expect(row("Recommandation")).toEqual(["1", "1", "0", "0 €", "100 %", "0 %", "0 %"]);
    expect(page).toContain('role="img" aria-labelledby="funnel-chart-title funnel-chart-desc"');
    expect(page).toContain('<tr><td>2027-01-04</td><td class="num">3</td></tr>');
    expect(page).toContain('<tr><td>2027-01-11</td><td class="num">2</td></tr>');
    expect(page).toContain('<tr><td>2027-01-18</td><td class="num">1</td></tr>');
    expect(page).toContain('<tr><td>2027-01-25</td><td class="num">1</td></tr>');
  });

  it("exports the funnel as CSV", async () => {
    const { session } = await fixture();
    const response = await session.get("/dashboard/insights.csv?from=2027-01-04&to=2027-01-31");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).split("\r\n");
    expect(lines[1]).toBe("2027-01-04,2027-01-31,Malt,4,1,1,12000,0.25,1,0.25");
    expect(lines.at(-2)).toBe("2027-01-04,2027-01-31,Total,7,3,1,12000,0.4286,0.3333,0.1429");
  });

  it("falls back to the default period on a bad one, with a 400 and a message", async () => {
    const { session } = await fixture();
    const response = await session.get("/dashboard/insights?from=2027-02-30&to=2027-01-01");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Période invalide");
  });
});
