// Right before a booking takes a slot, ask the live calendars (not the cache) whether the owner is free:
// Google through freeBusy, CalDAV through a time-range query. Bounded in time; a calendar that cannot
// answer quickly does not block the booking (the cached busy times were already applied).
import { findOwnerById } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { loadCalendarSettings } from "./calendar-settings-store.ts";
import { caldavAccessFor, withGoogleSession } from "./connection-access.ts";
import { listConnections } from "./connection-store.ts";
import { type ConnectionRow, settingsOf } from "./connection-types.ts";
import { busyFromICalendar } from "./ics-expand.ts";
import { queryObjects } from "./providers/caldav-client.ts";
import { googleFreeBusy } from "./providers/google-events.ts";
import { selfAddresses } from "./providers/provider.ts";

/** How long a booking may wait for the calendars to answer. */
export const FRESH_CHECK_TIMEOUT_MS = 4_000;

async function googleSaysBusy(deps: AppDeps, connection: ConnectionRow, startMs: number, endMs: number) {
  const ids = settingsOf(connection)
    .calendars.filter((c) => c.busy)
    .map((c) => c.id);
  const busy = await withGoogleSession(deps, connection, (session) =>
    googleFreeBusy(session, ids, startMs, endMs),
  );
  return busy.some((b) => b.startMs < endMs && b.endMs > startMs);
}

async function caldavSaysBusy(
  deps: AppDeps,
  connection: ConnectionRow,
  owner: { email: string; timeZone: string; allDay: "busy" | "free" },
  startMs: number,
  endMs: number,
) {
  const settings = settingsOf(connection);
  const access = caldavAccessFor(deps, connection);
  const window = { startMs, endMs };
  for (const calendar of settings.calendars.filter((c) => c.busy)) {
    for (const object of await queryObjects(access, calendar.id, window)) {
      const { pieces } = busyFromICalendar(object.data, {
        window,
        ownerTimeZone: owner.timeZone,
        selfAddresses: selfAddresses({ owner: { id: "", ...owner }, settings }),
        allDayPolicy: owner.allDay,
        objectKey: object.href,
      });
      if (pieces.length > 0) return true;
    }
  }
  return false;
}

function withinTime<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), FRESH_CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Resolves true when a connected Google or CalDAV calendar says the owner is busy somewhere in
 * [startMs, endMs) right now. ICS feeds are not asked: they are read whole and only on schedule.
 */
export async function freshBusyCheck(
  deps: AppDeps,
  ownerId: string,
  startMs: number,
  endMs: number,
): Promise<boolean> {
  const connections = (await listConnections(deps.database, ownerId)).filter(
    (c) => c.status !== "broken" && (c.type === "google" || c.type === "caldav"),
  );
  if (connections.length === 0) return false;
  const [owner, preferences] = await Promise.all([
    findOwnerById(deps.database, ownerId),
    loadCalendarSettings(deps.database, ownerId),
  ]);
  if (!owner) return false;
  const checks = connections.map((connection) => {
    const check =
      connection.type === "google"
        ? googleSaysBusy(deps, connection, startMs, endMs)
        : caldavSaysBusy(
            deps,
            connection,
            { email: owner.email, timeZone: owner.timeZone, allDay: preferences.allDayEvents },
            startMs,
            endMs,
          );
    const guarded = check.catch((error: unknown) => {
      deps.logger.warn("fresh busy check failed", { connectionId: connection.id, error: String(error) });
      return false;
    });
    return withinTime(guarded, false);
  });
  return (await Promise.all(checks)).some(Boolean);
}
