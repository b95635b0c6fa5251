import type { InvoiceDocument, PostalAddress } from "../invoice-model.ts";
import type { LegalMention, MentionKey } from "../legal-mentions.ts";
import { legalMentions } from "../legal-mentions.ts";
import type { InvoiceTotals } from "../totals.ts";
import type { PdfLabels, PdfLocale } from "./labels.ts";
import { pdfLabels } from "./labels.ts";

/** What every section of the page reads: the document, its totals, its words and its legal mentions. */
export interface InvoiceView {
  invoice: InvoiceDocument;
  totals: InvoiceTotals;
  locale: PdfLocale;
  labels: PdfLabels;
  isCreditNote: boolean;
  /** "Facture" / "Avoir", "Invoice" / "Credit note". */
  title: string;
  mention(key: MentionKey): LegalMention | undefined;
}

export function invoiceView(invoice: InvoiceDocument, totals: InvoiceTotals, locale: PdfLocale): InvoiceView {
  const labels = pdfLabels(locale);
  const isCreditNote = invoice.typeCode === "381";
  const mentions = new Map(legalMentions(invoice, locale).map((m) => [m.key, m]));
  return {
    invoice,
    totals,
    locale,
    labels,
    isCreditNote,
    title: isCreditNote ? labels.creditNote : labels.invoice,
    mention: (key) => mentions.get(key),
  };
}

/** The address as printed: street lines, postcode and city, and the country unless it is the seller's. */
export function addressLines(address: PostalAddress, locale: PdfLocale, homeCountry: string): string[] {
  const lines = [address.line1, address.line2 ?? "", `${address.postalCode} ${address.city}`];
  if (address.country.toUpperCase() !== homeCountry.toUpperCase())
    lines.push(countryName(address.country, locale));
  return lines.map((line) => line.trim()).filter((line) => line !== "");
}

function countryName(code: string, locale: PdfLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189", as banks print it. */
export function groupIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}
