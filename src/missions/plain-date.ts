import { Temporal } from "temporal-polyfill";

/** Strict YYYY-MM-DD (no time, no offset, no week dates); undefined when it is not a real date. */
export function parsePlainDate(value: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    return undefined;
  }
}

/** Strict YYYY-MM; undefined when the month does not exist. */
export function parsePlainYearMonth(value: string): Temporal.PlainYearMonth | undefined {
  if (!/^\d{4}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainYearMonth.from(value, { overflow: "reject" });
  } catch {
    return undefined;
  }
}

/** The calendar date at an instant in a zone: "today" for the owner, whatever the server's zone. */
export function dateInZone(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** First and last day of a YYYY-MM month. */
export function monthBounds(month: string): { start: string; end: string } {
  const yearMonth = parsePlainYearMonth(month);
  if (!yearMonth) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return {
    start: yearMonth.toPlainDate({ day: 1 }).toString(),
    end: yearMonth.toPlainDate({ day: yearMonth.daysInMonth }).toString(),
  };
}

/** Every YYYY-MM from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let cursor = Temporal.PlainYearMonth.from(from.slice(0, 7));
  const last = Temporal.PlainYearMonth.from(to.slice(0, 7));
  while (Temporal.PlainYearMonth.compare(cursor, last) <= 0) {
    months.push(cursor.toString());
    cursor = cursor.add({ months: 1 });
  }
  return months;
}
