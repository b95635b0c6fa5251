// When to sync and over which stretch of time. Pure.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Busy times are kept from yesterday to about 13 months ahead: past every booking horizon in practice. */
export const SYNC_PAST_MS = DAY;
export const SYNC_FUTURE_MS = 400 * DAY;
/** Incremental cursors never see events drift into the window; a periodic full pass picks them up. */
export const FULL_RESYNC_AFTER_MS = 7 * DAY;
/** A sync that has not finished after this long is considered dead, and another may start. */
export const SYNC_LEASE_MS = 10 * MINUTE;
const MAX_BACKOFF_MS = 60 * MINUTE;

export function syncWindow(nowMs: number): { startMs: number; endMs: number } {
  return { startMs: nowMs - SYNC_PAST_MS, endMs: nowMs + SYNC_FUTURE_MS };
}

/** Next run: the interval after a success; after failures, twice as long each time, up to an hour. */
export function nextSyncAt(nowMs: number, intervalMinutes: number, consecutiveFailures: number): number {
  const base = Math.max(1, intervalMinutes) * MINUTE;
  if (consecutiveFailures <= 0) return nowMs + base;
  return nowMs + Math.min(MAX_BACKOFF_MS, base * 2 ** (consecutiveFailures - 1));
}

export function needsFullResync(lastFullSyncAt: number | undefined, nowMs: number): boolean {
  return lastFullSyncAt === undefined || nowMs - lastFullSyncAt >= FULL_RESYNC_AFTER_MS;
}

/** A sync that found another one under way looks again this much later (that one sets the next time). */
export const BUSY_RETRY_MS = MINUTE;

export type SyncRunStart =
  | { action: "end"; reason: "gone" | "broken" | "switched-off" }
  /** a sync since this run was scheduled (the owner's "sync now") moved the next one */
  | { action: "wait"; until: number }
  | { action: "sync" };

/** What a calendar-sync run does when it wakes. A connection in error is retried now, whatever its own backoff. */
export function syncRunStart(
  connection: { status: string; nextSyncAt: number | null } | undefined,
  switchedOn: boolean,
  nowMs: number,
): SyncRunStart {
  if (!connection) return { action: "end", reason: "gone" };
  if (connection.status === "broken") return { action: "end", reason: "broken" };
  if (!switchedOn) return { action: "end", reason: "switched-off" };
  if (connection.status === "active" && connection.nextSyncAt !== null && connection.nextSyncAt > nowMs)
    return { action: "wait", until: connection.nextSyncAt };
  return { action: "sync" };
}

/** After a sync: when the next is due, or null when the connection now waits for its owner (broken). */
export function nextRunAfter(
  status: "ok" | "running" | "broken",
  scheduledAt: number | null,
  intervalMinutes: number,
  nowMs: number,
): number | null {
  if (status === "broken") return null;
  if (status === "running") return nowMs + BUSY_RETRY_MS;
  return scheduledAt ?? nextSyncAt(nowMs, intervalMinutes, 0);
}
