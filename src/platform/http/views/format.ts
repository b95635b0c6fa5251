// Dates for people: in the viewer's zone and language.
import type { Locale } from "../../i18n.ts";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions, key: string) {
  const id = `${locale}|${timeZone}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone, ...options });
    cache.set(id, f);
  }
  return f;
}

export function formatDateTime(ms: number, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: "medium", timeStyle: "short" }, "dt").format(ms);
}

export function formatDate(ms: number, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: "full" }, "d").format(ms);
}

export function formatTime(ms: number, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { timeStyle: "short" }, "t").format(ms);
}
