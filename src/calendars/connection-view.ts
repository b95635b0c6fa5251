// A connection as the API and the pages show it: settings and state, never the secret.
import type { ConnectionRow, SyncProgress } from "./connection-types.ts";
import { settingsOf } from "./connection-types.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function connectionJson(row: ConnectionRow, busyIntervals: number) {
  const settings = settingsOf(row);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    status: row.status,
    ...(settings.url ? { url: settings.url } : {}),
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.accountEmail ? { accountEmail: settings.accountEmail } : {}),
    calendars: settings.calendars.map((c) => ({
      id: c.id,
      name: c.name,
      busy: c.busy,
      readOnly: c.readOnly,
      primary: c.primary ?? false,
      receivesBookings: c.id === settings.bookingCalendarId,
    })),
    bookingCalendarId: settings.bookingCalendarId,
    syncIntervalMinutes: row.syncIntervalMinutes,
    lastSyncAt: iso(row.lastSyncAt),
    nextSyncAt: iso(row.nextSyncAt),
    lastError: row.lastError,
    syncing: row.progress !== null,
    progress: (row.progress as SyncProgress | null) ?? null,
    busyIntervals,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export type ConnectionJson = ReturnType<typeof connectionJson>;
