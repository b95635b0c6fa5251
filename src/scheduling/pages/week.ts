// The Monday-to-Sunday week the slot picker shows, in the visitor's zone, kept between today and the horizon.
import { Temporal } from "temporal-polyfill";

export interface WeekWindow {
  monday: string;
  sunday: string;
  previous?: string;
  next?: string;
}

function parseDate(value: string | undefined): Temporal.PlainDate | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    return null;
  }
}

const mondayOf = (d: Temporal.PlainDate) => d.subtract({ days: d.dayOfWeek - 1 });

/** `requested` is any date of the wanted week (junk means this week); `today` and `lastDate` are YYYY-MM-DD. */
export function weekWindow(requested: string | undefined, today: string, lastDate: string): WeekWindow {
  const first = mondayOf(Temporal.PlainDate.from(today));
  const last = mondayOf(Temporal.PlainDate.from(lastDate));
  const wanted = parseDate(requested);
  let monday = wanted ? mondayOf(wanted) : first;
  if (Temporal.PlainDate.compare(monday, first) < 0) monday = first;
  if (Temporal.PlainDate.compare(monday, last) > 0) monday = last;
  const previous = monday.subtract({ days: 7 });
  const next = monday.add({ days: 7 });
  return {
    monday: monday.toString(),
    sunday: monday.add({ days: 6 }).toString(),
    ...(Temporal.PlainDate.compare(previous, first) >= 0 ? { previous: previous.toString() } : {}),
    ...(Temporal.PlainDate.compare(next, last) <= 0 ? { next: next.toString() } : {}),
  };
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
