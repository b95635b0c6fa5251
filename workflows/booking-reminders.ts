// 1. booking-reminders: the prospect is reminded the day before a call booked more than a day ahead, and
// the owner N minutes before every call (15, 30 or 60, from the calendar settings; 0 = none) with the
// lead's answers. Keyed `bookingId@start`: a reschedule replaces the run, a cancel stops it.
import { ownerCallReminder, reminderMinutesOf } from "../src/calendars/call-reminder.ts";
import { LONGEST_REMINDER_LEAD_MS } from "../src/calendars/reminders.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
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
}

const WHY = `workflow:${BOOKING_REMINDERS}`;

async function liveBooking(deps: AppDeps, bookingId: string, startMs: number) {
  const ctx = await loadBookingContext(deps, bookingId).catch(() => null);
  // A rescheduled booking has its own run (keyed by its new start); this one has nothing left to say.
  return ctx && isLive(ctx.booking) && ctx.booking.startMs === startMs ? ctx : null;
}

export const bookingReminders = defineWorkflow<BookingRemindersInput>({
  name: BOOKING_REMINDERS,
  title: { fr: "Rappels de rendez-vous", en: "Booking reminders" },
  async run(ctx, deps) {
    const { bookingId, startMs, bookedAtMs } = ctx.input;
    if (wantsDayBeforeReminder(bookedAtMs, startMs)) {
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
    await ctx.sendEmail("owner-reminder", () =>
      ownerCallReminder(deps, { ownerId: ctx.ownerId, bookingId, runStartMs: startMs, why: WHY }, ctx.now()),
    );
  },
});
