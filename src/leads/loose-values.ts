// Values as people type them in messages and spreadsheets: "650 €/j", "1 200,50", "6 mois", "1 an",
// "01/04/2027", "1er avril 2027", "full remote". Pure; `today` (YYYY-MM-DD) resolves a date without a year.
import { Temporal } from "temporal-polyfill";

/** "650", "650 €", "1 200,50 €", "€1,250.50", "650€/j" → cents; undefined when it is not an amount. */
export function parseMoneyCents(text: string): number | undefined {
  const cleaned = text
    .replace(/[€$]|eur(?:os?)?\b|ht\b|hors taxes?|\/\s*(?:j(?:our)?|d(?:ay)?)\b|par jour|per day|a day/gi, "")
    .replace(/[\s\u00a0\u202f']/g, "");
  if (!/^\d[\d.,]*$/.test(cleaned)) return undefined;
  // The last separator followed by exactly 1–2 digits is the decimal one; the others group thousands.
  const decimal = /[.,](\d{1,2})$/.exec(cleaned);
  const whole = (decimal ? cleaned.slice(0, -decimal[0].length) : cleaned).replace(/[.,]/g, "");
  if (!/^\d{1,9}$/.test(whole)) return undefined;
  const cents = Number(whole) * 100 + (decimal ? Number(decimal[1]!.padEnd(2, "0")) : 0);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

const WORD_NUMBERS: Record<string, number> = {
  un: 1,
  une: 1,
  one: 1,
  a: 1,
  deux: 2,
  two: 2,
  trois: 3,
  three: 3,
  six: 6,
  douze: 12,
  twelve: 12,
};

const DURATION =
  /(\d+(?:[.,]\d+)?|\b(?:un|une|one|a|deux|two|trois|three|six|douze|twelve)\b)\s*(?:(?:à|a|-|to|–)\s*\d+\s*)?(mois|months?|mo\b|ans?\b|années?|years?|yrs?\b|semaines?|weeks?)?/gi;

/**
 * "6", "6 mois", "6 months", "1 an", "un an", "18 mois", "3 à 6 mois" (the shorter bound) → months.
 * In prose (requireUnit), a number counts only with its unit: "2 developers" is not a duration.
 */
export function parseMonths(text: string, options: { requireUnit?: boolean } = {}): number | undefined {
  for (const match of text.trim().matchAll(DURATION)) {
    const raw = match[1]!.toLowerCase();
    const value = WORD_NUMBERS[raw] ?? Number(raw.replace(",", "."));
    const unit = (match[2] ?? "").toLowerCase();
    if (!Number.isFinite(value) || value <= 0) continue;
    if (!unit && (options.requireUnit || WORD_NUMBERS[raw] !== undefined)) continue;
    if (/^(an|ans|ann|year|yr)/.test(unit)) return value * 12;
    if (/^(semaine|week)/.test(unit)) return Math.round((value / 4.345) * 10) / 10;
    return value;
  }
  return undefined;
}

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  january: 1,
  jan: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  fev: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juin: 6,
  june: 6,
  jun: 6,
  juillet: 7,
  juil: 7,
  july: 7,
  jul: 7,
  août: 8,
  aout: 8,
  august: 8,
  aug: 8,
  septembre: 9,
  sept: 9,
  september: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  october: 10,
  novembre: 11,
  nov: 11,
  november: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  dec: 12,
  december: 12,
};
const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

function isoDate(year: number, month: number, day: number): string | undefined {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: "reject" }).toString();
  } catch {
    return undefined;
  }
}

/** A date without a year is the next one on or after today. */
function withYear(month: number, day: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const thisYear = isoDate(year, month, day);
  return thisYear && thisYear >= today ? thisYear : isoDate(year + 1, month, day);
}

/**
 * The first date in the text: 2027-04-01, 01/04/2027 (day first, as in France), "1er avril 2027",
 * "April 1, 2027", "15 avril", or a bare month ("en avril", "in April 2027") as its first day.
 */
export function parseLooseDate(text: string, today: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b/.exec(text);
  if (numeric) {
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return isoDate(year, Number(numeric[2]), Number(numeric[1]));
  }
  const dayMonth = new RegExp(
    `\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_NAME})\\.?(?:\\s+(\\d{4}))?`,
    "i",
  ).exec(text);
  const monthDay = new RegExp(
    `\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
    "i",
  ).exec(text);
  const found = dayMonth
    ? { day: Number(dayMonth[1]), month: MONTHS[dayMonth[2]!.toLowerCase()]!, year: dayMonth[3] }
    : monthDay
      ? { day: Number(monthDay[2]), month: MONTHS[monthDay[1]!.toLowerCase()]!, year: monthDay[3] }
      : undefined;
  if (found)
    return found.year
      ? isoDate(Number(found.year), found.month, found.day)
      : withYear(found.month, found.day, today);
  const monthOnly = new RegExp(
    `\\b(?:en|in|début|debut|early|from|à partir d'|dès)\\s+(${MONTH_NAME})\\b(?:\\s+(\\d{4}))?`,
    "i",
  ).exec(text);
  if (monthOnly) {
    const month = MONTHS[monthOnly[1]!.toLowerCase()]!;
    return monthOnly[2] ? isoDate(Number(monthOnly[2]), month, 1) : withYear(month, 1, today);
  }
  return undefined;
}

/** "full remote", "100 % télétravail" → remote; "hybride", "2 jours sur site" → hybrid; "sur site" → onsite. */
export function parseRemote(text: string): "remote" | "hybrid" | "onsite" | undefined {
  if (/pas de (?:télétravail|teletravail|remote)|no remote|not remote|aucun télétravail/i.test(text))
    return "onsite";
  if (
    /hybrid|hybride|\d\s*(?:j|jours?|days?)\s*(?:\/|par|per|a)?\s*(?:semaine|week)?\s*(?:de\s+)?(?:sur site|on[\s-]?site|au bureau|in the office|de télétravail|remote|tt)/i.test(
      text,
    )
  )
    return "hybrid";
  if (
    /full[\s-]?remote|fully remote|100\s*%\s*(?:remote|télétravail|teletravail)|télétravail (?:complet|total|intégral)|(?:^|\W)remote(?:\W|$)|(?:^|\W)télétravail(?:\W|$)/i.test(
      text,
    )
  )
    return "remote";
  if (/sur site|on[\s-]?site|présentiel|presentiel|in[\s-]office|(?:^|\W)onsite(?:\W|$)/i.test(text))
    return "onsite";
  return undefined;
}
