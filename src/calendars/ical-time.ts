// ical.js times → UTC instants. TZIDs are read as IANA names first (Windows names mapped), then through
// the file's own VTIMEZONE, and a time with neither is floating: read in the owner's zone. Pure.
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { ianaZoneFor } from "./zone-names.ts";

type Time = InstanceType<typeof ICAL.Time>;

export function plainDateOf(t: Time): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

function plainDateTimeOf(t: Time): Temporal.PlainDateTime {
  return new Temporal.PlainDateTime(t.year, t.month, t.day, t.hour, t.minute, Math.min(t.second, 59));
}

function isUtc(t: Time): boolean {
  return t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === "UTC";
}

/** A VTIMEZONE-backed zone (not UTC, not "floating", not the host's local zone). */
function embeddedZone(t: Time): InstanceType<typeof ICAL.Timezone> | null {
  const zone = t.zone;
  if (!zone || zone === ICAL.Timezone.localTimezone || zone.tzid === "floating") return null;
  return zone;
}

/** The instant a wall-clock time names; DST gaps and overlaps resolve like RFC 5545 says ("compatible"). */
export function instantOf(t: Time, tzid: string | null, ownerTimeZone: string): number {
  if (isUtc(t)) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, Math.min(t.second, 59));
  const iana = ianaZoneFor(tzid);
  if (iana)
    return plainDateTimeOf(t).toZonedDateTime(iana, { disambiguation: "compatible" }).epochMilliseconds;
  const embedded = tzid ? embeddedZone(t) : null;
  if (embedded) {
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, Math.min(t.second, 59));
    return wall - embedded.utcOffset(t) * 1000;
  }
  return plainDateTimeOf(t).toZonedDateTime(ownerTimeZone, { disambiguation: "compatible" })
    .epochMilliseconds;
}

/** The same wall clock moved by `seconds` (DST-aware when converted), keeping the time's zone. */
export function shiftedWallClock(t: Time, seconds: number): Time {
  const moved = plainDateTimeOf(t).add({ seconds });
  const copy = t.clone();
  copy.resetTo(moved.year, moved.month, moved.day, moved.hour, moved.minute, moved.second, t.zone);
  return copy;
}

/** Seconds between two wall clocks, ignoring zones (the nominal length of a recurring event). */
export function wallClockSeconds(from: Time, to: Time): number {
  const a = Date.UTC(from.year, from.month - 1, from.day, from.hour, from.minute, from.second);
  const b = Date.UTC(to.year, to.month - 1, to.day, to.hour, to.minute, to.second);
  return (b - a) / 1000;
}

export function daysBetween(fromDate: string, toDate: string): number {
  return Temporal.PlainDate.from(fromDate).until(Temporal.PlainDate.from(toDate), { largestUnit: "days" })
    .days;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
