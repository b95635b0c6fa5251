// An owner with an API key on a test app, and helpers to call the API as that owner.
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { createOwner } from "../../src/accounts/create-owner.ts";
import type { OwnerRow } from "../../src/accounts/store.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

export interface OwnerFixture extends TestApp {
  owner: OwnerRow;
  key: string;
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  publicApi(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function ownerFixture(
  options: Parameters<typeof createTestApp>[0] & {
    handle?: string;
    timeZone?: string;
    locale?: "fr" | "en";
  } = {},
): Promise<OwnerFixture> {
  const t = createTestApp({ ...options, env: { PUBLIC_POST_LIMIT: "0", ...options.env } });
  const { owner, key } = await ownerWithKey(t.deps, {
    name: "Jean Dupont",
    handle: options.handle ?? "jean",
    timeZone: options.timeZone ?? "Europe/Paris",
    locale: options.locale ?? "fr",
  });
  const call =
    (auth: boolean) =>
    async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
      t.app.request(path, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: {
          ...(auth ? { authorization: `Bearer ${key}` } : {}),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
  return { ...t, owner, key, api: call(true), publicApi: call(false) };
}

/** Another owner on the same deployment, with its own key: for what one owner must not see or run of another's. */
export function anotherOwner(
  deps: TestApp["deps"],
  handle = "other",
): Promise<{ owner: OwnerRow; key: string }> {
  return ownerWithKey(deps, { name: "Other", handle, timeZone: "Europe/Paris" });
}

async function ownerWithKey(
  deps: TestApp["deps"],
  profile: { name: string; handle: string; timeZone: string; locale?: "fr" | "en" },
): Promise<{ owner: OwnerRow; key: string }> {
  const owner = await createOwner(
    deps,
    { ...profile, email: `${profile.handle}@example.com`, password: "correct horse battery" },
    { firstRunOnly: false },
  );
  const { key } = await createApiKey(deps, owner.id, "tests");
  return { owner, key };
}

/** A typical discovery call: Mon–Fri 09:00–12:00 Paris, 30 min, 10-minute buffers, qualifying questions. */
export const DISCOVERY = {
  slug: "discovery",
  title: "Premier échange",
  description: "30 minutes pour parler de votre mission.",
  durationMinutes: 30,
  timeZone: "Europe/Paris",
  weeklyHours: {
    mon: [["09:00", "12:00"]],
    tue: [["09:00", "12:00"]],
    wed: [["09:00", "12:00"]],
    thu: [["09:00", "12:00"]],
    fri: [["09:00", "12:00"]],
  },
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 60,
  horizonDays: 60,
  cancelNoticeMinutes: 120,
  locations: [{ type: "video", details: "https://meet.example.org/jean" }],
  questions: [
    {
      id: "rate",
      label: { fr: "TJM proposé", en: "Daily rate offered" },
      type: "money",
      required: true,
      role: "dailyRate",
    },
    {
      id: "months",
      label: { fr: "Durée (mois)", en: "Duration (months)" },
      type: "number",
      required: true,
      role: "durationMonths",
    },
    { id: "stack", label: { fr: "Stack", en: "Stack" }, type: "text", required: false, role: "skills" },
    {
      id: "company",
      label: { fr: "Entreprise", en: "Company" },
      type: "text",
      required: false,
      role: "company",
    },
  ],
  triage: { minDailyRateCents: 50_000, minDurationMonths: 3, onDecline: "block" },
};

export const GOOD_ANSWERS = { rate: 65_000, months: 6, stack: "TypeScript, Node.js", company: "ACME" };

/** A prospect's booking of the discovery call on Monday 29 March 2027, 09:00 in Paris, with answers that qualify. */
export function discoveryBooking(overrides: Record<string, unknown> = {}) {
  return {
    start: "2027-03-29T09:00:00+02:00",
    timeZone: "Europe/Paris",
    name: "Alice Martin",
    email: "alice@example.org",
    answers: GOOD_ANSWERS,
    ...overrides,
  };
}
