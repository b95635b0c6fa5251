// The owner's opening hours as instants: weekly hours and date overrides, read as wall-clock
// times in the owner's zone, turned into merged windows of epoch ms.
import { parseIsoDate, WEEKDAYS, weekdayIndex } from "./calendar-days.ts";
import { mergeIntervals } from "./intervals.ts";
import type { HoursRange, Interval, SlotRules } from "./slot-types.ts";
import type { ZoneClock } from "./zone-clock.ts";

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_OF_DAY_MINUTE = 24 * 60;

/** [startMinute, endMinute) of a day; endMinute 1440 is the next midnight. */
export type MinuteRange = readonly [number, number];

export interface OpeningHours {
  /** Indexed by weekday, Monday = 0. */
  weekly: MinuteRange[][];
  /** Keyed by epoch day; an empty list closes the date. */
  overrides: Map<number, MinuteRange[]>;
}

/** Minutes since midnight of "HH:MM", or null; "24:00" only when it ends a range. */
export function parseWallTime(text: string, asEnd: boolean): number | null {
  if (asEnd && text === "24:00") return END_OF_DAY_MINUTE;
  const match = WALL_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Parses once per query so the per-day loop never touches strings. Expects validated rules;
 * anything malformed that slips through (a bad time, a missing list) is left out, never thrown on.
 */
export function compileOpeningHours(rules: SlotRules): OpeningHours {
  const weekly = WEEKDAYS.map((day) => toMinuteRanges(rules.weeklyHours?.[day] ?? []));
  const overrides = new Map<number, MinuteRange[]>();
  for (const override of rules.dateOverrides ?? []) {
    const day = parseIsoDate(override.date);
    if (day !== null) overrides.set(day, toMinuteRanges(override.hours));
  }
  return { weekly, overrides };
}

export function hoursOn(hours: OpeningHours, epochDay: number): MinuteRange[] {
  return hours.overrides.get(epochDay) ?? hours.weekly[weekdayIndex(epochDay)]!;
}

/**
 * Merged windows holding every slot that starts on owner dates firstDay..lastDay.
 *
 * Slots are laid on a grid counted from the start of each merged window, so where a window
 * starts matters even when it started before firstDay: a window open until "24:00" followed by
 * one opening at "00:00" is one window. We therefore walk back over such midnight joins, but
 * never before `anchorFloorDay` (yesterday in the owner's zone), so an owner open around the
 * clock does not send us back forever; such a chain's grid then starts at that floor.
 */
export function openingWindows(
  hours: OpeningHours,
  clock: ZoneClock,
  firstDay: number,
  lastDay: number,
  anchorFloorDay: number,
): Interval[] {
  let day = firstDay;
  while (day > anchorFloorDay && joinsAtMidnight(hoursOn(hours, day - 1), hoursOn(hours, day))) day--;
  const windows: Interval[] = [];
  for (; day <= lastDay; day++) {
    for (const [startMinute, endMinute] of hoursOn(hours, day)) {
      const startMs = clock.wallToInstant(day, startMinute);
      const endMs =
        endMinute === END_OF_DAY_MINUTE ? clock.startOfDay(day + 1) : clock.wallToInstant(day, endMinute);
      // A range lying wholly inside a spring-forward gap shrinks to nothing; it has no real time.
      if (endMs > startMs) windows.push({ startMs, endMs });
    }
  }
  return mergeIntervals(windows);
}

function joinsAtMidnight(previousDay: MinuteRange[], day: MinuteRange[]): boolean {
  return previousDay.some(([, end]) => end === END_OF_DAY_MINUTE) && day.some(([start]) => start === 0);
}

function toMinuteRanges(ranges: HoursRange[]): MinuteRange[] {
  const result: MinuteRange[] = [];
  if (!Array.isArray(ranges)) return result;
  for (const range of ranges) {
    if (!Array.isArray(range)) continue;
    const startMinute = parseWallTime(range[0], false);
    const endMinute = parseWallTime(range[1], true);
    if (startMinute !== null && endMinute !== null && startMinute < endMinute) {
      result.push([startMinute, endMinute]);
    }
  }
  return result;
}
