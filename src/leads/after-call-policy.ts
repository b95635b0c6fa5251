// After a call (pure): the owner is asked the next morning to move the lead on, and reminded once a few
// days later if the lead still sits where it was. Nothing is asked about a call that did not happen, a
// lead the owner already moved, or so late that the question has lost its point.
import { Temporal } from "temporal-polyfill";

/** The owner is asked in the morning of their day. */
export const AFTER_CALL_HOUR = 9;
const DAY_MS = 86_400_000;
/** A reminder this long after its moment (the scheduler was down) is not sent. */
const REMINDER_LATE_TOLERANCE_DAYS = 2;

/** The morning after the call ended, in the owner's zone. */
export function afterCallAskAt(endMs: number, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(endMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .add({ days: 1 })
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour: AFTER_CALL_HOUR }) })
    .toInstant().epochMilliseconds;
}

export function afterCallReminderAt(askedAtMs: number, reminderDays: number): number {
  return askedAtMs + reminderDays * DAY_MS;
}

export interface AfterCallFacts {
  /** the booking now; undefined once it is gone */
  booking: { status: string; startMs: number } | undefined;
  /** the start this run was made for: a rescheduled call has a run of its own */
  runStartMs: number;
  /** the lead's stage now; undefined when the lead was erased */
  stage: string | undefined;
}

/** A booked lead waits here until the owner moves it: anywhere else, the owner has already decided. */
export const BOOKED_STAGE = "call_scheduled";

export type AfterCallDecision = "send" | "no-call" | "moved" | "lead-moved" | "stale";

function common(f: AfterCallFacts): AfterCallDecision | null {
  // Cancelled, no-show, never approved: there was no call to follow up.
  if (!f.booking || (f.booking.status !== "confirmed" && f.booking.status !== "completed")) return "no-call";
  if (f.booking.startMs !== f.runStartMs) return "moved";
  if (f.stage !== BOOKED_STAGE) return "lead-moved";
  return null;
}

/** The morning question; stale once its reminder would be due (asking and reminding at once helps no one). */
export function afterCallAskDecision(
  f: AfterCallFacts,
  schedule: { askAt: number; reminderDays: number },
  nowMs: number,
): AfterCallDecision {
  return (
    common(f) ?? (nowMs >= afterCallReminderAt(schedule.askAt, schedule.reminderDays) ? "stale" : "send")
  );
}

export function afterCallReminderDecision(
  f: AfterCallFacts,
  remindAt: number,
  nowMs: number,
): AfterCallDecision {
  return common(f) ?? (nowMs >= remindAt + REMINDER_LATE_TOLERANCE_DAYS * DAY_MS ? "stale" : "send");
}
