// Gathers what the slot engine needs from the database: live bookings and calendar busy times.
import type { AppDeps } from "../platform/deps.ts";
import { LIMIT_MARGIN_MS } from "./booking-limits.ts";
import { liveBookingsBetween } from "./booking-store.ts";
import { MINUTE_MS } from "./calendar-days.ts";
import type { StoredEventType } from "./event-type-input.ts";
import { MAX_DURATION_MINUTES } from "./slot-rules-validation.ts";
import type { AvailabilityInput } from "./slots.ts";

/** Busy intervals from connected calendars; calendar sync plugs in here. */
export type BusyLoader = (
  ownerId: string,
  fromMs: number,
  toMs: number,
) => Promise<{ startMs: number; endMs: number }[]>;

export const noBusyTimes: BusyLoader = async () => [];

/**
 * How far from a slot's start another booking can start and still block it: with its buffers, a slot or
 * a booking reaches at most a day before its start and two days after (length and buffers are each at
 * most a day), so three days either way.
 */
export const BLOCKING_MARGIN_MS = 3 * MAX_DURATION_MINUTES * MINUTE_MS;

export async function loadAvailability(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  eventType: StoredEventType,
  fromMs: number,
  toMs: number,
  busyLoader: BusyLoader = noBusyTimes,
): Promise<AvailabilityInput> {
  // Margins cover buffers reaching across the range and, with limits, the whole weeks they count.
  const limited = eventType.maxPerDay !== undefined || eventType.maxPerWeek !== undefined;
  const margin = limited ? LIMIT_MARGIN_MS : BLOCKING_MARGIN_MS;
  const from = fromMs - margin;
  const to = toMs + margin;
  const [bookings, busy] = await Promise.all([
    liveBookingsBetween(deps.database, ownerId, eventType.id, from, to),
    busyLoader(ownerId, from, to),
  ]);
  return { rules: eventType, bookings, busy, nowMs: deps.clock.now() };
}
