// Which language a public page speaks: an explicit ?lang (kept across the steps) wins over the browser's.
import type { AppContext } from "../../platform/http/context.ts";
import { isLocale, type Locale, localeFromAcceptLanguage } from "../../platform/i18n.ts";

export function visitorLocale(
  lang: string | undefined,
  acceptLanguage: string | undefined,
  fallback?: Locale,
): Locale {
  if (isLocale(lang)) return lang;
  return fallback ?? localeFromAcceptLanguage(acceptLanguage);
}

/** The same path in the other language, for the language switch at the top of public pages. */
export function otherLanguageLink(path: string, query: Record<string, string>, locale: Locale) {
  const other: Locale = locale === "fr" ? "en" : "fr";
  const params = new URLSearchParams({ ...query, lang: other });
  return { href: `${path}?${params}`, lang: other, label: other === "fr" ? "Français" : "English" };
}

/** The visitor's language for this request; error pages thrown later speak it too. */
export function useLocale(c: AppContext, lang: string | undefined, fallback?: Locale): Locale {
  const locale = visitorLocale(lang, c.req.header("accept-language"), fallback);
  c.set("locale", locale);
  return locale;
}
