// When a booking reminder is still worth sending (pure). A reminder after its moment is worse than none:
// "your call is tomorrow" sent an hour before the call, or "call in 30 minutes" after it began.
export const HOUR_MS = 3_600_000;

/** The prospect's day-before reminder: only for calls booked more than a day ahead. */
export function wantsDayBeforeReminder(bookedAtMs: number, startMs: number): boolean {
  return startMs - bookedAtMs > 24 * HOUR_MS;
}

/** Still useful until two hours before the call; later, the prospect has the confirmation already. */
export function dayBeforeReminderUseful(startMs: number, nowMs: number): boolean {
  return nowMs < startMs - 2 * HOUR_MS;
}

/** When a pending request is nudged and when it is declined: never after the call would have started. */
export function pendingDeadlines(
  bookedAtMs: number,
  startMs: number,
  settings: { remindAfterHours: number; declineAfterHours: number },
): { remindAt: number; declineAt: number } {
  const declineAt = Math.max(
    bookedAtMs,
    Math.min(bookedAtMs + settings.declineAfterHours * HOUR_MS, startMs - HOUR_MS),
  );
  const remindAt = Math.max(
    bookedAtMs,
    Math.min(bookedAtMs + settings.remindAfterHours * HOUR_MS, declineAt - HOUR_MS),
  );
  return { remindAt, declineAt };
}
