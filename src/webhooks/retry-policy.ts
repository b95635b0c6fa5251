// When to try a failed delivery again, when to give up, and when an endpoint has failed long enough. Pure.

/** Retries stop this long after the first attempt; the last one lands exactly on the deadline. */
export const RETRY_WINDOW_MS = 72 * 3600_000;
/** An endpoint whose every attempt failed for this long is disabled and the owner is told. */
export const DISABLE_AFTER_MS = 72 * 3600_000;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 12 * 3600_000;

/**
 * Delay after failed attempt n (1-based): 1 min, 4 min, 16 min, 64 min, ~4.3 h, then every 12 h.
 * Quick at first (a receiver restarting), then sparse (a receiver down for a weekend), about 12 tries in 72 h.
 */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 4 ** Math.max(0, failedAttempts - 1));
}

export type AfterFailure = { kind: "retry"; at: number } | { kind: "give-up" };

export function afterFailure(failedAttempts: number, firstAttemptAt: number, now: number): AfterFailure {
  const deadline = firstAttemptAt + RETRY_WINDOW_MS;
  if (now >= deadline) return { kind: "give-up" };
  return { kind: "retry", at: Math.min(deadline, now + retryDelayMs(failedAttempts)) };
}

export function shouldDisable(failingSince: number | null, now: number): boolean {
  return failingSince !== null && now - failingSince >= DISABLE_AFTER_MS;
}

/** 2xx is success; anything else (3xx included: redirects are never followed) is a failure. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
