// The business terms of one invoice read out of our UBL and out of our CII by XPath, in the same
// shape, so a test can say "the two syntaxes carry the same values" field by field.
import { ciiXPath } from "./en16931.ts";
import { ublXPath } from "./ubl-xml-tree.ts";

const UBL_SELLER = "/*/cac:AccountingSupplierParty/cac:Party";
const UBL_BUYER = "/*/cac:AccountingCustomerParty/cac:Party";
const CII_AGREEMENT = "//ram:ApplicableHeaderTradeAgreement";
const CII_SELLER = `${CII_AGREEMENT}/ram:SellerTradeParty`;
const CII_BUYER = `${CII_AGREEMENT}/ram:BuyerTradeParty`;
const CII_SETTLEMENT = "//ram:ApplicableHeaderTradeSettlement";
/** CII format 102 (CCYYMMDD) as the ISO date UBL uses. */
const ISO = "! replace(., '^(\\d{4})(\\d{2})(\\d{2})$', '$1-$2-$3')";

// BT-31/BT-48 are the VAT scheme in UBL and "VA" in CII; BT-32 is any other scheme, "FC" in both.
const ublTaxIds = (party: string) =>
  `${party}/cac:PartyTaxScheme/concat(if (cac:TaxScheme/cbc:ID = 'VAT') then 'VA' else cac:TaxScheme/cbc:ID, ':', cbc:CompanyID)`;
const ublParty = (party: string) => ({
  name: `${party}/cac:PartyLegalEntity/cbc:RegistrationName`,
  tradingName: `${party}/cac:PartyName/cbc:Name`,
  identifiers: `${party}/cac:PartyIdentification/cbc:ID/concat(@schemeID, ':', .)`,
  legalRegistration: `${party}/cac:PartyLegalEntity/cbc:CompanyID/concat(@schemeID, ':', .)`,
  taxRegistrations: ublTaxIds(party),
  electronicAddress: `${party}/cbc:EndpointID/concat(@schemeID, ':', .)`,
  address: `${party}/cac:PostalAddress ! (cbc:StreetName, cbc:AdditionalStreetName, cbc:CityName, cbc:PostalZone, cac:Country/cbc:IdentificationCode)`,
});
const ciiParty = (party: string) => ({
  name: `${party}/ram:Name`,
  tradingName: `${party}/ram:SpecifiedLegalOrganization/ram:TradingBusinessName`,
  identifiers: `${party}/ram:GlobalID/concat(@schemeID, ':', .)`,
  legalRegistration: `${party}/ram:SpecifiedLegalOrganization/ram:ID/concat(@schemeID, ':', .)`,
  taxRegistrations: `${party}/ram:SpecifiedTaxRegistration/ram:ID/concat(@schemeID, ':', .)`,
  electronicAddress: `${party}/ram:URIUniversalCommunication/ram:URIID/concat(@schemeID, ':', .)`,
  address: `${party}/ram:PostalTradeAddress ! (ram:LineOne, ram:LineTwo, ram:CityName, ram:PostcodeCode, ram:CountryID)`,
});

const UBL_FIELDS = {
  number: "/*/cbc:ID",
  typeCode: "/* ! (cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode)",
  issueDate: "/*/cbc:IssueDate",
  dueDate: "/*/cbc:DueDate",
  currency: "/*/cbc:DocumentCurrencyCode",
  notes: "/*/cbc:Note",
  buyerReference: "/*/cbc:BuyerReference",
  purchaseOrder: "/*/cac:OrderReference/cbc:ID",
  servicePeriod: "/*/cac:InvoicePeriod ! (cbc:StartDate, cbc:EndDate)",
  precedingInvoice: "/*/cac:BillingReference/cac:InvoiceDocumentReference ! (cbc:ID, cbc:IssueDate)",
  ...prefixed("seller", ublParty(UBL_SELLER)),
  sellerContactEmail: `${UBL_SELLER}/cac:Contact/cbc:ElectronicMail`,
  ...prefixed("buyer", ublParty(UBL_BUYER)),
  paymentMeans:
    "/*/cac:PaymentMeans ! (cbc:PaymentMeansCode, cbc:PaymentMeansCode/@name, cbc:PaymentID, cac:PayeeFinancialAccount/cbc:ID, cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID)",
  paymentTerms: "/*/cac:PaymentTerms/cbc:Note",
  vatBreakdown:
    "/*/cac:TaxTotal/cac:TaxSubtotal/string-join((cac:TaxCategory/cbc:ID, cac:TaxCategory/cbc:Percent, cbc:TaxableAmount, cbc:TaxAmount, cac:TaxCategory/cbc:TaxExemptionReasonCode, cac:TaxCategory/cbc:TaxExemptionReason), '|')",
  totals:
    "/*/cac:LegalMonetaryTotal ! (cbc:LineExtensionAmount, cbc:TaxExclusiveAmount, ../cac:TaxTotal/cbc:TaxAmount, cbc:TaxInclusiveAmount, cbc:PayableAmount)",
  lines:
    "/* ! (cac:InvoiceLine | cac:CreditNoteLine)/string-join((cbc:ID, (cbc:InvoicedQuantity | cbc:CreditedQuantity)! (@unitCode, .), cbc:LineExtensionAmount, cac:Price/cbc:PriceAmount, cac:Item/cbc:Name, cac:Item/cac:ClassifiedTaxCategory ! (cbc:ID, cbc:Percent)), '|')",
};

