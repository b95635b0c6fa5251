// Small pieces of the UBL 2.1 document shared by its builders. The object shape is the one
// xmlbuilder2 takes (see cii-values.ts): key order is document order, which the UBL XSD checks.
import type { XmlElement } from "./cii-values.ts";
import type { VatCategory } from "./invoice-model.ts";
import { centsToDecimal, formatPercent } from "./money.ts";

export const UBL_NAMESPACES = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

/** Every UBL amount names its currency (BR-CL-03 checks it is the document's). */
export function amount(cents: number, currency: string): XmlElement {
  return { "@currencyID": currency, "#": centsToDecimal(cents) };
}

/**
 * A UBL TaxCategory / ClassifiedTaxCategory (VAT only). Category O carries no rate at all
 * (BR-O-05, BR-O-12); E and AE carry 0, as the CII does.
 */
export function vatCategory(
  category: VatCategory,
  ratePercent: number,
  exemption: { code?: string; reason?: string } = {},
): XmlElement {
  return {
    "cbc:ID": category,
    "cbc:Percent": category === "O" ? undefined : formatPercent(ratePercent),
    "cbc:TaxExemptionReasonCode": exemption.code,
    "cbc:TaxExemptionReason": exemption.reason,
    "cac:TaxScheme": { "cbc:ID": "VAT" },
  };
}
