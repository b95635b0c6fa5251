// Turns whatever a calendar writes as TZID into an IANA zone, or null when only its VTIMEZONE can tell. Pure.
import { WINDOWS_ZONES } from "./windows-zones.ts";

const valid = new Map<string, boolean>();
const windowsByLowerName = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));

export function isIanaZone(name: string): boolean {
  let ok = valid.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    valid.set(name, ok);
  }
  return ok;
}

// "/mozilla.org/20050126_1/Europe/Paris", "/softwarestudio.org/Olson_20011030_5/America/New_York"
const PREFIXED_OLSON = /\/((?:[A-Za-z_-]+\/)?[A-Za-z_-]+\/[A-Za-z0-9_+-]+)$/;

export function ianaZoneFor(tzid: string | null | undefined): string | null {
  if (!tzid) return null;
  const name = tzid.trim().replace(/^"(.*)"$/, "$1");
  if (!name) return null;
  // Bare offsets ("+01:00") are valid for Intl but are not zones a calendar means; VTIMEZONE decides those.
  if (/^[A-Za-z]/.test(name) && isIanaZone(name)) return name;
  const windows = windowsByLowerName.get(name.toLowerCase());
  if (windows) return windows;
  const olson = PREFIXED_OLSON.exec(name)?.[1];
  if (olson && isIanaZone(olson)) return olson;
  return null;
}
