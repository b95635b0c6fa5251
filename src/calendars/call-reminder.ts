// The owner's reminder before a call, as the booking-reminders workflow sends it: the meeting, how to join,
// the lead's answers and triage (call-preparation.ts, reminder-email.ts), or nothing when it is no use.
import { findOwnerById } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { OutgoingMail } from "../platform/mail/outbox.ts";
import { getOwnedBooking } from "../scheduling/booking-store.ts";
import { loadCalendarSettings } from "./calendar-settings-store.ts";
import { callPreparations } from "./call-preparation.ts";
import { reminderEmail } from "./reminder-email.ts";
import { ownerReminderDecision } from "./reminders.ts";

type ReminderMail = Omit<OutgoingMail, "ownerId" | "idempotencyKey" | "workflowRunId">;

export async function reminderMinutesOf(deps: Pick<AppDeps, "database">, ownerId: string) {
  return (await loadCalendarSettings(deps.database, ownerId)).reminderMinutes;
}

export async function ownerCallReminder(
  deps: AppDeps,
  input: { ownerId: string; bookingId: string; runStartMs: number; why: string },
  nowMs: number,
): Promise<ReminderMail | null> {
  const { ownerId, bookingId, runStartMs } = input;
  const [booking, minutes, owner] = await Promise.all([
    getOwnedBooking(deps.database, ownerId, bookingId),
    reminderMinutesOf(deps, ownerId),
    findOwnerById(deps.database, ownerId),
  ]);
  const decision = ownerReminderDecision({ reminderMinutes: minutes, booking, runStartMs }, nowMs);
  if (decision !== "send" || !booking || !owner || minutes === 0) return null;
  const locale = owner.locale === "en" ? "en" : "fr";
  const [call] = await callPreparations(deps, owner, [booking], locale);
  if (!call) return null;
  const email = reminderEmail(call, owner, minutes, deps.config.baseUrl);
  return { why: input.why, to: { address: owner.email, name: owner.name }, ...email };
}
