// The owner's reminder before each call (pure): sent by the booking-reminders workflow N minutes ahead,
// N chosen in the calendar settings. A reminder after the call began is worse than none: it is skipped.

export const REMINDER_LEADS = [15, 30, 60] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number];
export const LONGEST_REMINDER_LEAD_MS = Math.max(...REMINDER_LEADS) * 60_000;

export interface ReminderSettings {
  /** minutes before the call; 0 turns reminders off */
  reminderMinutes: ReminderLead | 0;
}

export type OwnerReminderDecision = "send" | "off" | "not-live" | "moved" | "started";

export interface OwnerReminderFacts {
  reminderMinutes: ReminderSettings["reminderMinutes"];
  /** the booking as it is now; undefined once it is gone */
  booking: { status: string; startMs: number } | undefined;
  /** the start this run was made for: a rescheduled booking has a run of its own */
  runStartMs: number;
}

export function ownerReminderDecision(facts: OwnerReminderFacts, nowMs: number): OwnerReminderDecision {
  if (facts.reminderMinutes === 0) return "off";
  const booking = facts.booking;
  if (!booking || (booking.status !== "confirmed" && booking.status !== "pending")) return "not-live";
  if (booking.startMs !== facts.runStartMs) return "moved";
  if (nowMs >= booking.startMs) return "started";
  return "send";
}
