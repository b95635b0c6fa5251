import type { XmlElement } from "./cii-values.ts";
import { identifier, qdtDate, text, udtDate } from "./cii-values.ts";
import { formatDate } from "./date-text.ts";
import type { InvoiceDocument } from "./invoice-model.ts";
import { centsToDecimal, formatPercent } from "./money.ts";
import type { InvoiceTotals, VatBreakdownEntry } from "./totals.ts";

/** UNTDID 4461 code 58: SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = "58";

/** ApplicableHeaderTradeSettlement, children in the order HeaderTradeSettlementType requires. */
export function headerSettlement(invoice: InvoiceDocument, totals: InvoiceTotals): XmlElement {
  const isCreditNote = invoice.typeCode === "381";
  return {
    // BT-83: the invoice number, so the client's bank transfer can be matched to it.
    "ram:PaymentReference": isCreditNote ? undefined : invoice.number,
    "ram:InvoiceCurrencyCode": invoice.currency,
    // A credit note is paid back by the seller: the seller's own IBAN would mislead.
    "ram:SpecifiedTradeSettlementPaymentMeans": isCreditNote ? undefined : paymentMeans(invoice),
    "ram:ApplicableTradeTax": totals.vatBreakdown.map(vatBreakdown),
    "ram:BillingSpecifiedPeriod": {
      "ram:StartDateTime": udtDate(invoice.servicePeriod.start),
      "ram:EndDateTime": udtDate(invoice.servicePeriod.end),
    },
    "ram:SpecifiedTradePaymentTerms": {
      "ram:Description": paymentTermsDescription(invoice),
      "ram:DueDateDateTime": udtDate(invoice.dueDate),
    },
    "ram:SpecifiedTradeSettlementHeaderMonetarySummation": monetarySummation(invoice, totals),
    "ram:InvoiceReferencedDocument": precedingInvoiceReference(invoice),
  };
}

function paymentMeans(invoice: InvoiceDocument): XmlElement {
  return {
    "ram:TypeCode": SEPA_CREDIT_TRANSFER,
    "ram:Information": "Virement SEPA",
    "ram:PayeePartyCreditorFinancialAccount": { "ram:IBANID": identifier(invoice.seller.iban.toUpperCase()) },
    "ram:PayeeSpecifiedCreditorFinancialInstitution": text(invoice.seller.bic)
      ? { "ram:BICID": identifier(invoice.seller.bic.toUpperCase()) }
      : undefined,
  };
}

/** BG-23, TradeTaxType order. Category O has no rate at all (BR-O-05 and its breakdown counterpart). */
function vatBreakdown(entry: VatBreakdownEntry): XmlElement {
  return {
    "ram:CalculatedAmount": centsToDecimal(entry.vatCents),
    "ram:TypeCode": "VAT",
    "ram:ExemptionReason": entry.exemptionReason,
    "ram:BasisAmount": centsToDecimal(entry.basisCents),
    "ram:CategoryCode": entry.category,
    "ram:ExemptionReasonCode": entry.exemptionReasonCode,
    "ram:RateApplicablePercent": entry.category === "O" ? undefined : formatPercent(entry.ratePercent),
  };
}

/** BT-20, the same sentence in the CII and the UBL. */
export function paymentTermsDescription(invoice: InvoiceDocument): string {
  const due = formatDate(invoice.dueDate, "fr");
  if (invoice.typeCode === "381") return `Avoir remboursable au plus tard le ${due}`;
  return `Paiement à ${invoice.paymentTerms.termsDays} jours par virement, au plus tard le ${due}`;
}

/** BG-22. No allowances, charges or prepayments: net = line total, and due = gross. */
function monetarySummation(invoice: InvoiceDocument, totals: InvoiceTotals): XmlElement {
  return {
    "ram:LineTotalAmount": centsToDecimal(totals.netCents),
    "ram:TaxBasisTotalAmount": centsToDecimal(totals.netCents),
    "ram:TaxTotalAmount": { "@currencyID": invoice.currency, "#": centsToDecimal(totals.vatCents) },
    "ram:GrandTotalAmount": centsToDecimal(totals.grossCents),
    "ram:DuePayableAmount": centsToDecimal(totals.grossCents),
  };
}

/** BG-3: the invoice a credit note corrects (BT-25) and its issue date (BT-26). */
function precedingInvoiceReference(invoice: InvoiceDocument): XmlElement | undefined {
  if (!invoice.precedingInvoice) return undefined;
  return {
    "ram:IssuerAssignedID": invoice.precedingInvoice.number,
    "ram:FormattedIssueDateTime": qdtDate(invoice.precedingInvoice.issueDate),
  };
}
