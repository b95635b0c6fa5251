// maxPerDay / maxPerWeek: bookings of the same event type counted per date and per
// Monday-to-Sunday week of the owner's zone, as the owner lives them.
import { DAY_MS, mondayOf } from "./calendar-days.ts";
import type { ExistingBooking, SlotRules } from "./slot-types.ts";
import type { ZoneClock } from "./zone-clock.ts";

/**
 * A predicate telling whether the date (or week) of a slot starting at an instant is already
 * full, or null when the rules set no limit. Only bookings starting in [fromMs, toMs) are
 * counted; callers pass a span covering whole weeks around the slots they test.
 */
export function fullDayCheck(
  rules: SlotRules,
  bookings: readonly ExistingBooking[],
  clock: ZoneClock,
  fromMs: number,
  toMs: number,
): ((slotStartMs: number) => boolean) | null {
  const { maxPerDay, maxPerWeek } = rules;
  if (maxPerDay === undefined && maxPerWeek === undefined) return null;
  const perDay = new Map<number, number>();
  const perWeek = new Map<number, number>();
  for (const booking of bookings) {
    if (!booking.sameEventType || !(booking.startMs >= fromMs && booking.startMs < toMs)) continue;
    const day = clock.localDay(booking.startMs);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const week = mondayOf(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return (slotStartMs) => {
    const day = clock.localDay(slotStartMs);
    if (maxPerDay !== undefined && (perDay.get(day) ?? 0) >= maxPerDay) return true;
    return maxPerWeek !== undefined && (perWeek.get(mondayOf(day)) ?? 0) >= maxPerWeek;
  };
}

/** Margin that covers the week around any instant whatever the zone's offset. */
export const LIMIT_MARGIN_MS = 9 * DAY_MS;
