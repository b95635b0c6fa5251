import { parsePlainDate } from "../missions/plain-date.ts";
import type { FieldError } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;
/** Art. L441-10 du Code de commerce: at most 60 days after the issue date between businesses. */
export const MAX_PAYMENT_TERMS_DAYS = 60;

/**
 * The due date printed on the invoice, as an actual calendar date (a French legal mention).
 * Calendar arithmetic on plain dates, so no time zone or DST can shift it by a day.
 */
export function dueDate(issueDate: string, termsDays: number = DEFAULT_PAYMENT_TERMS_DAYS): string {
  const errors = paymentTermsErrors(termsDays);
  const issued = parsePlainDate(issueDate);
  if (!issued) errors.push({ path: "issueDate", message: "The issue date must be a valid YYYY-MM-DD date" });
  if (errors.length > 0 || !issued) throw new InvoiceInputError(errors);
  return issued.add({ days: termsDays }).toString();
}

export function paymentTermsErrors(termsDays: number): FieldError[] {
  if (!Number.isInteger(termsDays) || termsDays < 0) {
    return [{ path: "paymentTermsDays", message: "Payment terms are a whole number of days, 0 or more" }];
  }
  if (termsDays > MAX_PAYMENT_TERMS_DAYS) {
    return [
      {
        path: "paymentTermsDays",
        message: `Payment terms cannot exceed ${MAX_PAYMENT_TERMS_DAYS} days after the issue date`,
      },
    ];
  }
  return [];
}
