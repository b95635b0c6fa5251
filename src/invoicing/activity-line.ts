import { sumDays } from "../missions/working-days.ts";
import { monthLabel } from "./date-text.ts";
import type { FieldError, InvoiceLineInput } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";

export interface ActivityLineInput {
  missionTitle: string;
  /** YYYY-MM */
  month: string;
  days: readonly { fraction: number }[];
  dailyRateCents: number;
  vatRate: number;
  locale: "fr" | "en";
}

/** The invoice line for a month of an activity report: days worked × daily rate. */
export function activityInvoiceLine(input: ActivityLineInput): InvoiceLineInput {
  const days = sumDays(input.days);
  const errors: FieldError[] = [];
  if (days <= 0) errors.push({ path: "days", message: "The activity report has no day worked" });
  if (!Number.isSafeInteger(input.dailyRateCents) || input.dailyRateCents <= 0) {
    errors.push({ path: "dailyRateCents", message: "The daily rate must be a positive number of cents" });
  }
  if (errors.length > 0) throw new InvoiceInputError(errors);
  return {
    description: `${input.missionTitle.trim()} — ${monthLabel(input.month, input.locale)}`,
    quantity: days,
    unitPriceCents: input.dailyRateCents,
    vatRate: input.vatRate,
    unit: "DAY",
  };
}
