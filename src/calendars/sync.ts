// One sync of one connection: claim it, ask its provider, then write the busy changes, the new cursors
// and the status in ONE batch. A failure writes only the status: the last good busy times stay.
import { findOwnerById } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { bumpAvailability } from "../scheduling/availability-version.ts";
import { notifyConnectionBroken } from "./broken-notice.ts";
import { busyChangeStatements, countBusy } from "./busy-store.ts";
import { loadCalendarSettings } from "./calendar-settings-store.ts";
import {
  claimSync,
  getConnectionById,
  setProgress,
  updateConnection,
  updateConnectionStatement,
} from "./connection-store.ts";
import { type ConnectionRow, type SyncProgress, settingsOf, syncStateOf } from "./connection-types.ts";
import { syncCalDav } from "./providers/caldav-sync.ts";
import { syncGoogle } from "./providers/google-sync.ts";
import { syncIcsFeed } from "./providers/ics-feed.ts";
import type { ProviderSyncResult, SyncContext } from "./providers/provider.ts";
import { openSecret, sealSecret } from "./secrets.ts";
import { describeSyncError, isBroken } from "./sync-errors.ts";
import { needsFullResync, nextSyncAt, syncWindow } from "./sync-schedule.ts";

export interface SyncOutcome {
  connectionId: string;
  status: "ok" | "error" | "broken" | "running";
  events: number;
  busyIntervals: number;
  error?: string;
  durationMs: number;
}

const PROVIDERS: Record<ConnectionRow["type"], (ctx: SyncContext) => Promise<ProviderSyncResult>> = {
  google: syncGoogle,
  caldav: syncCalDav,
  ics: syncIcsFeed,
};

// Feeds carry no cursor: re-reading daily is what moves their recurrences along with the window.
const FEED_FULL_AFTER_MS = 86_400_000;

function progressReporter(deps: AppDeps, connectionId: string, startedAt: number) {
  let lastWrite = Number.NEGATIVE_INFINITY;
  // Elapsed real time, not the app clock: this only spaces out the progress writes.
  return async (progress: SyncProgress) => {
    const now = performance.now();
    if (now - lastWrite < 300) return;
    lastWrite = now;
    await setProgress(deps.database, connectionId, { ...progress, startedAt });
  };
}

/**
 * Runs a sync now. `dueOnly` (the scheduler) skips connections that are not due or are broken;
 * either way a connection already syncing elsewhere is left alone ("running").
 */
export async function syncConnection(
  deps: AppDeps,
  connectionId: string,
  options: { dueOnly: boolean; full?: boolean },
): Promise<SyncOutcome> {
  const startedAt = deps.clock.now();
  const clockStart = performance.now();
  const outcome = (o: Omit<SyncOutcome, "connectionId" | "durationMs">): SyncOutcome => ({
    connectionId,
    durationMs: Math.round(performance.now() - clockStart),
    ...o,
  });
  if (!(await claimSync(deps.database, connectionId, startedAt, options))) {
    return outcome({ status: "running", events: 0, busyIntervals: 0 });
  }
  const connection = await getConnectionById(deps.database, connectionId);
  // Removed between the claim and now: nothing left to sync.
  if (!connection)
    return outcome({ status: "error", events: 0, busyIntervals: 0, error: "no such connection" });
  const owner = await findOwnerById(deps.database, connection.ownerId);
  const state = syncStateOf(connection);
  const failures = state.consecutiveFailures ?? 0;
  try {
    if (!owner) throw new Error("the connection's owner is gone");
    const settings = settingsOf(connection);
    const fullAfter = connection.type === "ics" ? FEED_FULL_AFTER_MS : undefined;
    const full =
      options.full === true ||
      needsFullResync(state.lastFullSyncAt, startedAt) ||
      (fullAfter !== undefined && startedAt - (state.lastFullSyncAt ?? 0) >= fullAfter);
    const result = await PROVIDERS[connection.type]({
      deps,
      connection,
      settings,
      state,
      secret: openSecret(deps.config, connection.id, connection.secret),
      owner: { id: owner.id, email: owner.email, timeZone: owner.timeZone },
      preferences: await loadCalendarSettings(deps.database, owner.id),
      now: startedAt,
      window: syncWindow(startedAt),
      full,
      reportProgress: progressReporter(deps, connection.id, startedAt),
    });
    const now = deps.clock.now();
    const calendars = result.calendars ?? settings.calendars;
    const bookingCalendarId = calendars.some((c) => c.id === settings.bookingCalendarId && !c.readOnly)
      ? settings.bookingCalendarId
      : null;
    await deps.database.batch([
      ...busyChangeStatements(deps.database, connection, result.changes, now),
      ...(result.changes.length > 0 ? [bumpAvailability(connection.ownerId)] : []),
      updateConnectionStatement(
        deps.database,
        connection.id,
        {
          status: "active",
          lastSyncAt: now,
          nextSyncAt: nextSyncAt(now, connection.syncIntervalMinutes, 0),
          lastError: null,
          brokenNotifiedAt: null,
          progress: null,
          syncState: { ...result.state, consecutiveFailures: 0 },
          settings: { ...settings, calendars, bookingCalendarId },
          ...(result.secret ? { secret: sealSecret(deps.config, connection.id, result.secret) } : {}),
        },
        now,
      ),
    ]);
    return outcome({
      status: "ok",
      events: result.events,
      busyIntervals: await countBusy(deps.database, connection.id),
    });
  } catch (error) {
    const broken = isBroken(error);
    const { message, expected } = describeSyncError(error);
    if (!expected) deps.logger.error("calendar sync failed", { connectionId, error: String(error) });
    const now = deps.clock.now();
    await updateConnection(
      deps.database,
      connection.id,
      {
        status: broken ? "broken" : "error",
        lastError: message,
        progress: null,
        // A broken connection waits for the owner; others retry, further apart each time.
        nextSyncAt: broken ? null : nextSyncAt(now, connection.syncIntervalMinutes, failures + 1),
        syncState: { ...state, consecutiveFailures: failures + 1 },
      },
      now,
    );
    if (broken && owner) await notifyConnectionBroken(deps, connection, owner, message);
    return outcome({
      status: broken ? "broken" : "error",
      events: 0,
      busyIntervals: await countBusy(deps.database, connection.id),
      error: message,
    });
  }
}
