import { paymentTermsDescription } from "./cii-settlement.ts";
import type { XmlElement } from "./cii-values.ts";
import { identifier, text } from "./cii-values.ts";
import type { InvoiceDocument } from "./invoice-model.ts";
import type { InvoiceTotals, VatBreakdownEntry } from "./totals.ts";
import { amount, vatCategory } from "./ubl-values.ts";

/** UNTDID 4461 code 58: SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = "58";

/**
 * cac:PaymentMeans (BG-16): SEPA transfer to the seller's IBAN, with the invoice number as the
 * remittance reference (BT-83). A credit note has none, as in the CII: it is paid back by the seller,
 * so the seller's own IBAN would mislead.
 */
export function paymentMeans(invoice: InvoiceDocument): XmlElement | undefined {
  if (invoice.typeCode === "381") return undefined;
  return {
    "cbc:PaymentMeansCode": { "@name": "Virement SEPA", "#": SEPA_CREDIT_TRANSFER },
    "cbc:PaymentID": invoice.number,
    "cac:PayeeFinancialAccount": {
      "cbc:ID": identifier(invoice.seller.iban.toUpperCase()),
      "cac:FinancialInstitutionBranch": text(invoice.seller.bic)
        ? { "cbc:ID": identifier(invoice.seller.bic.toUpperCase()) }
        : undefined,
    },
  };
}

/** cac:PaymentTerms (BT-20): the same sentence as the CII, which also states the due date in words. */
export function paymentTerms(invoice: InvoiceDocument): XmlElement {
  return { "cbc:Note": paymentTermsDescription(invoice) };
}

/** cac:TaxTotal: BT-110 and the VAT breakdown (BG-23), one subtotal per category and rate. */
export function taxTotal(invoice: InvoiceDocument, totals: InvoiceTotals): XmlElement {
  return {
    "cbc:TaxAmount": amount(totals.vatCents, invoice.currency),
    "cac:TaxSubtotal": totals.vatBreakdown.map((entry) => taxSubtotal(entry, invoice.currency)),
  };
}

function taxSubtotal(entry: VatBreakdownEntry, currency: string): XmlElement {
  return {
    "cbc:TaxableAmount": amount(entry.basisCents, currency),
    "cbc:TaxAmount": amount(entry.vatCents, currency),
    "cac:TaxCategory": vatCategory(entry.category, entry.ratePercent, {
      code: entry.exemptionReasonCode,
      reason: entry.exemptionReason,
    }),
  };
}

/** cac:LegalMonetaryTotal (BG-22). No allowances, charges or prepayments: net = line total, due = gross. */
export function legalMonetaryTotal(invoice: InvoiceDocument, totals: InvoiceTotals): XmlElement {
  return {
    "cbc:LineExtensionAmount": amount(totals.netCents, invoice.currency),
    "cbc:TaxExclusiveAmount": amount(totals.netCents, invoice.currency),
    "cbc:TaxInclusiveAmount": amount(totals.grossCents, invoice.currency),
    "cbc:PayableAmount": amount(totals.grossCents, invoice.currency),
  };
}
