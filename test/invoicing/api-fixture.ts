// An owner with business settings, a French client and a monthly-billed mission, driven through the API.
import { expect } from "vitest";
import { BUSINESS, FRANCHISE_BUSINESS } from "../fixtures/business.ts";
import { type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";

export { BUSINESS, FRANCHISE_BUSINESS };

export const CLIENT = {
  name: "Société Générale d'Études & Conseil",
  address: { line1: "1 place de la Défense", postalCode: "92400", city: "Courbevoie", country: "FR" },
  siren: "542051180",
  siret: "54205118000066",
  vatNumber: "FR72542051180",
  billingEmail: "compta@sgec.fr",
  locale: "fr",
};

export const MISSION = {
  title: "Refonte de l'API de facturation",
  dailyRateCents: 60_000,
  currency: "EUR",
  startDate: "2027-03-01",
  source: "malt",
  paymentTermsDays: 30,
  billingMode: "monthly",
};

export interface InvoicingFixture extends OwnerFixture {
  clientId: string;
  missionId: string;
  json<T = Record<string, unknown>>(
    path: string,
    init?: { method?: string; body?: unknown },
    expectedStatus?: number,
  ): Promise<T>;
}

export async function invoicingFixture(
  options: Parameters<typeof ownerFixture>[0] & {
    business?: Record<string, unknown> | null;
    client?: Record<string, unknown>;
    mission?: Record<string, unknown>;
  } = {},
): Promise<InvoicingFixture> {
  const f = await ownerFixture({ now: "2027-04-02T09:00:00Z", ...options });
  const json = async <T = Record<string, unknown>>(
    path: string,
    init: { method?: string; body?: unknown } = {},
    expectedStatus?: number,
  ): Promise<T> => {
    const response = await f.api(path, init);
    const text = await response.text();
    if (expectedStatus !== undefined)
      expect(response.status, `${init.method ?? "GET"} ${path}: ${text}`).toBe(expectedStatus);
    return (text ? JSON.parse(text) : {}) as T;
  };
  if (options.business !== null)
    await json("/api/settings/business", { method: "PUT", body: options.business ?? BUSINESS }, 200);
  const client = await json<{ id: string }>("/api/clients", { body: options.client ?? CLIENT }, 201);
  const mission = await json<{ id: string }>(
    "/api/missions",
    { body: { ...MISSION, clientId: client.id, ...options.mission } },
    201,
  );
  return { ...f, clientId: client.id, missionId: mission.id, json };
}

export const LINE = {
  description: "Développement — mars 2027",
  quantity: 20,
  unitPriceCents: 60_000,
  vatRate: 20,
};

/** A draft from the fixture's mission with one line of 20 days at 600 €. */
export async function draftInvoice(f: InvoicingFixture, lines: unknown[] = [LINE]): Promise<{ id: string }> {
  return f.json(
    "/api/invoices",
    { body: { missionId: f.missionId, periodStart: "2027-03-01", periodEnd: "2027-03-31", lines } },
    201,
  );
}
