// Meeting times as a person reads them: in their own zone, with the zone named so nobody shows up an hour off.
import { formatDate, formatTime } from "../../platform/http/views/format.ts";
import type { Locale } from "../../platform/i18n.ts";
import { zoneClock } from "../zone-clock.ts";

const zoneNameCache = new Map<string, Intl.DateTimeFormat>();

function zoneNamePart(ms: number, locale: Locale, timeZone: string, style: "longGeneric" | "shortOffset") {
  const id = `${locale}|${timeZone}|${style}`;
  let formatter = zoneNameCache.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      timeZone,
      timeZoneName: style,
    });
    zoneNameCache.set(id, formatter);
  }
  return formatter.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** Labels by language, zone and offset in force: ICU takes about 50 µs to spell one, and every email has several. */
const labels = new Map<string, string>();
const MAX_LABELS = 2048;

/** "heure d’Europe centrale, UTC+2": the zone's usual name and the offset in force at that instant. */
export function zoneLabel(ms: number, locale: Locale, timeZone: string): string {
  const id = `${locale}|${timeZone}|${zoneClock(timeZone).offsetAt(ms)}`;
  let label = labels.get(id);
  if (label === undefined) {
    label = spellZone(ms, locale, timeZone);
    if (labels.size >= MAX_LABELS) labels.clear();
    labels.set(id, label);
  }
  return label;
}

function spellZone(ms: number, locale: Locale, timeZone: string): string {
  const offset = zoneNamePart(ms, locale, timeZone, "shortOffset")
    .replace(/^GMT/, "UTC")
    .replace(/^UTC\+0$/, "UTC");
  const generic = zoneNamePart(ms, locale, timeZone, "longGeneric");
  // Zones without a name of their own come back as a bare offset; saying it twice helps nobody.
  return /^(UTC|GMT)/.test(generic) ? offset : `${generic}, ${offset}`;
}

/** "lundi 29 mars 2027, 09:00–09:30 (heure de l’Est nord-américain, UTC−4)" */
export function formatWhen(startMs: number, endMs: number, locale: Locale, timeZone: string): string {
  const zone = zoneLabel(startMs, locale, timeZone);
  const start = formatTime(startMs, locale, timeZone);
  const end = formatTime(endMs, locale, timeZone);
  const startDate = formatDate(startMs, locale, timeZone);
  // The full date style names the year, so equal texts mean the same date in that zone.
  const endDate = formatDate(endMs, locale, timeZone);
  if (startDate === endDate) return `${startDate}, ${start}–${end} (${zone})`;
  return `${startDate}, ${start} – ${endDate}, ${end} (${zone})`;
}

const shortCache = new Map<string, Intl.DateTimeFormat>();

/** "lun. 29 mars, 09:00": short enough for a subject line. */
export function formatShortWhen(ms: number, locale: Locale, timeZone: string): string {
  const id = `${locale}|${timeZone}`;
  let formatter = shortCache.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    shortCache.set(id, formatter);
  }
  return formatter.format(ms);
}
