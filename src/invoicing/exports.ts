// The accountant's CSV for a year: one row per issued invoice, credit note and payment received.
// Its conventions have not changed since the first export, so existing import templates keep
// working: RFC 4180 (comma separator, CRLF lines, UTF-8), amounts in euros as plain numbers with a
// decimal point, credit notes negative. New columns are only ever appended. The ZIP around it (PDFs,
// CII and UBL XML, a README that restates all this for the accountant) is export-zip.ts.
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { csvAmount, csvLine } from "./csv.ts";
import { VAT_COLUMNS, vatCells } from "./export-vat-columns.ts";
import { getInvoice, type InvoiceWithCredits, issuedInYear } from "./invoice-store.ts";
import { paymentPosition } from "./invoice-view.ts";
import { paymentsOfYear } from "./payments.ts";
import { storedDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";

export const CSV_COLUMNS = [
  "record",
  "number",
  "date",
  "due_date",
  "client",
  "client_siren",
  "client_vat_number",
  "period_start",
  "period_end",
  "net_eur",
  "vat_eur",
  "gross_eur",
  "currency",
  "related_number",
  "payment_method",
  "payment_status",
  "balance_eur",
  "paid_eur",
  "vat_regime",
  ...VAT_COLUMNS,
];
const PAYMENT_PADDING = Array<null>(2 + VAT_COLUMNS.length).fill(null);

export async function invoicesCsv(
  deps: AppDeps,
  owner: CurrentOwner,
  year: number,
  today: string,
): Promise<string> {
  return yearCsv(deps, owner.id, year, await issuedInYear(deps.database, owner.id, year), today);
}

/** The CSV of `documents`, the year's issued documents, when the caller has already read them. */
export async function yearCsv(
  deps: AppDeps,
  ownerId: string,
  year: number,
  documents: readonly InvoiceWithCredits[],
  today: string,
): Promise<string> {
  const numbers = new Map(documents.map((d) => [d.id, d.number]));
  let out = csvLine(CSV_COLUMNS);
  for (const inv of documents) {
    const doc = storedDocument(inv.document);
    const sign: 1 | -1 = inv.type === "credit_note" ? -1 : 1;
    const position = paymentPosition(inv, today);
    out += csvLine([
      inv.type,
      inv.number,
      inv.issueDate,
      inv.dueDate,
      doc.buyer.name,
      doc.buyer.siren,
      doc.buyer.vatNumber,
      inv.periodStart,
      inv.periodEnd,
      csvAmount(sign * inv.netCents),
      csvAmount(sign * inv.vatCents),
      csvAmount(sign * inv.grossCents),
      "EUR",
      doc.precedingInvoice?.number,
      null,
      position.paymentStatus,
      position.balanceCents === null ? null : csvAmount(position.balanceCents),
      inv.type === "invoice" ? csvAmount(position.paidCents) : null,
      doc.vatMode,
      ...vatCells(computeTotals(doc.lines, doc.vatMode).vatBreakdown, sign),
    ]);
  }
  for (const p of await paymentsOfYear(deps.database, ownerId, year)) {
    // A payment received this year may settle an invoice of last year: name it all the same.
    const number =
      numbers.get(p.invoiceId) ?? (await getInvoice(deps.database, ownerId, p.invoiceId))?.number ?? null;
    out += csvLine([
      "payment",
      null,
      p.date,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      csvAmount(p.amountCents),
      "EUR",
      number,
      p.method,
      null,
      null,
      ...PAYMENT_PADDING,
    ]);
  }
  return out;
}
