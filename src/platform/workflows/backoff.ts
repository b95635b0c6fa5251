// Pure retry policy for failing steps: exponential with a cap, then the run is parked as failed.
export const MAX_STEP_ATTEMPTS = 6;

/** Delay before attempt n+1 after n failures: 1, 2, 4, 8, 16 minutes… capped at 1 hour. */
export function stepRetryDelayMs(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1)) * 60_000;
}

export function shouldGiveUp(failures: number): boolean {
  return failures >= MAX_STEP_ATTEMPTS;
}
