import type { FieldError, InvoiceLineInput, VatCategory, VatMode } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";
import { vatTreatment } from "./vat.ts";

export interface LineTotal {
  netCents: number;
  vatCategory: VatCategory;
  vatRatePercent: number;
}

export interface VatBreakdownEntry {
  category: VatCategory;
  ratePercent: number;
  basisCents: number;
  vatCents: number;
  exemptionReason?: string;
  exemptionReasonCode?: string;
}

export interface InvoiceTotals {
  lines: LineTotal[];
  vatBreakdown: VatBreakdownEntry[];
  netCents: number;
  vatCents: number;
  grossCents: number;
}

// Quantities are kept in thousandths and rates in hundredths of a percent so every product is an
// exact integer; floats only ever see the final division, which lands on .5 exactly or not at all.
const QUANTITY_SCALE = 1000;
const RATE_SCALE = 100;
// Bounds that keep quantity × price within exact integer range (10⁷ × 10⁸ < 2⁵³).
const MAX_QUANTITY = 10_000;
const MAX_UNIT_PRICE_CENTS = 100_000_000;

/**
 * EN 16931 arithmetic: line net = quantity × unit price rounded to the cent (BT-131); per VAT
 * category and rate, the VAT is computed once on the sum of line nets and rounded once (BT-117);
 * header sums are plain sums of those rounded figures (BR-CO-10, -13, -14, -15), so they always agree.
 * Rounding is half-up; every amount is non-negative because credit notes carry positive amounts.
 */
export function computeTotals(lines: readonly InvoiceLineInput[], vatMode: VatMode): InvoiceTotals {
  const errors = validateLines(lines, vatMode);
  if (errors.length > 0) throw new InvoiceInputError(errors);
  const treatment = vatTreatment(vatMode);

  const lineTotals = lines.map((line): LineTotal => {
    const quantityMilli = Math.round(line.quantity * QUANTITY_SCALE);
    return {
      netCents: divideRoundingHalfUp(quantityMilli * line.unitPriceCents, QUANTITY_SCALE),
      vatCategory: treatment.category,
      vatRatePercent: treatment.category === "S" ? line.vatRate : 0,
    };
  });

  const groups = new Map<string, VatBreakdownEntry>();
  for (const line of lineTotals) {
    const key = `${line.vatCategory}:${line.vatRatePercent}`;
    const group = groups.get(key) ?? {
      category: line.vatCategory,
      ratePercent: line.vatRatePercent,
      basisCents: 0,
      vatCents: 0,
      ...(treatment.exemptionReason ? { exemptionReason: treatment.exemptionReason } : {}),
      ...(treatment.exemptionReasonCode ? { exemptionReasonCode: treatment.exemptionReasonCode } : {}),
    };
    group.basisCents += line.netCents;
    groups.set(key, group);
  }
  const vatBreakdown = [...groups.values()].map((group) => ({
    ...group,
    vatCents: divideRoundingHalfUp(
      group.basisCents * Math.round(group.ratePercent * RATE_SCALE),
      100 * RATE_SCALE,
    ),
  }));

  const netCents = sum(lineTotals.map((l) => l.netCents));
  const vatCents = sum(vatBreakdown.map((g) => g.vatCents));
  return { lines: lineTotals, vatBreakdown, netCents, vatCents, grossCents: netCents + vatCents };
}

/** Every problem with the lines at once, with API-style paths ("lines[2].quantity"). */
export function validateLines(lines: readonly InvoiceLineInput[], vatMode: VatMode): FieldError[] {
  const errors: FieldError[] = [];
  if (lines.length === 0) errors.push({ path: "lines", message: "An invoice needs at least one line" });
  lines.forEach((line, index) => {
    const at = (field: string) => `lines[${index}].${field}`;
    if (line.description.trim() === "")
      errors.push({ path: at("description"), message: "Describe the service" });
    errors.push(...quantityErrors(line, at("quantity")));
    if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents <= 0) {
      errors.push({
        path: at("unitPriceCents"),
        message: "The unit price must be a positive whole number of cents",
      });
    } else if (line.unitPriceCents > MAX_UNIT_PRICE_CENTS) {
      errors.push({ path: at("unitPriceCents"), message: "The unit price cannot exceed 1 000 000 €" });
    }
    if (vatMode === "standard" && !isValidStandardRate(line.vatRate)) {
      errors.push({
        path: at("vatRate"),
        message: "A VAT rate must be above 0 and at most 100, with two decimals at most",
      });
    }
  });
  return errors;
}

function quantityErrors(line: InvoiceLineInput, path: string): FieldError[] {
  const q = line.quantity;
  if (!Number.isFinite(q) || q <= 0) return [{ path, message: "The quantity must be a positive number" }];
  if (!hasAtMostDecimals(q, 3)) return [{ path, message: "The quantity has more than three decimals" }];
  if ((line.unit ?? "DAY") === "DAY" && !Number.isInteger(q * 2)) {
    return [{ path, message: "Days are counted in halves (0.5, 1, 1.5…)" }];
  }
  if (q > MAX_QUANTITY) return [{ path, message: `The quantity cannot exceed ${MAX_QUANTITY}` }];
  return [];
}

function isValidStandardRate(rate: number): boolean {
  return Number.isFinite(rate) && rate > 0 && rate <= 100 && hasAtMostDecimals(rate, 2);
}

function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function divideRoundingHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator)) throw new RangeError("Amount too large to compute exactly");
  return Math.floor((numerator + denominator / 2) / denominator);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
