// Cents to text, by hand rather than Intl: the output must not change with the ICU version
// (fr-FR switched its group separator to U+202F, which many PDF fonts lack).

const NO_BREAK_SPACE = "\u00a0";

/** 123456 → "1234.56", the decimal form EN 16931 amounts use (always two places). */
export function centsToDecimal(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** 123456 → "1 234,56 €" (fr) or "€1,234.56" (en); whole amounts may drop the cents ("1 000 €"). */
export function formatEuros(
  cents: number,
  locale: "fr" | "en",
  options: { dropZeroCents?: boolean } = {},
): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const units = groupThousands(String(Math.trunc(abs / 100)), locale === "fr" ? NO_BREAK_SPACE : ",");
  const fraction = String(abs % 100).padStart(2, "0");
  const showCents = !(options.dropZeroCents && fraction === "00");
  if (locale === "fr") return `${sign}${units}${showCents ? `,${fraction}` : ""}${NO_BREAK_SPACE}€`;
  return `${sign}€${units}${showCents ? `.${fraction}` : ""}`;
}

/** 20 → "20", 5.5 → "5.5": the shortest exact form, as CII percentages are written. */
export function formatPercent(rate: number): string {
  return String(Math.round(rate * 100) / 100);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`Amount must be an integer number of cents: ${cents}`);
}
