// Monday-to-Sunday weeks in the owner's zone, as UTC instants, so counting a lead's week is one binary
// search instead of a time-zone conversion per lead. Pure.
import { Temporal } from "temporal-polyfill";

export interface WeekBucket {
  /** the Monday, YYYY-MM-DD */
  date: string;
  startMs: number;
  endMs: number;
}

/** Every week touching [from, to] (dates, both included), oldest first. */
export function weekBuckets(from: string, to: string, timeZone: string): WeekBucket[] {
  const first = Temporal.PlainDate.from(from);
  let monday = first.subtract({ days: first.dayOfWeek - 1 });
  const last = Temporal.PlainDate.from(to);
  const weeks: WeekBucket[] = [];
  while (Temporal.PlainDate.compare(monday, last) <= 0 && weeks.length < 600) {
    const next = monday.add({ days: 7 });
    weeks.push({
      date: monday.toString(),
      startMs: monday.toZonedDateTime({ timeZone }).epochMilliseconds,
      endMs: next.toZonedDateTime({ timeZone }).epochMilliseconds,
    });
    monday = next;
  }
  return weeks;
}

/** The index of the week holding the instant, or -1 outside them all. */
export function weekIndex(weeks: readonly WeekBucket[], ms: number): number {
  let low = 0;
  let high = weeks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const week = weeks[middle]!;
    if (ms < week.startMs) high = middle - 1;
    else if (ms >= week.endMs) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The instants bounding the dates from..to (both included) in the zone. */
export function periodBounds(from: string, to: string, timeZone: string): { startMs: number; endMs: number } {
  return {
    startMs: Temporal.PlainDate.from(from).toZonedDateTime({ timeZone }).epochMilliseconds,
    endMs: Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}
