// The shapes stored for a calendar connection: non-secret settings, sync cursors, the encrypted secret.
import type { calendarConnections } from "../platform/db/schema.ts";

export type ConnectionRow = typeof calendarConnections.$inferSelect;
export type ConnectionType = ConnectionRow["type"];
export type ConnectionStatus = ConnectionRow["status"];

export interface RemoteCalendar {
  /** Google calendar id, CalDAV collection URL, or "feed" for an ICS subscription */
  id: string;
  name: string;
  /** its events count as busy time */
  busy: boolean;
  /** bookings cannot be written there (ICS feeds, read-only shared calendars) */
  readOnly: boolean;
  primary?: boolean;
  color?: string;
}

export interface ConnectionSettings {
  /** ICS feed URL, or the CalDAV server URL the owner typed */
  url?: string;
  /** CalDAV user name (the password is in the secret) */
  username?: string;
  /** the Google account, as its primary calendar names it */
  accountEmail?: string;
  calendars: RemoteCalendar[];
  /** the calendar of this connection that receives bookings; at most one across the owner's connections */
  bookingCalendarId: string | null;
}

export interface CalendarCursor {
  /** Google nextSyncToken / WebDAV sync-token */
  syncToken?: string;
  /** CalDAV getctag: unchanged means nothing to do */
  ctag?: string;
}

export interface SyncState {
  consecutiveFailures?: number;
  lastFullSyncAt?: number;
  cursors?: Record<string, CalendarCursor>;
  /** ICS conditional GET validators */
  etag?: string;
  lastModified?: string;
  /** busy pieces kept after the last good sync */
  busyCount?: number;
  events?: number;
}

export interface ConnectionSecret {
  password?: string;
  accessToken?: string;
  refreshToken?: string;
  accessTokenExpiresAt?: number;
}

export interface SyncProgress {
  done: number;
  total?: number;
  phase?: string;
  startedAt?: number;
}

export function settingsOf(row: ConnectionRow): ConnectionSettings {
  const raw = row.settings as Partial<ConnectionSettings>;
  return {
    ...raw,
    calendars: Array.isArray(raw.calendars) ? raw.calendars : [],
    bookingCalendarId: raw.bookingCalendarId ?? null,
  };
}

export function syncStateOf(row: ConnectionRow): SyncState {
  return (row.syncState as SyncState | null) ?? {};
}
