import { formatEuros as formatInvoiceEuros } from "../invoicing/money.ts";

// Amounts in triage messages are written exactly as on invoices (no-break spaces, fixed by hand
// rather than by Intl), except that whole amounts drop the cents: "650 €", "1 250,50 €", "€650".
export function formatEuros(cents: number, locale: "fr" | "en"): string {
  return formatInvoiceEuros(cents, locale, { dropZeroCents: true });
}
