// The free times of one week for the slot picker, through the same computeSlots as GET …/slots.
// The availability (bookings, busy times) comes from an injected loader, so this file never touches the database.
import { isValidTimeZone } from "../../accounts/owner-input.ts";
import { type AvailabilityInput, computeSlots } from "../slots.ts";
import { MAX_RANGE_DAYS, rangeInstants } from "../slots-request.ts";
import { todayIn } from "../zoned-bounds.ts";
import type { PickerSlot } from "./slot-picker.ts";
import { addDays, type WeekWindow, weekWindow } from "./week.ts";

export function isValidZone(zone: string | undefined): zone is string {
  return !!zone && zone.length <= 64 && isValidTimeZone(zone);
}

export type AvailabilityLoader = (fromMs: number, toMs: number) => Promise<AvailabilityInput>;

export interface WeekSlots {
  week: WeekWindow;
  days: { date: string; slots: PickerSlot[] }[];
}

/** Without a requested week, opens on the first week that has a free time (a Friday visit often has none left). */
export async function weekSlots(
  load: AvailabilityLoader,
  rules: { timeZone: string; horizonDays: number },
  options: { timeZone: string; week?: string; nowMs: number },
): Promise<WeekSlots> {
  const today = todayIn(options.nowMs, options.timeZone);
  // The horizon ends on a date of the owner's zone, which may be a day later in the visitor's.
  const lastDate = addDays(todayIn(options.nowMs, rules.timeZone), rules.horizonDays + 1);
  const between = async (from: string, to: string) => {
    const { fromMs, toMs } = rangeInstants(from, to);
    return computeSlots({ ...(await load(fromMs, toMs)), from, to, visitorTimeZone: options.timeZone }).slots;
  };
  let week: WeekWindow;
  let slots: Record<string, { start: string }[]>;
  if (options.week) {
    week = weekWindow(options.week, today, lastDate);
    slots = await between(week.monday, week.sunday);
  } else {
    const to = addDays(today, MAX_RANGE_DAYS - 1) < lastDate ? addDays(today, MAX_RANGE_DAYS - 1) : lastDate;
    slots = await between(today, to);
    week = weekWindow(Object.keys(slots)[0], today, lastDate);
  }
  const days = Object.entries(slots)
    .filter(([date]) => date >= week.monday && date <= week.sunday)
    .map(([date, list]) => ({
      date,
      slots: list.map((s) => ({ start: s.start, startMs: Date.parse(s.start) })),
    }));
  return { week, days };
}
