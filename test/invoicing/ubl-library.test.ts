// Our UBL judged by an independent implementation, @e-invoice-eu/core: there is no UBL XSD or UBL
// schematron here, so (1) its EN 16931 JSON schema checks cardinalities and code lists, (2) the UBL it
// renders from the same data, with elements ordered per the UBL 2.1 schema, must have our element
// order, and (3) the CII it renders from that data must pass the official CII XSD and EN 16931
// schematron — so the UBL carries a complete, valid EN 16931 invoice.
import { describe, expect, it } from "vitest";
import { buildCii } from "../../src/invoicing/cii.ts";
import { buildUbl } from "../../src/invoicing/ubl.ts";
import { describeFailures, en16931SkipReason, validateCii } from "../helpers/en16931.ts";
import {
  describeLibraryErrors,
  libraryGenerate,
  toLibraryInvoice,
  withHeaderTradeDelivery,
} from "../helpers/ubl-library.ts";
import { ciiSummary, ublSummary } from "../helpers/ubl-summary.ts";
import { elementPaths } from "../helpers/ubl-xml-tree.ts";
import { frenchClient, invoiceFor, sasu } from "./fixtures.ts";
import { invoiceVariants } from "./invoice-variants.ts";
import { randomLines, seededRandom } from "./random-lines.ts";

const skipReason = en16931SkipReason();
if (skipReason) console.warn(`Skipping the EN 16931 validation of the library's CII: ${skipReason}`);

/**
 * The library writes BT-23 (ProfileID) when the data has none, with the Peppol BIS value; EN 16931
 * makes it optional and our CII has none, so our UBL leaves it out.
 */
const LIBRARY_DEFAULT_ELEMENTS = /\/cbc:ProfileID$/;

/**
 * Known gap of the library's CII writer, not of our UBL: it joins every cbc:Note into one
 * ram:IncludedNote with several ram:Content (warning CII-SR-030) and keeps the "#REG#" subject-code
 * prefix of the UBL binding as text instead of moving it to ram:SubjectCode.
 */
const LIBRARY_CII_WARNINGS = new Set(["CII-SR-030"]);

describe("the UBL against @e-invoice-eu/core", () => {
  for (const [name, invoice] of Object.entries(invoiceVariants)) {
    it(`is accepted by its EN 16931 schema, in the UBL element order: ${name}`, async () => {
      const ours = buildUbl(invoice);
      const { invoice: data, unmapped } = toLibraryInvoice(ours);
      expect(unmapped, "elements the library would drop").toEqual([]);

      const rendered = await libraryGenerate(data, "UBL");
      expect(rendered.errors, describeLibraryErrors(rendered)).toEqual([]);
      const theirs = elementPaths(rendered.output!).filter((path) => !LIBRARY_DEFAULT_ELEMENTS.test(path));
      expect(elementPaths(ours)).toEqual(theirs);
    });
  }

  it("would catch an element out of order and a value outside a code list", async () => {
    const ours = buildUbl(invoiceVariants["20 % VAT (SASU with capital and RCS)"]!);
    const swapped = ours.replace(
      /(<cbc:DueDate>[^<]*<\/cbc:DueDate>)(\s*)(<cbc:InvoiceTypeCode>[^<]*<\/cbc:InvoiceTypeCode>)/,
      "$3$2$1",
    );
    expect(swapped).not.toBe(ours);
    const reordered = await libraryGenerate(toLibraryInvoice(swapped).invoice, "UBL");
    expect(elementPaths(swapped)).not.toEqual(
      elementPaths(reordered.output!).filter((p) => !LIBRARY_DEFAULT_ELEMENTS.test(p)),
    );

    const badCategory = ours.replaceAll("<cbc:ID>S</cbc:ID>", "<cbc:ID>X</cbc:ID>");
    const refused = await libraryGenerate(toLibraryInvoice(badCategory).invoice, "UBL");
    expect(refused.errors.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([expect.stringMatching(/TaxCategory\/cbc:ID$/)]),
    );
  });
});

describe.skipIf(skipReason)("the library's CII from our UBL, against the official EN 16931 artefacts", () => {
  for (const [name, invoice] of Object.entries(invoiceVariants)) {
    it(`passes the CII XSD and schematron: ${name}`, async () => {
      const { invoice: data } = toLibraryInvoice(buildUbl(invoice));
      const rendered = await libraryGenerate(data, "CII");
      expect(rendered.errors, describeLibraryErrors(rendered)).toEqual([]);
      const result = await validateCii(withHeaderTradeDelivery(rendered.output!));
      if ("skipped" in result) throw new Error(result.skipped);
      expect(result.xsdErrors, describeFailures(result)).toEqual([]);
      const failed = result.failedAsserts.filter((a) => !LIBRARY_CII_WARNINGS.has(a.id));
      expect(failed, describeFailures(result)).toEqual([]);
    });
  }

  it("reports a UBL whose totals do not add up (BR-CO-15)", async () => {
    const ours = buildUbl(invoiceVariants["20 % VAT (SASU with capital and RCS)"]!).replace(
      /<cbc:TaxInclusiveAmount currencyID="EUR">[^<]*</,
      '<cbc:TaxInclusiveAmount currencyID="EUR">1.00<',
    );
    const rendered = await libraryGenerate(toLibraryInvoice(ours).invoice, "CII");
    const result = await validateCii(withHeaderTradeDelivery(rendered.output!));
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.failedAsserts.map((a) => a.id)).toContain("BR-CO-15");
  });
});

describe("random invoices (seeded)", () => {
  it("10 multi-rate invoices: accepted by the library, in its element order, with the CII's values", async () => {
    // Each library call compiles its whole JSON schema (about 0.7 s): 10 seeds keep this test short.
    for (let seed = 1; seed <= 10; seed++) {
      const invoice = invoiceFor(sasu, frenchClient, { lines: randomLines(seededRandom(seed)) });
      const ours = buildUbl(invoice);
      const { invoice: data, unmapped } = toLibraryInvoice(ours);
      expect(unmapped, `seed ${seed}`).toEqual([]);
      const rendered = await libraryGenerate(data, "UBL");
      expect(rendered.errors, `seed ${seed}: ${describeLibraryErrors(rendered)}`).toEqual([]);
      const theirs = elementPaths(rendered.output!).filter((path) => !LIBRARY_DEFAULT_ELEMENTS.test(path));
      expect(elementPaths(ours), `seed ${seed}`).toEqual(theirs);
      expect(await ublSummary(ours), `seed ${seed}`).toEqual(await ciiSummary(buildCii(invoice)));
    }
  });
});
