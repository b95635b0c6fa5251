import { Temporal } from "temporal-polyfill";

// Parsers for values a person types into a booking form. Each returns undefined when the text
// cannot be read unambiguously, so the caller can answer with a precise validation error.

// C0 and C1 control characters except tab, line feed and carriage return: they have no place in
// an answer, and some (NUL, ESC and terminal escapes) break logs, emails and PDFs.
const FORBIDDEN_CONTROL = /(?![\t\n\r])\p{Cc}/u;

export function hasForbiddenControlCharacters(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** Trims, turns CRLF/CR (what browsers submit from a textarea) into LF and composes accents (NFC). */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * Euros typed by a person → integer cents. Accepts "650", "650,50", "650.5", "650 €", "€650",
 * "1 250,50 €", "1.250,50", "1,250.50", "650 EUR", "650 € HT". A single separator followed by
 * exactly three digits is a thousands separator ("1.250" is 1 250 €, never 1,25 €: nobody
 * offers a daily rate of one euro twenty-five); more than two decimals is refused.
 */
export function parseEurosToCents(input: string): number | undefined {
  let text = input.replace(SPACES, " ").trim().toLowerCase();
  text = text.replace(/^€\s*/, "").replace(/\s*(?:€|eur|euros?)?(?:\s*ht)?$/, "");
  const compact = text.replace(/ /g, "");
  if (!/^\d[\d.,']*$/.test(compact) || /[.,']$/.test(compact)) return undefined;

  const lastSeparator = Math.max(compact.lastIndexOf(","), compact.lastIndexOf("."));
  let integerText = compact;
  let fractionText = "";
  if (lastSeparator >= 0) {
    const separator = compact.charAt(lastSeparator);
    const tail = compact.slice(lastSeparator + 1);
    const sameSeparatorCount = compact.split(separator).length - 1;
    const mixed = compact.includes(separator === "," ? "." : ",");
    const isDecimal = mixed || (sameSeparatorCount === 1 && tail.length !== 3);
    if (isDecimal) {
      integerText = compact.slice(0, lastSeparator);
      fractionText = tail;
    }
  }
  const groups = integerText.split(/[.,']/);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || !/^[1-9]\d{0,2}$/.test(first) || rest.some((group) => !/^\d{3}$/.test(group))) {
      return undefined;
    }
  }
  if (!/^\d{0,2}$/.test(fractionText)) return undefined;
  const cents = Number(groups.join("")) * 100 + Number(fractionText.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** "3", "-2", "1,5", "1.5", "1 000" → number; anything else (including "", "1e3", "Infinity") → undefined. */
export function parseDecimal(input: string): number | undefined {
  const compact = input.replace(SPACES, "");
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(compact)) return undefined;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

const TRUE_WORDS = new Set(["true", "on", "yes", "y", "1", "oui", "o"]);
const FALSE_WORDS = new Set(["false", "off", "no", "n", "0", "non"]);

export function parseBoolean(input: string): boolean | undefined {
  const word = input.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused, not rolled over). */
export function isIsoDate(input: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return false;
  try {
    Temporal.PlainDate.from(input, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by the
// confirmation email, not by a regex.
export function isEmail(input: string): boolean {
  if (input.length > 254) return false;
  const match = /^([^\s@]+)@([^\s@]+\.[^\s@.]+)$/.exec(input);
  return match !== null && (match[1]?.length ?? 0) <= 64 && !match[2]?.includes("..");
}

export function isHttpUrl(input: string): boolean {
  if (/\s/.test(input)) return false;
  try {
    const url = new URL(input);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Digits with the usual punctuation ("06 12 34 56 78", "+33 (0)6 12-34-56-78"), 6 to 20 digits. */
export function isPhoneNumber(input: string): boolean {
  if (!/^\+?[\d\s().\-/]+$/.test(input)) return false;
  const digits = input.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 20;
}
