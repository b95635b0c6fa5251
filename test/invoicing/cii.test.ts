import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCii } from "../../src/invoicing/cii.ts";
import {
  CII_EXAMPLES_DIR,
  type CiiValidation,
  describeFailures,
  en16931SkipReason,
  validateCii,
} from "../helpers/en16931.ts";
import { frenchClient, invoiceFor, sasu } from "./fixtures.ts";
import { invoiceVariants } from "./invoice-variants.ts";
import { randomLines, seededRandom } from "./random-lines.ts";

const skipReason = en16931SkipReason();
if (skipReason) console.warn(`Skipping EN 16931 validation: ${skipReason}`);

function expectValid(result: CiiValidation): void {
  if ("skipped" in result) throw new Error(result.skipped);
  expect(result.xsdErrors, describeFailures(result)).toEqual([]);
  expect(result.failedAsserts, describeFailures(result)).toEqual([]);
}

describe.skipIf(skipReason)("buildCii against the official EN 16931 XSD and schematron", () => {
  for (const [name, invoice] of Object.entries(invoiceVariants)) {
    it(`passes with no failed assert: ${name}`, async () => {
      expectValid(await validateCii(buildCii(invoice)));
    });
  }

  it("passes for 25 random multi-rate invoices (seeded)", async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const xml = buildCii(invoiceFor(sasu, frenchClient, { lines: randomLines(seededRandom(seed)) }));
      const result = await validateCii(xml);
      if ("skipped" in result) throw new Error(result.skipped);
      expect(result.failedAsserts, `seed ${seed}: ${describeFailures(result)}`).toEqual([]);
      expect(result.xsdErrors, `seed ${seed}`).toEqual([]);
    }
  });
});

describe.skipIf(skipReason)("the validator itself", () => {
  it("accepts an official example", async () => {
    const example = readFileSync(path.join(CII_EXAMPLES_DIR, "CII_example1.xml"), "utf8");
    expectValid(await validateCii(example));
  });

  it("reports wrong totals as BR-CO-15 and BR-CO-16", async () => {
    const xml = buildCii(invoiceVariants["20 % VAT (SASU with capital and RCS)"]!).replace(
      /<ram:GrandTotalAmount>[^<]*</,
      "<ram:GrandTotalAmount>1.00<",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.failedAsserts.map((a) => a.id)).toEqual(expect.arrayContaining(["BR-CO-15", "BR-CO-16"]));
  });

  it("reports the franchise trap: without BT-32 (FC) an exempt invoice fails BR-E-02", async () => {
    const xml = buildCii(invoiceVariants["VAT franchise (EI micro-entrepreneur, no VAT number)"]!).replace(
      /<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="FC">[^<]*<\/ram:ID>\s*<\/ram:SpecifiedTaxRegistration>/,
      "",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.failedAsserts.map((a) => a.id)).toContain("BR-E-02");
  });

  it("reports XSD errors for elements out of order", async () => {
    const xml = buildCii(invoiceVariants["20 % VAT (SASU with capital and RCS)"]!).replace(
      /(<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>)\s*(<ram:PaymentReference>[^<]*<\/ram:PaymentReference>)?/,
      "$1<ram:PaymentReference>X</ram:PaymentReference>",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.xsdErrors.join("\n")).toMatch(/PaymentReference/);
  });
});
