// The mission page with its activity report grid, for a 12-month mission with every month reported and
// invoiced, served by the app on SQLite exactly as a signed-in owner gets it; and the client's review page.
// Run alone with `node bench/activity-report.ts`.
import { createApiKey } from "../src/accounts/api-keys.ts";
import { findOwnerByHandle } from "../src/accounts/store.ts";
import { BrowserSession, setUpOwner } from "../test/helpers/browser-session.ts";
import { createTestApp } from "../test/helpers/test-app.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

const ITERATIONS = 200;
const BUDGET_MS = 50;

async function seed() {
  // 15 Jan 2028: the mission ran all of 2027, so twelve months of reports are on the page.
  const t = createTestApp({ now: "2028-01-15T09:00:00Z" });
  const session = new BrowserSession(t);
  await setUpOwner(session);
  const owner = (await findOwnerByHandle(t.deps.database, "jean"))!;
  const { key } = await createApiKey(t.deps, owner.id, "bench");
  const api = async (path: string, body?: unknown) => {
    const response = await t.app.request(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, string>;
  };
  const client = await api("/api/clients", {
    name: "Acme",
    address: { line1: "1 rue de la Paix", postalCode: "75002", city: "Paris", country: "FR" },
    siren: "552100554",
    billingEmail: "ap@acme.fr",
  });
  const mission = await api("/api/missions", {
    clientId: client.id,
    title: "Plateforme de paiement",
    dailyRateCents: 65_000,
    startDate: "2027-01-01",
    endDate: "2027-12-31",
    status: "ended",
    source: "malt",
    billingMode: "monthly",
  });
  let reviewPath = "";
  for (let m = 1; m <= 12; m++) {
    const month = `2027-${String(m).padStart(2, "0")}`;
    const { days } = (await api(
      `/api/missions/${mission.id}/activity-reports/${month}/prefill`,
    )) as unknown as {
      days: unknown[];
    };
    await api(`/api/missions/${mission.id}/activity-reports`, { month, days });
    const submitted = await api(`/api/missions/${mission.id}/activity-reports/${month}/submit`, {});
    reviewPath = new URL(submitted.reviewUrl!).pathname;
    if (m < 12) await api(`/api/missions/${mission.id}/activity-reports/${month}/approve`, {});
  }
  return { session, missionId: mission.id!, reviewPath, client: new BrowserSession(t) };
}

export async function run(): Promise<Figure[]> {
  const { session, missionId, reviewPath, client } = await seed();
  const missionPage = async () => {
    const response = await session.get(`/dashboard/missions/${missionId}?month=2027-06`);
    if (response.status !== 200) throw new Error(`mission page: ${response.status}`);
    await response.text();
  };
  const reviewPage = async () => {
    const response = await client.get(reviewPath);
    if (response.status !== 200) throw new Error(`review page: ${response.status}`);
    await response.text();
  };
  const figures: Figure[] = [];
  for (const [name, fn] of [
    ["mission page with the days grid, 12-month mission (p50)", missionPage],
    ["client's activity report review page (p50)", reviewPage],
  ] as const) {
    const times = await sample(fn, ITERATIONS, 20);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    figures.push(
      {
        name,
        value: Math.round(p50 * 100) / 100,
        unit: "ms",
        budget: `< ${BUDGET_MS} ms`,
        ok: p50 < BUDGET_MS,
      },
      {
        name: name.replace("(p50)", "(p95)"),
        value: Math.round(p95 * 100) / 100,
        unit: "ms",
        budget: `< ${BUDGET_MS} ms`,
        ok: p95 < BUDGET_MS,
      },
    );
  }
  return figures;
}

if (import.meta.main) printFigures(await run());
