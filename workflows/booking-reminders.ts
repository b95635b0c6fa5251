// 1. booking-reminders: the prospect is reminded the day before a call booked more than a day ahead, and
// the owner N minutes before every call (15, 30 or 60, from the calendar settings; 0 = none) with the
// lead's answers. Keyed `bookingId@start`: a reschedule replaces the run, a cancel stops it.
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { ownerCallReminder, reminderMinutesOf } from "../src/calendars/call-reminder.ts";
import { LONGEST_REMINDER_LEAD_MS } from "../src/calendars/reminders.ts";
import { bookings, workflowRuns } from "../src/platform/db/schema.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow, type ScheduledStart } from "../src/platform/workflows/definition.ts";
import { bookingEmailData } from "../src/scheduling/booking-notifications.ts";
import { BOOKING_REMINDERS } from "../src/scheduling/booking-workflows.ts";
import { prospectDayBeforeEmail } from "../src/scheduling/emails/index.ts";
import { isLive, loadBookingContext } from "../src/scheduling/manage-booking.ts";
import {
  dayBeforeReminderUseful,
  HOUR_MS,
  wantsDayBeforeReminder,
} from "../src/scheduling/reminder-policy.ts";

export interface BookingRemindersInput {
  bookingId: string;
  startMs: number;
  bookedAtMs: number;
  /** a run started for a booking whose first run ended before the owner's reminder was part of it */
  ownerReminderOnly?: boolean;
}

const WHY = `workflow:${BOOKING_REMINDERS}`;
/** Journal name of the owner's reminder: every run that completes has it (sent or skipped). */
const OWNER_REMINDER_STEP = "owner-reminder";

async function liveBooking(deps: AppDeps, bookingId: string, startMs: number) {
  const ctx = await loadBookingContext(deps, bookingId).catch(() => null);
  // A rescheduled booking has its own run (keyed by its new start); this one has nothing left to say.
  return ctx && isLive(ctx.booking) && ctx.booking.startMs === startMs ? ctx : null;
}

/**
 * Transition from the tick's interim reminder job: runs that completed before the owner's reminder was
 * part of this workflow get a run for that reminder alone, once, when their call comes near. Bookings are
 * made at most a horizon ahead, so this finds nothing once those have passed and can then be removed.
 */
async function legacyOwnerReminders(deps: AppDeps, nowMs: number): Promise<ScheduledStart[]> {
  const rows = await deps.database.db
    .select({
      id: bookings.id,
      ownerId: bookings.ownerId,
      startMs: bookings.startMs,
      bookedAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(
      workflowRuns,
      and(
        eq(workflowRuns.ownerId, bookings.ownerId),
        eq(workflowRuns.workflow, BOOKING_REMINDERS),
        sql`${workflowRuns.key} = ${bookings.id} || '@' || ${bookings.startMs}`,
      ),
    )
    .where(
      and(
        inArray(bookings.status, ["pending", "confirmed"]),
        gt(bookings.startMs, nowMs),
        lte(bookings.startMs, nowMs + 2 * LONGEST_REMINDER_LEAD_MS),
        eq(workflowRuns.status, "completed"),
        sql`NOT EXISTS (SELECT 1 FROM workflow_steps s WHERE s.run_id = ${workflowRuns.id} AND s.name = ${OWNER_REMINDER_STEP})`,
      ),
    );
  return rows.map((b) => ({
    ownerId: b.ownerId,
    key: `${b.id}@${b.startMs}:${OWNER_REMINDER_STEP}`,
    input: { bookingId: b.id, startMs: b.startMs, bookedAtMs: b.bookedAt, ownerReminderOnly: true },
  }));
}

export const bookingReminders = defineWorkflow<BookingRemindersInput>({
  name: BOOKING_REMINDERS,
  title: { fr: "Rappels de rendez-vous", en: "Booking reminders" },
  async run(ctx, deps) {
    const { bookingId, startMs, bookedAtMs } = ctx.input;
    if (!ctx.input.ownerReminderOnly && wantsDayBeforeReminder(bookedAtMs, startMs)) {
      await ctx.sleepUntil("day-before", startMs - 24 * HOUR_MS);
      await ctx.sendEmail("prospect-day-before", async () => {
        const booking = await liveBooking(deps, bookingId, startMs);
        if (!booking || !dayBeforeReminderUseful(startMs, ctx.now())) return null;
        const locale = booking.booking.locale === "en" ? "en" : "fr";
        return {
          why: WHY,
          to: { address: booking.booking.email, name: booking.booking.name },
          locale,
          ...prospectDayBeforeEmail(bookingEmailData(deps, booking, locale)),
        };
      });
    }
    // Woken at the longest lead, then at the owner's: a setting changed meanwhile is still honoured.
    await ctx.sleepUntil("owner-reminder-window", startMs - LONGEST_REMINDER_LEAD_MS);
    const minutes = await reminderMinutesOf(deps, ctx.ownerId);
    if (minutes > 0) await ctx.sleepUntil(`owner-reminder-at-${minutes}`, startMs - minutes * 60_000);
    await ctx.sendEmail(OWNER_REMINDER_STEP, () =>
      ownerCallReminder(deps, { ownerId: ctx.ownerId, bookingId, runStartMs: startMs, why: WHY }, ctx.now()),
    );
  },
  scheduledStarts: legacyOwnerReminders,
});
