// An owner with the discovery link, calendar peers allowed on loopback, and helpers to read Monday's slots.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { googleRetry } from "../../src/calendars/providers/google-api.ts";
import { CALENDAR_SYNC } from "../../src/calendars/sync-runs.ts";
import { workflowRuns } from "../../src/platform/db/schema.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { FAKE_CLIENT, type GoogleFake } from "../peers/google-calendar-fake.ts";

// Friday 2027-03-26 09:00 UTC. Monday the 29th (after the Paris DST change) offers 09:00–11:30 Paris.
export const NOW = "2027-03-26T09:00:00Z";
export const MONDAY = "2027-03-29";
export const ALL_MONDAY = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];

// No real waiting between Google retries in tests; the policy is exercised, not the clock.
googleRetry.sleep = async () => {};

export function googleEnv(fake: GoogleFake): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: FAKE_CLIENT.secret,
    GOOGLE_API_ROOT: fake.apiRoot,
    GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
  };
}

export async function calendarOwner(
  options: { env?: Record<string, string>; event?: Record<string, unknown>; now?: string } = {},
): Promise<OwnerFixture> {
  const f = await ownerFixture({
    now: options.now ?? NOW,
    env: { ALLOW_PRIVATE_TARGETS: "1", ...options.env },
  });
  const created = await f.api("/api/event-types", { body: { ...DISCOVERY, ...options.event } });
  expect(created.status).toBe(201);
  return f;
}

/** Monday's offered start times, "HH:MM" in Paris. */
export async function mondaySlots(f: OwnerFixture, date = MONDAY): Promise<string[]> {
  const r = await f.publicApi(
    `/api/public/jean/discovery/slots?from=${date}&to=${date}&timeZone=Europe/Paris`,
  );
  expect(r.status).toBe(200);
  const body = (await r.json()) as { slots: Record<string, { start: string }[]> };
  return (body.slots[date] ?? []).map((s) => s.start.slice(11, 16));
}

export async function book(f: OwnerFixture, start: string, extra: Record<string, unknown> = {}) {
  return f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start,
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email: "alice@example.org",
      answers: GOOD_ANSWERS,
      ...extra,
    },
  });
}

export interface ConnectionBody {
  id: string;
  status: string;
  lastError: string | null;
  busyIntervals: number;
  calendars: { id: string; name: string; busy: boolean; receivesBookings: boolean }[];
  bookingCalendarId: string | null;
  sync?: { status: string; events: number; error?: string };
}

export async function connect(f: OwnerFixture, body: Record<string, unknown>): Promise<ConnectionBody> {
  const r = await f.api("/api/calendars", { body });
  const json = (await r.json()) as ConnectionBody;
  expect(r.status, JSON.stringify(json)).toBe(201);
  return json;
}

export async function syncNow(
  f: OwnerFixture,
  id: string,
  query = "",
): Promise<{
  sync: { status: string; events: number; error?: string; busyIntervals: number };
  connection: ConnectionBody;
}> {
  const r = await f.api(`/api/calendars/${id}/sync${query}`, { method: "POST" });
  expect(r.status).toBe(200);
  return (await r.json()) as never;
}

/** The calendar-sync runs of one connection, oldest first. */
export async function syncRuns(f: OwnerFixture, connectionId: string) {
  const rows = await f.deps.database.db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.ownerId, f.owner.id), eq(workflowRuns.workflow, CALENDAR_SYNC)))
    .orderBy(workflowRuns.createdAt, workflowRuns.wakeAt);
  return rows.filter((r) => r.input.connectionId === connectionId);
}
