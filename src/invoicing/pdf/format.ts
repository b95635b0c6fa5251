import type { QuantityUnit } from "../invoice-model.ts";
import type { PdfLabels, PdfLocale } from "./labels.ts";

// Numbers as the page prints them. Like money.ts, by hand rather than Intl, so the text (and the
// font subset it needs) cannot change with the ICU build of the runtime.

const NO_BREAK_SPACE = "\u00a0";

/** 0.5 → "0,5" (fr) or "0.5" (en); at most three decimals, as the totals allow. */
export function formatDecimal(value: number, locale: PdfLocale): string {
  const text = String(Math.round(value * 1000) / 1000);
  return locale === "fr" ? text.replace(".", ",") : text;
}

/** 20 → "20 %" (fr, no-break space) or "20%" (en); 5.5 → "5,5 %". */
export function formatRate(ratePercent: number, locale: PdfLocale): string {
  const number = formatDecimal(Math.round(ratePercent * 100) / 100, locale);
  return locale === "fr" ? `${number}${NO_BREAK_SPACE}%` : `${number}%`;
}

/** 21 days → "21 j" / "21 days", 0.5 → "0,5 j" / "0.5 day", hours "7,25 h", pieces "2". */
export function formatQuantity(
  quantity: number,
  unit: QuantityUnit | undefined,
  locale: PdfLocale,
  labels: PdfLabels,
): string {
  const number = formatDecimal(quantity, locale);
  const kind = unit ?? "DAY";
  const suffix = kind === "DAY" ? labels.units.DAY(quantity > 1) : labels.units[kind]();
  return suffix ? `${number}${NO_BREAK_SPACE}${suffix}` : number;
}
