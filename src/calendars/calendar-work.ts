// Everything calendars do on the scheduler's tick: due syncs and booking events to retry. (The owner's
// reminder before each call is a step of the booking-reminders workflow.)
// Each part is fenced off: one failing never stops the others, nor the rest of the tick.
import type { AppDeps } from "../platform/deps.ts";
import { loadBookingContext } from "../scheduling/manage-booking.ts";
import { bookingsNeedingWrite } from "./booking-event-store.ts";
import { syncBookingToCalendar } from "./booking-events.ts";
import { dueConnectionIds } from "./connection-store.ts";
import { syncConnection } from "./sync.ts";

export interface CalendarWorkReport {
  synced: number;
  failed: number;
  bookingEvents: number;
}

const SYNCS_PER_TICK = 20;
const PARALLEL_SYNCS = 4;
const BOOKING_WRITES_PER_TICK = 20;

/** Runs the due syncs a few at a time: one slow server does not hold the others back. */
export async function runDueSyncs(deps: AppDeps): Promise<{ synced: number; failed: number }> {
  const ids = await dueConnectionIds(deps.database, deps.clock.now(), SYNCS_PER_TICK);
  const counts = { synced: 0, failed: 0 };
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const outcome = await syncConnection(deps, id, { dueOnly: true }).catch((error: unknown) => {
        deps.logger.error("calendar sync crashed", { connectionId: id, error: String(error) });
        return null;
      });
      if (outcome?.status === "ok") counts.synced++;
      else if (outcome && outcome.status !== "running") counts.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SYNCS, ids.length) }, worker));
  return counts;
}

async function retryBookingEvents(deps: AppDeps): Promise<number> {
  const ids = await bookingsNeedingWrite(deps.database, deps.clock.now(), BOOKING_WRITES_PER_TICK);
  for (const id of ids) await syncBookingToCalendar(deps, await loadBookingContext(deps, id));
  return ids.length;
}

async function fenced<T>(deps: AppDeps, what: string, work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    deps.logger.error(`calendars: ${what} failed`, { error: String(error) });
    return fallback;
  }
}

export async function runCalendarWork(deps: AppDeps): Promise<CalendarWorkReport> {
  const syncs = await fenced(deps, "syncs", () => runDueSyncs(deps), { synced: 0, failed: 0 });
  const bookingEvents = await fenced(deps, "booking events", () => retryBookingEvents(deps), 0);
  return { ...syncs, bookingEvents };
}
