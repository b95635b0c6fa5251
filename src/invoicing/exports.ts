// What the accountant receives for a year: one CSV listing invoices, credit notes and payments, and a
// ZIP of every issued PDF (with the CSV inside). Amounts are euros with a dot; credit notes negative.
import { zipSync } from "fflate";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { csvAmount, csvLine } from "./csv.ts";
import { getInvoice, issuedInYear } from "./invoice-store.ts";
import { paymentPosition } from "./invoice-view.ts";
import { paymentsOfYear } from "./payments.ts";
import { invoicePdf } from "./pdf-port.ts";
import { storedDocument } from "./stored-document.ts";

const HEADER = [
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
];

export async function invoicesCsv(
  deps: AppDeps,
  owner: CurrentOwner,
  year: number,
  today: string,
): Promise<string> {
  const documents = await issuedInYear(deps.database, owner.id, year);
  const numbers = new Map(documents.map((d) => [d.id, d.number]));
  let out = csvLine(HEADER);
  for (const inv of documents) {
    const doc = storedDocument(inv.document);
    const sign = inv.type === "credit_note" ? -1 : 1;
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
    ]);
  }
  for (const p of await paymentsOfYear(deps.database, owner.id, year)) {
    // A payment received this year may settle an invoice of last year: name it all the same.
    const number =
      numbers.get(p.invoiceId) ?? (await getInvoice(deps.database, owner.id, p.invoiceId))?.number ?? null;
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
    ]);
  }
  return out;
}

/** Every issued PDF of the year, named by number, and the CSV beside them. */
export async function invoicesZip(
  deps: AppDeps,
  owner: CurrentOwner,
  year: number,
  today: string,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const inv of await issuedInYear(deps.database, owner.id, year)) {
    const folder = inv.type === "invoice" ? "invoices" : "credit-notes";
    files[`${folder}/${inv.number}.pdf`] = await invoicePdf(deps, storedDocument(inv.document));
  }
  files[`invoices-${year}.csv`] = new TextEncoder().encode(await invoicesCsv(deps, owner, year, today));
  // PDFs are already compressed: storing them keeps the export fast.
  return zipSync(files, { level: 0 });
}
