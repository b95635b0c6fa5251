// Which calls get their reminder now. Pure: the workflow engine can take this decision over unchanged.

export const REMINDER_LEADS = [15, 30, 60] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number];

export interface ReminderSettings {
  /** minutes before the call; 0 turns reminders off */
  reminderMinutes: ReminderLead | 0;
}

export interface ReminderCandidate {
  id: string;
  status: string;
  startMs: number;
}

export interface DueReminder {
  bookingId: string;
  startMs: number;
  /** per booking and start: a rescheduled call gets a new reminder, the same one is never sent twice */
  idempotencyKey: string;
}

export function reminderKey(bookingId: string, startMs: number): string {
  return `reminder:${bookingId}:${startMs}`;
}

const LIVE = new Set(["confirmed", "pending"]);

/**
 * Reminders whose moment has come and whose call has not started. A tick that runs late still sends
 * them (the call is ahead); once the call has started a reminder is pointless and is skipped, not sent late.
 */
export function dueReminders(
  bookings: readonly ReminderCandidate[],
  settings: ReminderSettings,
  nowMs: number,
): DueReminder[] {
  if (settings.reminderMinutes === 0) return [];
  const leadMs = settings.reminderMinutes * 60_000;
  return bookings
    .filter((b) => LIVE.has(b.status) && b.startMs - leadMs <= nowMs && nowMs < b.startMs)
    .sort((a, b) => a.startMs - b.startMs)
    .map((b) => ({ bookingId: b.id, startMs: b.startMs, idempotencyKey: reminderKey(b.id, b.startMs) }));
}
