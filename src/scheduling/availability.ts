// Gathers what the slot engine needs from the database: live bookings and calendar busy times.
import type { AppDeps } from "../platform/deps.ts";
import { LIMIT_MARGIN_MS } from "./booking-limits.ts";
import { liveBookingsBetween } from "./booking-store.ts";
import type { StoredEventType } from "./event-type-input.ts";
import type { AvailabilityInput } from "./slots.ts";

/** Busy intervals from connected calendars; calendar sync plugs in here. */
export type BusyLoader = (
  ownerId: string,
  fromMs: number,
  toMs: number,
) => Promise<{ startMs: number; endMs: number }[]>;

export const noBusyTimes: BusyLoader = async () => [];

export async function loadAvailability(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  eventType: StoredEventType,
  fromMs: number,
  toMs: number,
  busyLoader: BusyLoader = noBusyTimes,
): Promise<AvailabilityInput> {
  // Margins cover buffers reaching across the range and the whole weeks that per-week limits count.
  const from = fromMs - LIMIT_MARGIN_MS;
  const to = toMs + LIMIT_MARGIN_MS;
  const [bookings, busy] = await Promise.all([
    liveBookingsBetween(deps.database, ownerId, eventType.id, from, to),
    busyLoader(ownerId, from, to),
  ]);
  return { rules: eventType, bookings, busy, nowMs: deps.clock.now() };
}
