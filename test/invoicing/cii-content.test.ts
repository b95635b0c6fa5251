import { describe, expect, it } from "vitest";
import { buildCii, EN16931_GUIDELINE_ID } from "../../src/invoicing/cii.ts";
import { buildCreditNote } from "../../src/invoicing/credit-note.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { computeTotals } from "../../src/invoicing/totals.ts";
import { ciiXPath } from "../helpers/en16931.ts";
import { accentedClient, frenchClient, invoiceFor, sasu } from "./fixtures.ts";
import { franchiseInvoice, outsideEuInvoice, reverseChargeInvoice } from "./invoice-variants.ts";

// What the XML says, read back by a real parser: these hold even where the official validators are absent.
const SELLER = "//ram:SellerTradeParty";
const BUYER = "//ram:BuyerTradeParty";
const SETTLEMENT = "//ram:ApplicableHeaderTradeSettlement";

describe("buildCii content", () => {
  it("declares the EN 16931 profile and the invoice identity", async () => {
    const xml = buildCii(invoiceFor(sasu, frenchClient));
    expect(await ciiXPath(xml, "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")).toEqual([
      EN16931_GUIDELINE_ID,
    ]);
    expect(
      await ciiXPath(xml, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument ! (ram:ID, ram:TypeCode)"),
    ).toEqual(["F-2027-0001", "380"]);
    expect(
      await ciiXPath(xml, "//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString ! (@format, .)"),
    ).toEqual(["102", "20270331"]);
  });

  it("identifies a franchise seller by SIRET (0009), SIREN (0002) and SIRET as tax registration FC", async () => {
    const xml = buildCii(franchiseInvoice);
    expect(await ciiXPath(xml, `${SELLER}/ram:Name`)).toEqual(["Camille Lefèvre EI"]);
    expect(await ciiXPath(xml, `${SELLER}/ram:GlobalID[@schemeID='0009']`)).toEqual(["73282932000074"]);
    expect(await ciiXPath(xml, `${SELLER}/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']`)).toEqual([
      "732829320",
    ]);
    expect(await ciiXPath(xml, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID/@schemeID`)).toEqual(["FC"]);
    expect(
      await ciiXPath(
        xml,
        `${SETTLEMENT}/ram:ApplicableTradeTax ! (ram:CategoryCode, ram:ExemptionReason, ram:ExemptionReasonCode)`,
      ),
    ).toEqual(["E", "TVA non applicable, art. 293 B du CGI", "VATEX-FR-FRANCHISE"]);
  });

  it("gives a VAT-registered seller's number as VA, and a 20 % breakdown", async () => {
    const xml = buildCii(invoiceFor(sasu, frenchClient));
    expect(await ciiXPath(xml, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`)).toEqual([
      "FR40552100554",
    ]);
    expect(
      await ciiXPath(
        xml,
        `${SETTLEMENT}/ram:ApplicableTradeTax ! (ram:CategoryCode, ram:RateApplicablePercent, ram:BasisAmount, ram:CalculatedAmount)`,
      ),
    ).toEqual(["S", "20", "11550.00", "2310.00"]);
    expect(await ciiXPath(xml, "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/*")).toEqual([
      "11550.00",
      "11550.00",
      "2310.00",
      "13860.00",
      "13860.00",
    ]);
  });

  it("reverse-charges a German client, with the client's VAT number", async () => {
    const xml = buildCii(reverseChargeInvoice);
    expect(await ciiXPath(xml, `${BUYER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`)).toEqual([
      "DE123456789",
    ]);
    expect(
      await ciiXPath(
        xml,
        `${SETTLEMENT}/ram:ApplicableTradeTax ! (ram:CategoryCode, ram:ExemptionReason, ram:ExemptionReasonCode)`,
      ),
    ).toEqual(["AE", "Autoliquidation", "VATEX-EU-AE"]);
    expect(await ciiXPath(xml, "//ram:TaxTotalAmount ! (@currencyID, .)")).toEqual(["EUR", "0.00"]);
  });

  it("leaves out VAT numbers and rates for a client outside the EU (BR-O-02, BR-O-05)", async () => {
    const xml = buildCii(outsideEuInvoice);
    expect(await ciiXPath(xml, "//ram:SpecifiedTaxRegistration/ram:ID/@schemeID")).toEqual(["FC"]);
    expect(await ciiXPath(xml, "//ram:RateApplicablePercent")).toEqual([]);
  });

  it("states the service period, SEPA transfer details, due date and payment reference", async () => {
    const xml = buildCii(invoiceFor(sasu, frenchClient));
    expect(await ciiXPath(xml, `${SETTLEMENT}/ram:BillingSpecifiedPeriod//udt:DateTimeString`)).toEqual([
      "20270301",
      "20270331",
    ]);
    expect(
      await ciiXPath(
        xml,
        "//ram:SpecifiedTradeSettlementPaymentMeans ! (ram:TypeCode, .//ram:IBANID, .//ram:BICID)",
      ),
    ).toEqual(["58", "FR1420041010050500013M02606", "PSSTFRPPPAR"]);
    expect(
      await ciiXPath(xml, "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"),
    ).toEqual(["20270430"]);
    expect(await ciiXPath(xml, `${SETTLEMENT}/ram:PaymentReference`)).toEqual(["F-2027-0001"]);
  });

  it("writes the legal mentions as notes with their subject codes", async () => {
    const notes = await ciiXPath(
      buildCii(invoiceFor(sasu, frenchClient)),
      "//ram:IncludedNote/concat(ram:SubjectCode, '|', ram:Content)",
    );
    // French typography: a no-break space before the colon and inside amounts; compared as plain spaces here.
    expect(notes.map((note) => note.replaceAll("\u00a0", " "))).toEqual([
      expect.stringMatching(
        /^REG\|Informations légales : Octet & Cie — SASU au capital de 1 000 € — RCS Paris 552 100 554/,
      ),
      "AAI|Catégorie de l'opération : prestation de services",
      "AAB|Escompte pour paiement anticipé : néant",
      "PMD|Pénalités de retard : trois fois le taux d'intérêt légal",
      "PMT|Indemnité forfaitaire pour frais de recouvrement : 40 €",
    ]);
  });

  it("keeps the preceding invoice (BT-25, BT-26) in a credit note, without the seller's IBAN", async () => {
    const original = invoiceFor(sasu, frenchClient);
    const xml = buildCii(buildCreditNote(original, { number: "AV-2027-0001", issueDate: "2027-04-05" }, []));
    expect(await ciiXPath(xml, "//rsm:ExchangedDocument/ram:TypeCode")).toEqual(["381"]);
    expect(
      await ciiXPath(
        xml,
        `${SETTLEMENT}/ram:InvoiceReferencedDocument ! (ram:IssuerAssignedID, ram:FormattedIssueDateTime/qdt:DateTimeString)`,
      ),
    ).toEqual(["F-2027-0001", "20270331"]);
    expect(await ciiXPath(xml, "//ram:IBANID")).toEqual([]);
    expect(await ciiXPath(xml, "//ram:GrandTotalAmount")).toEqual(["13860.00"]);
  });

  it("carries accents, apostrophes, & and < > through intact", async () => {
    const xml = buildCii(
      invoiceFor(sasu, accentedClient, {
        lines: [{ description: "R&D <cœur> l'outil", quantity: 1, unitPriceCents: 100, vatRate: 20 }],
      }),
    );
    expect(await ciiXPath(xml, `${BUYER}/ram:Name`)).toEqual([accentedClient.name]);
    expect(
      await ciiXPath(xml, `${BUYER}/ram:PostalTradeAddress ! (ram:LineOne, ram:LineTwo, ram:CityName)`),
    ).toEqual([accentedClient.address.line1, accentedClient.address.line2, "Saint-Étienne"]);
    expect(await ciiXPath(xml, "//ram:SpecifiedTradeProduct/ram:Name")).toEqual(["R&D <cœur> l'outil"]);
  });

  it("writes half days as decimal quantities in days (DAY)", async () => {
    const xml = buildCii(
      invoiceFor(sasu, frenchClient, {
        lines: [{ description: "Dev", quantity: 9.5, unitPriceCents: 61_234, vatRate: 20 }],
      }),
    );
    expect(await ciiXPath(xml, "//ram:BilledQuantity ! (@unitCode, .)")).toEqual(["DAY", "9.5"]);
    expect(await ciiXPath(xml, "//ram:IncludedSupplyChainTradeLineItem//ram:LineTotalAmount")).toEqual([
      "5817.23",
    ]);
  });

  it("refuses a credit note without its preceding invoice, totals that do not match, and bad lines", () => {
    const invoice = invoiceFor(sasu, frenchClient);
    expect(() => buildCii({ ...invoice, typeCode: "381" })).toThrow(InvoiceInputError);
    const otherTotals = computeTotals([...invoice.lines, ...invoice.lines], invoice.vatMode);
    expect(() => buildCii(invoice, otherTotals)).toThrow(/do not match the lines/);
    const staleTotals = { ...computeTotals(invoice.lines, invoice.vatMode), grossCents: 1 };
    expect(() => buildCii(invoice, staleTotals)).toThrow(/do not match the lines/);
    expect(() => buildCii({ ...invoice, lines: [{ ...invoice.lines[0]!, quantity: -2 }] })).toThrow(
      /lines\[0\]\.quantity/,
    );
  });
});
