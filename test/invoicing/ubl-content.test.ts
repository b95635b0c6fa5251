// What our UBL says, read back by a real parser, compared with what our CII says for the same
// invoice: the two downloads are two syntaxes of one document and must never disagree.
import { describe, expect, it } from "vitest";
import { buildCii } from "../../src/invoicing/cii.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { computeTotals } from "../../src/invoicing/totals.ts";
import { buildUbl } from "../../src/invoicing/ubl.ts";
import { ciiSummary, ublSummary } from "../helpers/ubl-summary.ts";
import { ublXPath } from "../helpers/ubl-xml-tree.ts";
import { accentedClient, frenchClient, invoiceFor, microEntrepreneur, sasu } from "./fixtures.ts";
import { invoiceVariants } from "./invoice-variants.ts";

describe("the UBL carries the same values as the CII", () => {
  for (const [name, invoice] of Object.entries(invoiceVariants)) {
    it(name, async () => {
      const ubl = await ublSummary(buildUbl(invoice));
      const cii = await ciiSummary(buildCii(invoice));
      // A broken XPath would make both sides empty and equal: the core terms must be there.
      for (const field of [
        "number",
        "issueDate",
        "sellerName",
        "buyerName",
        "vatBreakdown",
        "lines",
      ] as const)
        expect(cii[field], field).not.toEqual([]);
      expect(cii.totals).toHaveLength(5);

      if (invoice.typeCode === "381") {
        // UBL 2.1 CreditNote has no DueDate (BT-9 only fits under PaymentMeans, which a credit note
        // does not carry): the refund date is in the payment terms (BT-20), word for word the CII's.
        expect(ubl.dueDate).toEqual([]);
        expect(cii.dueDate).toEqual([invoice.dueDate]);
        expect(ubl.paymentTerms.join()).toContain(invoice.dueDate.split("-").reverse().join("/"));
        expect({ ...ubl, dueDate: cii.dueDate }).toEqual(cii);
      } else {
        expect(ubl).toEqual(cii);
      }
    });
  }
});

describe("buildUbl content", () => {
  it("writes an Invoice for 380 and a CreditNote citing the invoice it corrects for 381", async () => {
    const invoice = await ublXPath(
      buildUbl(invoiceVariants["20 % VAT (SASU with capital and RCS)"]!),
      "/inv:Invoice/(cbc:CustomizationID, cbc:InvoiceTypeCode, cac:InvoiceLine/cbc:InvoicedQuantity)",
    );
    expect(invoice).toEqual(["urn:cen.eu:en16931:2017", "380", "21"]);
    const creditNote = buildUbl(invoiceVariants["credit note for part of an invoice"]!);
    expect(
      await ublXPath(
        creditNote,
        "/cn:CreditNote/(cbc:CreditNoteTypeCode, cac:BillingReference/cac:InvoiceDocumentReference/(cbc:ID, cbc:IssueDate), cac:CreditNoteLine/cbc:CreditedQuantity)",
      ),
    ).toEqual(["381", "F-2027-0001", "2027-03-31", "0.5"]);
    expect(await ublXPath(creditNote, "//cac:PaymentMeans | //cbc:DueDate")).toEqual([]);
  });

  it("gives a franchise seller's SIRET as the tax registration (BT-32) and an E breakdown with its reason", async () => {
    const xml = buildUbl(invoiceFor(microEntrepreneur, frenchClient));
    expect(
      await ublXPath(
        xml,
        "//cac:AccountingSupplierParty//cac:PartyTaxScheme/(cbc:CompanyID, cac:TaxScheme/cbc:ID)",
      ),
    ).toEqual(["73282932000074", "FC"]);
    expect(
      await ublXPath(
        xml,
        "//cac:TaxSubtotal/cac:TaxCategory/(cbc:ID, cbc:Percent, cbc:TaxExemptionReasonCode, cbc:TaxExemptionReason)",
      ),
    ).toEqual(["E", "0", "VATEX-FR-FRANCHISE", "TVA non applicable, art. 293 B du CGI"]);
  });

  it("states the SEPA transfer, the due date and the legal mentions with their subject codes", async () => {
    const xml = buildUbl(invoiceFor(sasu, frenchClient));
    expect(
      await ublXPath(
        xml,
        "/inv:Invoice/(cbc:DueDate, cac:PaymentMeans/(cbc:PaymentMeansCode, cbc:PaymentID, cac:PayeeFinancialAccount//cbc:ID))",
      ),
    ).toEqual(["2027-04-30", "58", "F-2027-0001", "FR1420041010050500013M02606", "PSSTFRPPPAR"]);
    const notes = await ublXPath(xml, "/inv:Invoice/cbc:Note");
    expect(notes.map((note) => note.slice(0, 5))).toEqual(["#REG#", "#AAI#", "#AAB#", "#PMD#", "#PMT#"]);
    expect(await ublXPath(xml, "distinct-values(//@currencyID)")).toEqual(["EUR"]);
  });

  it("carries accents, apostrophes, & and < > through intact", async () => {
    const xml = buildUbl(invoiceVariants["long accented address with & < > and apostrophes"]!);
    expect(await ublXPath(xml, "//cac:AccountingCustomerParty//cbc:RegistrationName")).toEqual([
      accentedClient.name,
    ]);
    expect(
      await ublXPath(
        xml,
        "//cac:AccountingCustomerParty//cac:PostalAddress/(cbc:StreetName, cbc:AdditionalStreetName)",
      ),
    ).toEqual([accentedClient.address.line1, accentedClient.address.line2]);
    expect(await ublXPath(xml, "//cac:Item/cbc:Name")).toEqual([
      "Refonte « cœur » de l'outil & migration <v2>",
    ]);
  });

  it("refuses what the CII refuses: a credit note without its invoice, stale totals, no number", () => {
    const invoice = invoiceFor(sasu, frenchClient);
    expect(() => buildUbl({ ...invoice, typeCode: "381" })).toThrow(InvoiceInputError);
    const staleTotals = { ...computeTotals(invoice.lines, invoice.vatMode), grossCents: 1 };
    expect(() => buildUbl(invoice, staleTotals)).toThrow(/do not match the lines/);
    expect(() => buildUbl({ ...invoice, number: " " })).toThrow(/Only issued invoices/);
  });
});
