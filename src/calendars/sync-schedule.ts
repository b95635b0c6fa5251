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
