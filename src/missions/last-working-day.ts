// When the monthly activity report is due: the last working day of the month (no weekend, no French
// public holiday), from 09:00 in the owner's zone. Pure: the instant and the zone are passed in.
import { Temporal } from "temporal-polyfill";
import { type HolidayOptions, publicHolidayDates } from "./french-holidays.ts";
import { parsePlainYearMonth } from "./plain-date.ts";

/** The hour of the owner's day the report is prepared: the owner reads it during working hours. */
export const REPORT_HOUR = 9;
/** A scheduler that was down still prepares the month's report this many days after its moment. */
export const REPORT_CATCH_UP_DAYS = 10;

export function lastWorkingDay(month: string, options: HolidayOptions = {}): string {
  const yearMonth = parsePlainYearMonth(month);
  if (!yearMonth) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  const holidays = publicHolidayDates(yearMonth.year, yearMonth.year, options);
  for (let day = yearMonth.daysInMonth; day >= 1; day--) {
    const date = yearMonth.toPlainDate({ day });
    if (date.dayOfWeek <= 5 && !holidays.has(date.toString())) return date.toString();
  }
  throw new RangeError(`No working day in ${month}`);
}

/** The instant the month's report is due: its last working day at REPORT_HOUR, in the owner's zone. */
export function reportDueAt(month: string, timeZone: string): number {
  return Temporal.PlainDate.from(lastWorkingDay(month))
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour: REPORT_HOUR }) })
    .toInstant().epochMilliseconds;
}

/**
 * The months whose report should be under way at this instant: this month once its moment has come,
 * and last month while it is within the catch-up window (the scheduler was down on its last working day).
 */
export function reportMonthsDue(nowMs: number, timeZone: string): string[] {
  const current = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(timeZone).toPlainDate();
  const thisMonth = current.toPlainYearMonth();
  const months = [thisMonth.subtract({ months: 1 }).toString(), thisMonth.toString()];
  const window = REPORT_CATCH_UP_DAYS * 86_400_000;
  return months.filter((month) => {
    const due = reportDueAt(month, timeZone);
    return due <= nowMs && nowMs < due + window;
  });
}