export type InvoiceSummary = Record<keyof typeof UBL_FIELDS, string[]>;

const CII_FIELDS: Record<keyof typeof UBL_FIELDS, string> = {
  number: "//rsm:ExchangedDocument/ram:ID",
  typeCode: "//rsm:ExchangedDocument/ram:TypeCode",
  issueDate: `//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString ${ISO}`,
  dueDate: `${CII_SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString ${ISO}`,
  currency: `${CII_SETTLEMENT}/ram:InvoiceCurrencyCode`,
  notes: "//rsm:ExchangedDocument/ram:IncludedNote/concat('#', ram:SubjectCode, '#', ram:Content)",
  buyerReference: `${CII_AGREEMENT}/ram:BuyerReference`,
  purchaseOrder: `${CII_AGREEMENT}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID`,
  servicePeriod: `${CII_SETTLEMENT}/ram:BillingSpecifiedPeriod ! (ram:StartDateTime, ram:EndDateTime)/udt:DateTimeString ${ISO}`,
  precedingInvoice: `${CII_SETTLEMENT}/ram:InvoiceReferencedDocument ! (ram:IssuerAssignedID, ram:FormattedIssueDateTime/qdt:DateTimeString ${ISO})`,
  ...prefixed("seller", ciiParty(CII_SELLER)),
  sellerContactEmail: `${CII_SELLER}/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID`,
  ...prefixed("buyer", ciiParty(CII_BUYER)),
  paymentMeans: `${CII_SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans ! (ram:TypeCode, ram:Information, ../ram:PaymentReference, .//ram:IBANID, .//ram:BICID)`,
  paymentTerms: `${CII_SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`,
  vatBreakdown: `${CII_SETTLEMENT}/ram:ApplicableTradeTax/string-join((ram:CategoryCode, ram:RateApplicablePercent, ram:BasisAmount, ram:CalculatedAmount, ram:ExemptionReasonCode, ram:ExemptionReason), '|')`,
  totals:
    "//ram:SpecifiedTradeSettlementHeaderMonetarySummation ! (ram:LineTotalAmount, ram:TaxBasisTotalAmount, ram:TaxTotalAmount, ram:GrandTotalAmount, ram:DuePayableAmount)",
  lines:
    "//ram:IncludedSupplyChainTradeLineItem/string-join((ram:AssociatedDocumentLineDocument/ram:LineID, .//ram:BilledQuantity ! (@unitCode, .), .//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount, .//ram:NetPriceProductTradePrice/ram:ChargeAmount, ram:SpecifiedTradeProduct/ram:Name, .//ram:ApplicableTradeTax ! (ram:CategoryCode, ram:RateApplicablePercent)), '|')",
};

function prefixed<T extends Record<string, string>>(
  prefix: "seller" | "buyer",
  fields: T,
): { [K in keyof T as `${typeof prefix}${Capitalize<string & K>}`]: string } {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [`${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`, value]),
  ) as never;
}

export function ublSummary(xml: string): Promise<InvoiceSummary> {
  return summarize(UBL_FIELDS, (expression) => ublXPath(xml, expression));
}

export function ciiSummary(xml: string): Promise<InvoiceSummary> {
  return summarize(CII_FIELDS, (expression) => ciiXPath(xml, expression));
}

async function summarize(
  fields: Record<keyof typeof UBL_FIELDS, string>,
  evaluate: (expression: string) => Promise<string[]>,
): Promise<InvoiceSummary> {
  const entries = await Promise.all(
    Object.entries(fields).map(async ([field, expression]) => [field, await evaluate(expression)] as const),
  );
  return Object.fromEntries(entries) as InvoiceSummary;
}
