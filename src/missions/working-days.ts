import type { HolidayOptions } from "./french-holidays.ts";
import { publicHolidayDates } from "./french-holidays.ts";
import { parsePlainDate, parsePlainYearMonth } from "./plain-date.ts";

// The activity report (CRA): the days worked on a mission in one month, whole or half days.
// Weekends and public holidays are allowed — freelancers do work them — but reported back by
// unusualActivityDays so the screen can ask "really?".

export type DayFraction = 1 | 0.5;

export interface ActivityDay {
  date: string;
  fraction: DayFraction;
}

export interface ActivityError {
  path: string;
  message: string;
}

export interface MissionDates {
  start: string;
  end?: string;
}

/** The days a report starts from: weekdays of the month, within the mission, minus holidays and days off. */
export function prefillActivityDays(
  month: string,
  ownerDaysOff: readonly string[],
  missionStart: string,
  missionEnd?: string,
  options: HolidayOptions = {},
): ActivityDay[] {
  const yearMonth = parsePlainYearMonth(month);
  if (!yearMonth) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  if (!parsePlainDate(missionStart)) throw new RangeError(`Not a YYYY-MM-DD date: ${missionStart}`);
  if (missionEnd !== undefined && !parsePlainDate(missionEnd))
    throw new RangeError(`Not a YYYY-MM-DD date: ${missionEnd}`);
  const holidays = publicHolidayDates(yearMonth.year, yearMonth.year, options);
  const daysOff = new Set(ownerDaysOff);
  const days: ActivityDay[] = [];
  for (let day = 1; day <= yearMonth.daysInMonth; day++) {
    const date = yearMonth.toPlainDate({ day });
    const iso = date.toString();
    if (date.dayOfWeek > 5 || holidays.has(iso) || daysOff.has(iso)) continue;
    if (iso < missionStart || (missionEnd !== undefined && iso > missionEnd)) continue;
    days.push({ date: iso, fraction: 1 });
  }
  return days;
}

/** Every problem with a submitted report, with API-style paths ("days[3].fraction"). */
export function validateActivityDays(
  month: string,
  days: readonly { date: string; fraction: number }[],
  mission?: MissionDates,
): ActivityError[] {
  const yearMonth = parsePlainYearMonth(month);
  if (!yearMonth) return [{ path: "month", message: "The month must be written YYYY-MM" }];
  const errors: ActivityError[] = [];
  const seen = new Set<string>();
  days.forEach((day, index) => {
    const at = (field: string) => `days[${index}].${field}`;
    if (day.fraction !== 1 && day.fraction !== 0.5) {
      errors.push({ path: at("fraction"), message: "A day counts as 1 or 0.5" });
    }
    const date = parsePlainDate(day.date);
    if (!date) {
      errors.push({ path: at("date"), message: "Not a valid YYYY-MM-DD date" });
      return;
    }
    if (date.year !== yearMonth.year || date.month !== yearMonth.month) {
      errors.push({ path: at("date"), message: `${day.date} is outside ${month}` });
    } else if (mission && day.date < mission.start) {
      errors.push({
        path: at("date"),
        message: `${day.date} is before the mission starts (${mission.start})`,
      });
    } else if (mission?.end !== undefined && day.date > mission.end) {
      errors.push({ path: at("date"), message: `${day.date} is after the mission ends (${mission.end})` });
    }
    if (seen.has(day.date)) errors.push({ path: at("date"), message: `${day.date} appears twice` });
    seen.add(day.date);
  });
  return errors;
}

export interface UnusualDay {
  date: string;
  reason: "weekend" | "public-holiday";
}

/** Days worked on a weekend or public holiday: accepted, but worth a second look. */
export function unusualActivityDays(
  days: readonly { date: string }[],
  options: HolidayOptions = {},
): UnusualDay[] {
  const unusual: UnusualDay[] = [];
  for (const { date } of days) {
    const parsed = parsePlainDate(date);
    if (!parsed) continue;
    if (parsed.dayOfWeek > 5) unusual.push({ date, reason: "weekend" });
    else if (publicHolidayDates(parsed.year, parsed.year, options).has(date)) {
      unusual.push({ date, reason: "public-holiday" });
    }
  }
  return unusual;
}

/** Total days worked; exact, since halves and wholes add up without float error. */
export function sumDays(days: readonly { fraction: number }[]): number {
  return days.reduce((total, day) => total + day.fraction, 0);
}
