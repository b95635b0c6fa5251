import { Temporal } from "temporal-polyfill";

export interface PublicHoliday {
  date: string;
  name: { fr: string; en: string };
}

export interface HolidayOptions {
  /** Alsace and Moselle keep two more days off: Good Friday and St Stephen's Day (26 Dec). */
  alsaceMoselle?: boolean;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Temporal.PlainDate {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`No Gregorian Easter for year ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

/** The eleven French public holidays (jours fériés, art. L3133-1 C. trav.) of a year, in date order. */
export function frenchPublicHolidays(year: number, options: HolidayOptions = {}): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const holidays: [Temporal.PlainDate, string, string][] = [
    [fixed(1, 1), "Jour de l'an", "New Year's Day"],
    [easter.add({ days: 1 }), "Lundi de Pâques", "Easter Monday"],
    [fixed(5, 1), "Fête du Travail", "Labour Day"],
    [fixed(5, 8), "Victoire 1945", "Victory in Europe Day"],
    [easter.add({ days: 39 }), "Ascension", "Ascension Day"],
    [easter.add({ days: 50 }), "Lundi de Pentecôte", "Whit Monday"],
    [fixed(7, 14), "Fête nationale", "Bastille Day"],
    [fixed(8, 15), "Assomption", "Assumption Day"],
    [fixed(11, 1), "Toussaint", "All Saints' Day"],
    [fixed(11, 11), "Armistice 1918", "Armistice Day"],
    [fixed(12, 25), "Noël", "Christmas Day"],
  ];
  if (options.alsaceMoselle) {
    holidays.push(
      [easter.subtract({ days: 2 }), "Vendredi saint", "Good Friday"],
      [fixed(12, 26), "Saint-Étienne", "St Stephen's Day"],
    );
  }
  return holidays
    .map(([date, fr, en]) => ({ date: date.toString(), name: { fr, en } }))
    .sort((x, y) => x.date.localeCompare(y.date));
}

/** Holidays as a set of ISO dates covering every year in [fromYear, toYear]. */
export function publicHolidayDates(
  fromYear: number,
  toYear: number,
  options: HolidayOptions = {},
): Set<string> {
  const dates = new Set<string>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of frenchPublicHolidays(year, options)) dates.add(holiday.date);
  }
  return dates;
}
