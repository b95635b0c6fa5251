// Amounts typed by a person in a form ("600", "1 250,50", "1250.5 €") to integer cents.

/** undefined when it is not an amount with at most two decimals. */
export function parseEurosToCents(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d{1,9}(?:\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [units = "0", fraction = ""] = cleaned.split(".");
  return Number(units) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 60050 → "600.50", the value a form field shows back. */
export function centsToInput(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
