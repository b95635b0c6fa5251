// French and English. A page speaks the owner's locale when we know the owner, else the browser's.
export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

/** Picks fr or en from an Accept-Language header, honouring q-values; French by default. */
export function localeFromAcceptLanguage(header: string | undefined | null, fallback: Locale = "fr"): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return fallback;
}

type Dict = Record<string, string>;

/**
 * Declares a feature's messages once per locale; English must have every French key (checked by the compiler).
 * `{name}` placeholders are filled by t(); a missing variable throws, so tests catch it before a client does.
 */
export function defineMessages<F extends Dict>(messages: { fr: F; en: { [K in keyof F]: string } }) {
  return (locale: Locale) => {
    const dict = messages[locale] as Dict;
    return (key: keyof F & string, vars?: Record<string, string | number>): string => {
      const template = dict[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = vars?.[name];
        if (value === undefined) throw new Error(`Message "${key}" needs variable "${name}"`);
        return String(value);
      });
    };
  };
}

export type Translator<F extends Dict> = (
  key: keyof F & string,
  vars?: Record<string, string | number>,
) => string;
