// The CII and UBL writers, loaded on first use: they pull in xmlbuilder2 (about 150 modules and 15 MB), which
// an idle server never needs. Renderings stay byte for byte those of cii.ts and ubl.ts.
import type { InvoiceDocument } from "./invoice-model.ts";
import type { InvoiceTotals } from "./totals.ts";

export async function ciiXml(invoice: InvoiceDocument, totals?: InvoiceTotals): Promise<string> {
  return (await import("./cii.ts")).buildCii(invoice, totals);
}

export async function ublXml(invoice: InvoiceDocument, totals?: InvoiceTotals): Promise<string> {
  return (await import("./ubl.ts")).buildUbl(invoice, totals);
}

export function ciiFilename(invoiceNumber: string): string {
  return `${invoiceNumber}.xml`;
}

export function ublFilename(invoiceNumber: string): string {
  return `${invoiceNumber}-ubl.xml`;
}
