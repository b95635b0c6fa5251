// The owner's day and Monday-to-Sunday week around an instant, as UTC instants (DST-aware). Read from the
// shared zone clock: asking Temporal afresh cost about half a millisecond of every booking.
import { zoneClock } from "./zone-clock.ts";

export function dayBounds(ms: number, timeZone: string): { startMs: number; endMs: number } {
  const clock = zoneClock(timeZone);
  const day = clock.localDay(ms);
  return { startMs: clock.startOfDay(day), endMs: clock.startOfDay(day + 1) };
}

export function weekBounds(ms: number, timeZone: string): { startMs: number; endMs: number } {
  const clock = zoneClock(timeZone);
  const day = clock.localDay(ms);
  // Epoch day 0 (1970-01-01) was a Thursday: days since the last Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return { startMs: clock.startOfDay(monday), endMs: clock.startOfDay(monday + 7) };
}

/** "2027-03-29T09:00:00+02:00": the instant with the zone's offset, as API.md wants. */
export function isoInZone(ms: number, timeZone: string): string {
  return zoneClock(timeZone).format(ms);
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(ms: number, timeZone: string): string {
  return zoneClock(timeZone).dateLabel(ms);
}
