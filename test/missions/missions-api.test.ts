import { describe, expect, it } from "vitest";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import { BUSINESS, CLIENT, invoicingFixture, MISSION } from "../invoicing/api-fixture.ts";

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
  missingMandatoryFields?: string[];
}

async function problem(response: Response): Promise<Problem> {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as Problem;
}

describe("business settings API", () => {
  it("stores the identity normalised and lists what an invoice still needs", async () => {
    const f = await ownerFixture({ now: "2027-04-02T09:00:00Z" });
    const empty = await (await f.api("/api/settings/business")).json();
    expect(empty.missingMandatoryFields).toContain("seller.siren");
    const saved = await f.api("/api/settings/business", {
      method: "PUT",
      body: { ...BUSINESS, bic: "psstfrpppar" },
    });
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body).toMatchObject({
      iban: "FR1420041010050500013M02606",
      bic: "PSSTFRPPPAR",
      missingMandatoryFields: [],
    });
    // The test VAT number's key does not match its SIREN: said, not refused.
    expect(body.warnings).toEqual([{ path: "vatNumber", message: expect.stringContaining("expected 96") }]);
    expect(await (await f.api("/api/settings/business")).json()).toMatchObject({
      siren: "552100554",
      legalForm: "SASU",
    });
  });

  it("refuses identifiers whose keys are wrong, naming every field", async () => {
    const f = await ownerFixture();
    const response = await f.api("/api/settings/business", {
      method: "PUT",
      body: {
        ...BUSINESS,
        siren: "552100555",
        siret: "12345678901234",
        iban: "FR1420041010050500013M02607",
        bic: "PSST",
        vatNumber: "XX",
        email: "not-an-email",
        invoicePrefix: "F/",
        address: { ...BUSINESS.address, country: "France" },
      },
    });
    expect(response.status).toBe(422);
    const paths = (await problem(response)).errors!.map((e) => e.path).sort();
    expect(paths).toEqual([
      "address.country",
      "bic",
      "email",
      "iban",
      "invoicePrefix",
      "siren",
      "siret",
      "vatNumber",
    ]);
  });

  it("refuses a SIRET that is not the SIREN's establishment", async () => {
    const f = await ownerFixture();
    const response = await f.api("/api/settings/business", {
      method: "PUT",
      body: { ...BUSINESS, siret: "73282932000074" },
    });
    expect(response.status).toBe(422);
    expect((await problem(response)).errors).toEqual([
      { path: "siret", message: "must start with the SIREN", code: "custom" },
    ]);
  });
});

describe("clients API", () => {
  it("creates, lists, reads and patches a client", async () => {
    const f = await ownerFixture();
    const created = await f.api("/api/clients", { body: CLIENT });
    expect(created.status).toBe(201);
    const client = await created.json();
    expect(client).toMatchObject({ name: CLIENT.name, siren: "542051180", locale: "fr" });
    const list = await (await f.api("/api/clients")).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([client.id]);
    const patched = await f.api(`/api/clients/${client.id}`, {
      method: "PATCH",
      body: { billingEmail: "ap@sgec.fr", locale: "en" },
    });
    expect(await patched.json()).toMatchObject({
      billingEmail: "ap@sgec.fr",
      locale: "en",
      siren: "542051180",
    });
  });

  it("answers 422 per field for a client without a name, an address or a valid email", async () => {
    const f = await ownerFixture();
    const response = await f.api("/api/clients", { body: { billingEmail: "nope", siren: "123" } });
    expect(response.status).toBe(422);
    const paths = (await problem(response)).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "address", "billingEmail", "siren"]));
  });
});

