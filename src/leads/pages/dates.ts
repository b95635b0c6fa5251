// Short dates for tables and cards, in the viewer's zone and language.
import type { Locale } from "../../platform/i18n.ts";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      timeZone,
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export const shortDate = (ms: number, locale: Locale, timeZone: string): string =>
  formatter(locale, timeZone, false).format(ms);
export const shortDateTime = (ms: number, locale: Locale, timeZone: string): string =>
  formatter(locale, timeZone, true).format(ms);
