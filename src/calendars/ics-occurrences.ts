// The occurrences of one VEVENT: its DTSTART, its RRULE/RDATE instances minus EXDATEs, each as UTC instants.
// Iteration is bounded by a step budget shared by the whole file. Pure.
import ICAL from "ical.js";
import { allDayBounds } from "./busy-rules.ts";
import {
  addDays,
  daysBetween,
  instantOf,
  plainDateOf,
  shiftedWallClock,
  wallClockSeconds,
} from "./ical-time.ts";

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Property = InstanceType<typeof ICAL.Property>;

export interface Occurrence {
  /** "d:YYYY-MM-DD" for all-day occurrences, "t:<epoch ms>" for timed ones: what RECURRENCE-ID refers to */
  key: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
}

interface Context {
  window: { startMs: number; endMs: number };
  ownerTimeZone: string;
}

const DAY_MS = 86_400_000;
// No single rule may take more than this many steps, whatever budget is left for the file.
const MAX_STEPS_PER_RULE = 50_000;

function tzidOf(property: Property): string | null {
  const tzid = property.getFirstParameter("tzid");
  return typeof tzid === "string" && tzid ? tzid : null;
}

function wallMs(t: Time): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** The occurrence key a RECURRENCE-ID (or EXDATE) value points at. */
export function occurrenceKey(event: Component, name: string, ownerTimeZone: string): string | null {
  const property = event.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (!property || !(value instanceof ICAL.Time)) return null;
  return value.isDate ? `d:${plainDateOf(value)}` : `t:${instantOf(value, tzidOf(property), ownerTimeZone)}`;
}

/** How an occurrence ends, worked out once from DTSTART, DTEND or DURATION. */
function lengthRule(event: Component, start: Time, startTzid: string | null, ctx: Context) {
  const endProperty = event.getFirstProperty("dtend");
  const end = endProperty?.getFirstValue();
  const duration = event.getFirstPropertyValue("duration");
  const durationSeconds = duration instanceof ICAL.Duration ? Math.max(0, duration.toSeconds()) : null;
  if (start.isDate) {
    let days = 1;
    if (end instanceof ICAL.Time) days = daysBetween(plainDateOf(start), plainDateOf(end));
    else if (durationSeconds !== null) days = Math.round(durationSeconds / 86_400);
    return { days: Math.max(1, days), nominalSeconds: null, exactMs: 0 };
  }
  if (end instanceof ICAL.Time && endProperty) {
    const endTzid = tzidOf(endProperty);
    if (endTzid === startTzid && !end.isDate)
      return { days: 0, nominalSeconds: Math.max(0, wallClockSeconds(start, end)), exactMs: 0 };
    const exactMs =
      instantOf(end, endTzid, ctx.ownerTimeZone) - instantOf(start, startTzid, ctx.ownerTimeZone);
    return { days: 0, nominalSeconds: null, exactMs: Math.max(0, exactMs) };
  }
  return { days: 0, nominalSeconds: null, exactMs: (durationSeconds ?? 0) * 1000 };
}

function exclusions(event: Component, ownerTimeZone: string) {
  const keys = new Set<string>();
  const dates = new Set<string>();
  for (const property of event.getAllProperties("exdate")) {
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time)) continue;
      if (value.isDate) dates.add(plainDateOf(value));
      else keys.add(`t:${instantOf(value, tzidOf(property), ownerTimeZone)}`);
    }
  }
  // A DATE-valued EXDATE removes that whole local date, for all-day and timed occurrences alike.
  return (occurrence: Occurrence, start: Time) => keys.has(occurrence.key) || dates.has(plainDateOf(start));
}

export function* eventOccurrences(
  event: Component,
  ctx: Context,
  budget: { remaining: number },
  options: { single?: boolean } = {},
): Generator<Occurrence> {
  const startProperty = event.getFirstProperty("dtstart");
  const start = startProperty?.getFirstValue();
  if (!startProperty || !(start instanceof ICAL.Time)) throw new Error("VEVENT without a DTSTART");
  const startTzid = tzidOf(startProperty);
  const length = lengthRule(event, start, startTzid, ctx);

  const occurrence = (at: Time): Occurrence => {
    if (at.isDate) {
      const date = plainDateOf(at);
      return {
        key: `d:${date}`,
        allDay: true,
        ...allDayBounds(date, addDays(date, length.days), ctx.ownerTimeZone),
      };
    }
    const startMs = instantOf(at, startTzid, ctx.ownerTimeZone);
    const endMs =
      length.nominalSeconds !== null
        ? instantOf(shiftedWallClock(at, length.nominalSeconds), startTzid, ctx.ownerTimeZone)
        : startMs + length.exactMs;
    return { key: `t:${startMs}`, allDay: false, startMs, endMs };
  };

  const rules = event.getAllProperties("rrule");
  const rdates = event.getAllProperties("rdate");
  if (options.single || (rules.length === 0 && rdates.length === 0)) {
    yield occurrence(start);
    return;
  }

  // Wall-clock bounds with two days of slack for any zone offset, widened by the event's own length.
  const spanMs = length.days * DAY_MS + (length.nominalSeconds ?? 0) * 1000 + length.exactMs;
  const earliest = ctx.window.startMs - 2 * DAY_MS - spanMs;
  const latest = ctx.window.endMs + 2 * DAY_MS;
  const excluded = exclusions(event, ctx.ownerTimeZone);
  const seen = new Set<string>();
  const accept = (at: Time): Occurrence | null => {
    const wall = wallMs(at);
    if (wall < earliest || wall > latest) return null;
    const o = occurrence(at);
    if (seen.has(o.key) || excluded(o, at)) return null;
    seen.add(o.key);
    return o;
  };

  for (const property of rules) {
    const rule = property.getFirstValue();
    if (!(rule instanceof ICAL.Recur)) continue;
    const iterator = rule.iterator(start);
    for (let steps = 0; steps < MAX_STEPS_PER_RULE && budget.remaining > 0; steps++) {
      budget.remaining--;
      const next = iterator.next();
      if (!next || wallMs(next) > latest) break;
      const o = accept(next);
      if (o) yield o;
    }
  }
  const first = accept(start);
  if (first) yield first;
  for (const property of rdates) {
    for (const value of property.getValues()) {
      const at = value instanceof ICAL.Period ? value.start : value;
      if (!(at instanceof ICAL.Time)) continue;
      const o = accept(at);
      if (o) yield o;
    }
  }
}
