// The month as the dashboard's days grid shows it (every day, with weekends and holidays marked), and
// the grid's form fields back to report days. Pure.
import { publicHolidayDates } from "./french-holidays.ts";
import { parsePlainYearMonth } from "./plain-date.ts";

export interface GridDay {
  date: string;
  /** 1 Monday … 7 Sunday */
  dayOfWeek: number;
  holiday: boolean;
  dayOff: boolean;
  fraction: 0 | 0.5 | 1;
  /** outside the mission's dates: shown, not editable */
  outside: boolean;
}

export const DAY_FIELD_PREFIX = "d-";

export function monthGrid(
  month: string,
  days: readonly { date: string; fraction: number }[],
  mission: { start: string; end?: string },
  daysOff: readonly string[] = [],
): GridDay[] {
  const yearMonth = parsePlainYearMonth(month);
  if (!yearMonth) return [];
  const holidays = publicHolidayDates(yearMonth.year, yearMonth.year);
  const worked = new Map(days.map((d) => [d.date, d.fraction]));
  const off = new Set(daysOff);
  const grid: GridDay[] = [];
  for (let day = 1; day <= yearMonth.daysInMonth; day++) {
    const date = yearMonth.toPlainDate({ day });
    const iso = date.toString();
    const fraction = worked.get(iso);
    grid.push({
      date: iso,
      dayOfWeek: date.dayOfWeek,
      holiday: holidays.has(iso),
      dayOff: off.has(iso),
      fraction: fraction === 1 || fraction === 0.5 ? fraction : 0,
      outside: iso < mission.start || (mission.end !== undefined && iso > mission.end),
    });
  }
  return grid;
}

/** `d-2027-03-01=1`, `d-2027-03-02=0.5`, `d-…=0`: the days worked, in date order. */
export function daysFromForm(form: Record<string, string | string[]>): { date: string; fraction: number }[] {
  const days: { date: string; fraction: number }[] = [];
  for (const [key, raw] of Object.entries(form)) {
    if (!key.startsWith(DAY_FIELD_PREFIX)) continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    const fraction = Number(value);
    if (value === undefined || value === "" || fraction === 0) continue;
    days.push({
      date: key.slice(DAY_FIELD_PREFIX.length),
      fraction: Number.isFinite(fraction) ? fraction : Number.NaN,
    });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
