// Calendar dates as epoch-day numbers (days since 1970-01-01). A date has no zone, so this is
// plain proleptic-Gregorian arithmetic; zones live in zone-clock.ts.
import type { Weekday } from "./slot-types.ts";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const WEEKDAYS_FROM_MONDAY: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" to its epoch day, or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const roundTrip = new Date(0);
  roundTrip.setUTCFullYear(year, month - 1, day);
  if (roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) return null;
  return roundTrip.getTime() / DAY_MS;
}

/** Epoch day to "YYYY-MM-DD" (years 0000–9999), by Howard Hinnant's civil-from-days arithmetic. */
export function formatIsoDate(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** 1970-01-01 was a Thursday, hence the +3 that makes Monday 0. */
export function weekdayIndex(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

export function weekdayOf(epochDay: number): Weekday {
  return WEEKDAYS_FROM_MONDAY[weekdayIndex(epochDay)]!;
}

export function mondayOf(epochDay: number): number {
  return epochDay - weekdayIndex(epochDay);
}

export const WEEKDAYS: readonly Weekday[] = WEEKDAYS_FROM_MONDAY;
