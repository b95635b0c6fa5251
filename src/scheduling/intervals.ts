// Half-open intervals [startMs, endMs): one that ends exactly when another starts does not overlap it.
import { MINUTE_MS } from "./calendar-days.ts";
import type { BusyInterval, ExistingBooking, Interval } from "./slot-types.ts";

/**
 * Sorted, disjoint union of the intervals. Touching ones are joined too: the union covers
 * exactly the same instants, and for opening hours it is what lets a window ending at "24:00"
 * continue into the next day's "00:00".
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  let count = 0;
  for (const { startMs, endMs } of intervals) {
    if (endMs > startMs) {
      starts[count] = startMs;
      ends[count++] = endMs;
    }
  }
  return unionOf(starts.subarray(0, count), ends.subarray(0, count));
}

/**
 * The union needs only the sorted starts and the sorted ends, not the pairs: sweeping both,
 * a merged interval opens when the count of open intervals leaves zero and closes when it
 * returns to zero. Typed arrays sort natively, several times faster than objects with a
 * comparator, which matters with thousands of busy times. Sorts its arguments in place.
 */
function unionOf(starts: Float64Array, ends: Float64Array): Interval[] {
  starts.sort();
  ends.sort();
  const merged: Interval[] = [];
  let open = 0;
  let mergedStart = 0;
  let e = 0;
  for (let s = 0; s < starts.length; s++) {
    // Ends strictly before this start close intervals first; an end equal to it does not, so touching ones join.
    while (ends[e]! < starts[s]!) {
      e++;
      if (--open === 0) merged.push({ startMs: mergedStart, endMs: ends[e - 1]! });
    }
    if (open++ === 0) mergedStart = starts[s]!;
  }
  if (starts.length > 0) merged.push({ startMs: mergedStart, endMs: ends[ends.length - 1]! });
  return merged;
}

/**
 * Every time a new slot may not touch: calendar busy times, and existing bookings widened by
 * their own buffers. Only what overlaps [fromMs, toMs) is kept, which keeps the sort small.
 */
export function blockedIntervals(
  bookings: readonly ExistingBooking[],
  busy: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
): Interval[] {
  const starts = new Float64Array(busy.length + bookings.length);
  const ends = new Float64Array(busy.length + bookings.length);
  let count = 0;
  // NaN bounds fail every comparison below, so malformed entries are left out.
  for (const b of busy) {
    if (b.startMs < toMs && b.endMs > fromMs && b.endMs > b.startMs) {
      starts[count] = b.startMs;
      ends[count++] = b.endMs;
    }
  }
  for (const b of bookings) {
    const startMs = b.startMs - bufferMs(b.bufferBeforeMinutes);
    const endMs = b.endMs + bufferMs(b.bufferAfterMinutes);
    if (startMs < toMs && endMs > fromMs && endMs > startMs) {
      starts[count] = startMs;
      ends[count++] = endMs;
    }
  }
  return unionOf(starts.subarray(0, count), ends.subarray(0, count));
}

/** A missing or broken buffer must not make a booking vanish, so it counts as none. */
function bufferMs(minutes: number): number {
  return Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE_MS : 0;
}

/**
 * Answers "does [start, end) overlap a blocked interval?" for probes whose starts never
 * decrease, in O(probes + intervals) overall: the cursor only moves forward.
 */
export function overlapCursor(
  sortedDisjoint: readonly Interval[],
): (startMs: number, endMs: number) => boolean {
  let index = 0;
  return (startMs, endMs) => {
    while (index < sortedDisjoint.length && sortedDisjoint[index]!.endMs <= startMs) index++;
    const next = sortedDisjoint[index];
    // Intervals are disjoint and sorted, so if the first one ending after startMs begins at or
    // after endMs, every later one does too.
    return next !== undefined && next.startMs < endMs;
  };
}
