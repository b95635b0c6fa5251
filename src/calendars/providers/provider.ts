// What a calendar source gives a sync, and the failures that decide the connection's status.
import type { AppDeps } from "../../platform/deps.ts";
import type { BusyPiece } from "../busy-rules.ts";
import type { CalendarBusyChange } from "../busy-store.ts";
import type { CalendarSettings } from "../calendar-settings.ts";
import type {
  ConnectionRow,
  ConnectionSecret,
  ConnectionSettings,
  RemoteCalendar,
  SyncProgress,
  SyncState,
} from "../connection-types.ts";

export interface SyncContext {
  deps: AppDeps;
  connection: ConnectionRow;
  settings: ConnectionSettings;
  state: SyncState;
  secret: ConnectionSecret;
  owner: { id: string; email: string; timeZone: string };
  preferences: CalendarSettings;
  now: number;
  window: { startMs: number; endMs: number };
  /** ignore cursors and validators: read everything in the window again */
  full: boolean;
  reportProgress(progress: SyncProgress): Promise<void>;
}

export interface ProviderSyncResult {
  changes: CalendarBusyChange[];
  /** cursors and validators for the next run */
  state: SyncState;
  /** tokens renewed during the sync, to be sealed again */
  secret?: ConnectionSecret;
  calendars?: RemoteCalendar[];
  /** events read this run */
  events: number;
}

/** Credentials that no longer work: the owner must act (reconnect, new password). Syncing stops until then. */
export class BrokenConnectionError extends Error {}

/** Anything else: the connection keeps its last good busy times and is retried with backoff. */
export class SyncFailure extends Error {}

export function selfAddresses(ctx: Pick<SyncContext, "owner" | "settings">): string[] {
  return [ctx.owner.email, ctx.settings.accountEmail, ctx.settings.username]
    .filter((a): a is string => typeof a === "string" && a.includes("@"))
    .map((a) => a.toLowerCase());
}

export function replaceAll(calendarId: string, pieces: BusyPiece[]): CalendarBusyChange {
  return { calendarId, replaceAll: true, removedObjects: [], pieces };
}

/** Keeps the owner's choices for known calendars; calendars that appeared since are not counted until chosen. */
export function mergeCalendars(known: RemoteCalendar[], found: RemoteCalendar[]): RemoteCalendar[] {
  return found.map((c) => {
    const previous = known.find((k) => k.id === c.id);
    return previous ? { ...c, busy: previous.busy } : { ...c, busy: false };
  });
}
