import { create } from "xmlbuilder2";
import { documentErrors, EN16931_GUIDELINE_ID } from "./cii.ts";
import type { XmlElement } from "./cii-values.ts";
import { quantity, text } from "./cii-values.ts";
import type { InvoiceDocument, InvoiceLineInput } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";
import { legalMentions } from "./legal-mentions.ts";
import type { InvoiceTotals, LineTotal } from "./totals.ts";
import { computeTotals } from "./totals.ts";
import { customerParty, supplierParty } from "./ubl-parties.ts";
import { legalMonetaryTotal, paymentMeans, paymentTerms, taxTotal } from "./ubl-settlement.ts";
import { amount, UBL_NAMESPACES, vatCategory } from "./ubl-values.ts";

/**
 * The OASIS UBL 2.1 XML of an issued invoice (Invoice) or credit note (CreditNote), under the EN 16931
 * core CIUS, with the same values as the CII (GET /api/invoices/{id}/ubl). `totals`, when given, must
 * equal computeTotals(invoice.lines, invoice.vatMode). Throws InvoiceInputError.
 */
export function buildUbl(invoice: InvoiceDocument, totals?: InvoiceTotals): string {
  const expected = computeTotals(invoice.lines, invoice.vatMode);
  const computed = totals ?? expected;
  const errors = documentErrors(invoice, computed, expected);
  if (errors.length > 0) throw new InvoiceInputError(errors);

  const isCreditNote = invoice.typeCode === "381";
  const root = isCreditNote ? "CreditNote" : "Invoice";
  const document: XmlElement = {
    "@xmlns": isCreditNote ? UBL_NAMESPACES.creditNote : UBL_NAMESPACES.invoice,
    "@xmlns:cac": UBL_NAMESPACES.cac,
    "@xmlns:cbc": UBL_NAMESPACES.cbc,
    "cbc:CustomizationID": EN16931_GUIDELINE_ID,
    "cbc:ID": invoice.number,
    "cbc:IssueDate": invoice.issueDate,
    // UBL 2.1 gives CreditNote no DueDate: there BT-9 may only sit under PaymentMeans, which a credit
    // note does not carry (see paymentMeans), so its refund date is stated in the payment terms (BT-20).
    "cbc:DueDate": isCreditNote ? undefined : invoice.dueDate,
    [isCreditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode"]: invoice.typeCode,
    "cbc:Note": notes(invoice),
    "cbc:DocumentCurrencyCode": invoice.currency,
    "cbc:BuyerReference": text(invoice.buyerReference),
    "cac:InvoicePeriod": {
      "cbc:StartDate": invoice.servicePeriod.start,
      "cbc:EndDate": invoice.servicePeriod.end,
    },
    "cac:OrderReference": text(invoice.purchaseOrderReference)
      ? { "cbc:ID": text(invoice.purchaseOrderReference) }
      : undefined,
    "cac:BillingReference": invoice.precedingInvoice
      ? {
          "cac:InvoiceDocumentReference": {
            "cbc:ID": invoice.precedingInvoice.number,
            "cbc:IssueDate": invoice.precedingInvoice.issueDate,
          },
        }
      : undefined,
    "cac:AccountingSupplierParty": { "cac:Party": supplierParty(invoice.seller, invoice.vatMode) },
    "cac:AccountingCustomerParty": { "cac:Party": customerParty(invoice.buyer, invoice.vatMode) },
    "cac:PaymentMeans": paymentMeans(invoice),
    "cac:PaymentTerms": paymentTerms(invoice),
    "cac:TaxTotal": taxTotal(invoice, computed),
    "cac:LegalMonetaryTotal": legalMonetaryTotal(invoice, computed),
    [isCreditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"]: invoice.lines.map((line, index) =>
      documentLine(index + 1, line, computed.lines[index]!, invoice),
    ),
  };
  return create({ version: "1.0", encoding: "UTF-8" }, { [root]: document }).end({ prettyPrint: true });
}

/** "F-2027-0001-ubl.xml": beside the CII's "F-2027-0001.xml" in the same folder, never in its place. */
/**
 * The legal mentions the CII carries as notes (BG-1). UBL has no element for the subject code
 * (BT-21): the EN 16931 UBL binding puts it before the text between # signs ("#REG#…").
 */
function notes(invoice: InvoiceDocument): string[] {
  return legalMentions(invoice, "fr")
    .filter((mention) => mention.noteSubjectCode)
    .map((mention) => `#${mention.noteSubjectCode}#${mention.text}`);
}

/** BG-25: cac:InvoiceLine, or cac:CreditNoteLine with CreditedQuantity, in InvoiceLineType order. */
function documentLine(
  lineId: number,
  line: InvoiceLineInput,
  total: LineTotal,
  invoice: InvoiceDocument,
): XmlElement {
  const isCreditNote = invoice.typeCode === "381";
  return {
    "cbc:ID": String(lineId),
    [isCreditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"]: {
      "@unitCode": line.unit ?? "DAY",
      "#": quantity(line.quantity),
    },
    "cbc:LineExtensionAmount": amount(total.netCents, invoice.currency),
    "cac:Item": {
      "cbc:Name": line.description.trim(),
      "cac:ClassifiedTaxCategory": vatCategory(total.vatCategory, total.vatRatePercent),
    },
    "cac:Price": { "cbc:PriceAmount": amount(line.unitPriceCents, invoice.currency) },
  };
}
