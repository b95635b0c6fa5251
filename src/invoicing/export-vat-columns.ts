// The VAT breakdown of one document as fixed CSV columns, so that every year's export has the same
// header and an accountant's import template keeps working: one net/VAT pair per French rate, one
// pair for any other rate (its rates listed beside it), and the net invoiced without French VAT
// (franchise, reverse charge, outside the scope), whose reason is the vat_regime column.
import { csvAmount } from "./csv.ts";
import type { VatBreakdownEntry } from "./totals.ts";

const FRENCH_RATES = [20, 10, 5.5, 2.1] as const;

/** "20" → net_20_eur, vat_20_eur; "5.5" → net_5_5_eur, vat_5_5_eur. */
const rateKey = (rate: number) => String(rate).replace(".", "_");

export const VAT_COLUMNS = [
  ...FRENCH_RATES.flatMap((rate) => [`net_${rateKey(rate)}_eur`, `vat_${rateKey(rate)}_eur`]),
  "net_other_rate_eur",
  "vat_other_rate_eur",
  "other_vat_rates",
  "net_no_vat_eur",
];

type Cell = number | string | null;

/** Cells in VAT_COLUMNS order; `sign` is -1 for a credit note. A rate not used is an empty cell. */
export function vatCells(breakdown: readonly VatBreakdownEntry[], sign: 1 | -1): Cell[] {
  const byRate = new Map<number, { net: number; vat: number }>();
  let otherNet = 0;
  let otherVat = 0;
  const otherRates: number[] = [];
  let noVatNet = 0;
  let anyNoVat = false;
  for (const entry of breakdown) {
    if (entry.category !== "S") {
      noVatNet += entry.basisCents;
      anyNoVat = true;
    } else if ((FRENCH_RATES as readonly number[]).includes(entry.ratePercent)) {
      const sum = byRate.get(entry.ratePercent) ?? { net: 0, vat: 0 };
      byRate.set(entry.ratePercent, { net: sum.net + entry.basisCents, vat: sum.vat + entry.vatCents });
    } else {
      otherNet += entry.basisCents;
      otherVat += entry.vatCents;
      otherRates.push(entry.ratePercent);
    }
  }
  const amount = (cents: number) => csvAmount(sign * cents);
  return [
    ...FRENCH_RATES.flatMap((rate) => {
      const sum = byRate.get(rate);
      return sum ? [amount(sum.net), amount(sum.vat)] : [null, null];
    }),
    otherRates.length > 0 ? amount(otherNet) : null,
    otherRates.length > 0 ? amount(otherVat) : null,
    // "8.5 1.05": spaces, so the cell needs no quoting whatever the separator.
    otherRates.length > 0 ? otherRates.sort((a, b) => b - a).join(" ") : null,
    anyNoVat ? amount(noVatNet) : null,
  ];
}
