// Shared by the leads tests: a signed-in dashboard session, and form posts that read the page's CSRF token.
import { BrowserSession } from "../helpers/browser-session.ts";
import type { OwnerFixture } from "../helpers/owner-fixture.ts";

export async function signedIn(f: OwnerFixture): Promise<BrowserSession> {
  const session = new BrowserSession(f, f.owner.locale === "en" ? "en" : "fr-FR,fr;q=0.9");
  const response = await session.post(
    "/login",
    { email: f.owner.email, password: "correct horse battery" },
    { csrfFrom: "/login" },
  );
  if (response.status !== 303) throw new Error(`login failed: ${response.status}`);
  return session;
}

/** The mission a won lead becomes (POST /api/leads/{id}/win), billed at the end. */
export const WON_MISSION = {
  title: "Audit",
  dailyRateCents: 70_000,
  startDate: "2027-03-15",
  source: "referral",
  billingMode: "end",
};

/** A lead through the public JSON API of the fixture; returns its id. */
export async function apiLead(f: OwnerFixture, body: Record<string, unknown>): Promise<string> {
  const response = await f.api("/api/leads", { body });
  if (response.status !== 201)
    throw new Error(`POST /api/leads: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Uploads a file to the CSV import form like a browser (multipart, with the page's CSRF token). */
export async function uploadCsv(
  f: OwnerFixture,
  session: BrowserSession,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
): Promise<Response> {
  const token = await session.csrfFrom("/dashboard/leads/import");
  const form = new FormData();
  form.set("_csrf", token);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File([new Uint8Array(bytes)], "leads.csv", { type: "text/csv" }));
  return f.app.request("/dashboard/leads/import", {
    method: "POST",
    body: form,
    headers: { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join("; "), accept: "text/html" },
  });
}

/** Waits for a background import to finish (it runs after the response, chunk by chunk). */
export async function waitForImport(session: BrowserSession, path: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const page = await (await session.get(path)).text();
    if (!page.includes('<progress id="import-progress"')) return page;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`import at ${path} did not finish`);
}