describe("missions API", () => {
  it("creates a mission, active once started, and ends it with a date", async () => {
    const f = await invoicingFixture();
    const mission = await f.json(`/api/missions/${f.missionId}`);
    expect(mission).toMatchObject({
      status: "active",
      dailyRateCents: 60_000,
      billingMode: "monthly",
      source: "malt",
      endDate: null,
    });
    const planned = await f.json(
      "/api/missions",
      { body: { ...MISSION, clientId: f.clientId, startDate: "2027-06-01" } },
      201,
    );
    expect(planned.status).toBe("planned");
    const ended = await f.json(
      `/api/missions/${f.missionId}`,
      { method: "PATCH", body: { status: "ended" } },
      200,
    );
    expect(ended).toMatchObject({ status: "ended", endDate: "2027-04-02" });
    const list = await f.json<{ items: { id: string }[] }>("/api/missions?status=planned");
    expect(list.items.map((m) => m.id)).toEqual([planned.id]);
  });

  it("refuses a daily rate of 0, an unknown client, an end before the start", async () => {
    const f = await invoicingFixture();
    for (const [body, path] of [
      [{ dailyRateCents: 0 }, "dailyRateCents"],
      [{ dailyRateCents: -50_000 }, "dailyRateCents"],
      [{ clientId: "someone-elses" }, "clientId"],
      [{ plannedEndDate: "2027-02-01" }, "plannedEndDate"],
      [{ billingMode: "weekly" }, "billingMode"],
      [{ source: "fiverr" }, "source"],
    ] as const) {
      const response = await f.api("/api/missions", { body: { ...MISSION, clientId: f.clientId, ...body } });
      expect(response.status, path).toBe(422);
      expect(
        (await problem(response)).errors!.map((e) => e.path),
        path,
      ).toContain(path);
    }
    const patch = await f.api(`/api/missions/${f.missionId}`, {
      method: "PATCH",
      body: { dailyRateCents: 0 },
    });
    expect(patch.status).toBe(422);
  });

  it("keeps owners apart: another owner's client and mission are 404", async () => {
    const f = await invoicingFixture();
    const other = await invoicingFixture({ handle: "paul", database: f.deps.database });
    for (const path of [
      `/api/missions/${f.missionId}`,
      `/api/clients/${f.clientId}`,
      `/api/missions/${f.missionId}/activity-reports`,
    ])
      expect((await other.api(path)).status, path).toBe(404);
    expect(
      (await other.api(`/api/missions/${f.missionId}`, { method: "PATCH", body: { status: "ended" } }))
        .status,
    ).toBe(404);
    expect(
      (await other.api(`/api/clients/${f.clientId}`, { method: "PATCH", body: { name: "x" } })).status,
    ).toBe(404);
    const response = await other.api("/api/missions", { body: { ...MISSION, clientId: f.clientId } });
    expect(response.status).toBe(422);
    expect((await other.json<{ items: unknown[] }>("/api/missions")).items).toHaveLength(1);
  });

  it("records a platform's invoices for a platform-billed mission, once each", async () => {
    const f = await invoicingFixture({ mission: { billingMode: "platform" } });
    const body = { platform: "malt", number: "MALT-2027-123", issueDate: "2027-03-31", amountCents: 720_000 };
    const created = await f.api(`/api/missions/${f.missionId}/external-invoices`, { body });
    expect(created.status).toBe(201);
    expect((await f.api(`/api/missions/${f.missionId}/external-invoices`, { body })).status).toBe(409);
    const list = await f.json<{ items: { number: string; amountCents: number }[] }>(
      `/api/missions/${f.missionId}/external-invoices`,
    );
    expect(list.items).toEqual([expect.objectContaining({ number: "MALT-2027-123", amountCents: 720_000 })]);
    // Créneau never numbers its own invoice for it.
    const refused = await f.api("/api/invoices", {
      body: { missionId: f.missionId, periodStart: "2027-03-01", periodEnd: "2027-03-31" },
    });
    expect(refused.status).toBe(422);
    const p = await problem(refused);
    expect(p.errors?.[0]).toMatchObject({ path: "missionId" });
    expect(JSON.stringify(p)).toContain("external-invoices");
  });
});
