import { create } from "xmlbuilder2";
import { buyerParty, sellerParty } from "./cii-parties.ts";
import { headerSettlement } from "./cii-settlement.ts";
import type { XmlElement } from "./cii-values.ts";
import { NAMESPACES, quantity, text, udtDate } from "./cii-values.ts";
import type { FieldError, InvoiceDocument, InvoiceLineInput } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";
import { legalMentions } from "./legal-mentions.ts";
import { centsToDecimal, formatPercent } from "./money.ts";
import type { InvoiceTotals, LineTotal } from "./totals.ts";
import { computeTotals } from "./totals.ts";

/** Factur-X EN 16931 profile (the "COMFORT" level): exactly the EN 16931 core, nothing extended. */
export const EN16931_GUIDELINE_ID = "urn:cen.eu:en16931:2017";

/**
 * The UN/CEFACT CII D16B XML of an issued invoice or credit note, for the Factur-X EN 16931 profile
 * (the factur-x.xml embedded in the PDF, and GET /api/invoices/{id}/xml). `totals`, when given (e.g. as
 * stored at issue), must equal computeTotals(invoice.lines, invoice.vatMode). Throws InvoiceInputError.
 */
export function buildCii(invoice: InvoiceDocument, totals?: InvoiceTotals): string {
  const expected = computeTotals(invoice.lines, invoice.vatMode);
  const computed = totals ?? expected;
  const errors = documentErrors(invoice, computed, expected);
  if (errors.length > 0) throw new InvoiceInputError(errors);

  const root: XmlElement = {
    "@xmlns:rsm": NAMESPACES.rsm,
    "@xmlns:qdt": NAMESPACES.qdt,
    "@xmlns:ram": NAMESPACES.ram,
    "@xmlns:udt": NAMESPACES.udt,
    "rsm:ExchangedDocumentContext": {
      "ram:GuidelineSpecifiedDocumentContextParameter": { "ram:ID": EN16931_GUIDELINE_ID },
    },
    "rsm:ExchangedDocument": exchangedDocument(invoice),
    "rsm:SupplyChainTradeTransaction": {
      "ram:IncludedSupplyChainTradeLineItem": invoice.lines.map((line, index) =>
        lineItem(index + 1, line, computed.lines[index]!),
      ),
      "ram:ApplicableHeaderTradeAgreement": {
        "ram:BuyerReference": text(invoice.buyerReference),
        "ram:SellerTradeParty": sellerParty(invoice.seller, invoice.vatMode),
        "ram:BuyerTradeParty": buyerParty(invoice.buyer, invoice.vatMode),
        "ram:BuyerOrderReferencedDocument": text(invoice.purchaseOrderReference)
          ? { "ram:IssuerAssignedID": text(invoice.purchaseOrderReference) }
          : undefined,
      },
      // Services: the delivery is the service period, stated once in the settlement (BG-14).
      "ram:ApplicableHeaderTradeDelivery": {},
      "ram:ApplicableHeaderTradeSettlement": headerSettlement(invoice, computed),
    },
  };
  return create({ version: "1.0", encoding: "UTF-8" }, { "rsm:CrossIndustryInvoice": root }).end({
    prettyPrint: true,
  });
}

/** BT-1, BT-3, BT-2 and the legal mentions as notes (BG-1), French being the invoice's legal language. */
function exchangedDocument(invoice: InvoiceDocument): XmlElement {
  const notes = legalMentions(invoice, "fr").filter((mention) => mention.noteSubjectCode);
  return {
    "ram:ID": invoice.number,
    "ram:TypeCode": invoice.typeCode,
    "ram:IssueDateTime": udtDate(invoice.issueDate),
    "ram:IncludedNote": notes.map((note) => ({
      "ram:Content": note.text,
      "ram:SubjectCode": note.noteSubjectCode,
    })),
  };
}

/** BG-25, SupplyChainTradeLineItemType order. */
function lineItem(lineId: number, line: InvoiceLineInput, total: LineTotal): XmlElement {
  return {
    "ram:AssociatedDocumentLineDocument": { "ram:LineID": String(lineId) },
    "ram:SpecifiedTradeProduct": { "ram:Name": line.description.trim() },
    "ram:SpecifiedLineTradeAgreement": {
      "ram:NetPriceProductTradePrice": { "ram:ChargeAmount": centsToDecimal(line.unitPriceCents) },
    },
    "ram:SpecifiedLineTradeDelivery": {
      "ram:BilledQuantity": { "@unitCode": line.unit ?? "DAY", "#": quantity(line.quantity) },
    },
    "ram:SpecifiedLineTradeSettlement": {
      "ram:ApplicableTradeTax": {
        "ram:TypeCode": "VAT",
        "ram:CategoryCode": total.vatCategory,
        "ram:RateApplicablePercent":
          total.vatCategory === "O" ? undefined : formatPercent(total.vatRatePercent),
      },
      "ram:SpecifiedTradeSettlementLineMonetarySummation": {
        "ram:LineTotalAmount": centsToDecimal(total.netCents),
      },
    },
  };
}

/** What makes an invoice unfit for any structured syntax (CII or UBL). */
export function documentErrors(
  invoice: InvoiceDocument,
  given: InvoiceTotals,
  expected: InvoiceTotals,
): FieldError[] {
  const errors: FieldError[] = [];
  // Stored totals that drifted from the lines would make an invoice the schematron rejects.
  const sameLines =
    given.lines.length === expected.lines.length &&
    given.lines.every((l, i) => l.netCents === expected.lines[i]?.netCents);
  if (!sameLines || given.vatCents !== expected.vatCents || given.grossCents !== expected.grossCents) {
    errors.push({ path: "totals", message: "The totals do not match the lines" });
  }
  if (invoice.typeCode === "381" && !invoice.precedingInvoice) {
    errors.push({ path: "precedingInvoice", message: "A credit note must cite the invoice it corrects" });
  }
  if (text(invoice.number) === undefined)
    errors.push({ path: "number", message: "Only issued invoices have XML" });
  if (invoice.servicePeriod.end < invoice.servicePeriod.start) {
    errors.push({ path: "servicePeriod.end", message: "The service period ends before it starts" });
  }
  return errors;
}
