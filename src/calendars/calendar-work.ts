// What calendars do on the scheduler's tick besides their workflows: booking events to retry. (Syncs are the
// calendar-sync workflow's runs, the owner's reminder before each call a step of booking-reminders.)
import type { AppDeps } from "../platform/deps.ts";
import { loadBookingContext } from "../scheduling/manage-booking.ts";
import { bookingsNeedingWrite } from "./booking-event-store.ts";
import { syncBookingToCalendar } from "./booking-events.ts";

export interface CalendarWorkReport {
  /** connections given a calendar-sync chain by the tick's catch-all (see sync-runs.ts) */
  syncChainsStarted: number;
  bookingEvents: number;
}

const BOOKING_WRITES_PER_TICK = 20;

/** Bookings whose calendar write failed earlier, written again now; returns how many were tried. */
export async function retryBookingEvents(deps: AppDeps, ownerId?: string): Promise<number> {
  const ids = await bookingsNeedingWrite(deps.database, deps.clock.now(), BOOKING_WRITES_PER_TICK, ownerId);
  for (const id of ids) await syncBookingToCalendar(deps, await loadBookingContext(deps, id));
  return ids.length;
}
