import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCii } from "../../src/invoicing/cii.ts";
import { buildCreditNote } from "../../src/invoicing/credit-note.ts";
import type { InvoiceDocument } from "../../src/invoicing/invoice-model.ts";
import {
  CII_EXAMPLES_DIR,
  type CiiValidation,
  describeFailures,
  en16931SkipReason,
  validateCii,
} from "../helpers/en16931.ts";
import {
  accentedClient,
  americanClient,
  frenchClient,
  germanClient,
  invoiceFor,
  microEntrepreneur,
  sasu,
} from "./fixtures.ts";
import { randomLines, seededRandom } from "./random-lines.ts";

const skipReason = en16931SkipReason();
if (skipReason) console.warn(`Skipping EN 16931 validation: ${skipReason}`);

const original = invoiceFor(sasu, frenchClient, {
  lines: [
    { description: "Développement — mars 2027", quantity: 9.5, unitPriceCents: 62_000, vatRate: 20 },
    { description: "Astreinte week-end", quantity: 0.5, unitPriceCents: 31_050, vatRate: 20 },
  ],
});

const variants: Record<string, InvoiceDocument> = {
  "VAT franchise (EI micro-entrepreneur, no VAT number)": invoiceFor(microEntrepreneur, frenchClient),
  "20 % VAT (SASU with capital and RCS)": invoiceFor(sasu, frenchClient),
  "reverse charge, client in Germany": invoiceFor(sasu, germanClient),
  "client outside the EU (not subject to French VAT)": invoiceFor(sasu, americanClient),
  "several lines with half days (9.5 and 0.5)": original,
  "several VAT rates and hour/piece units": invoiceFor(sasu, frenchClient, {
    lines: [
      { description: "Formation", quantity: 3, unitPriceCents: 45_000, vatRate: 20 },
      { description: "Support (heures)", quantity: 7.25, unitPriceCents: 8_333, vatRate: 20, unit: "HUR" },
      { description: "Livre technique", quantity: 2, unitPriceCents: 3_999, vatRate: 5.5, unit: "C62" },
    ],
  }),
  "credit note for part of an invoice": buildCreditNote(
    original,
    { number: "AV-2027-0001", issueDate: "2027-04-10", lines: [original.lines[1]!] },
    [],
  ),
  "credit note under the franchise": buildCreditNote(
    invoiceFor(microEntrepreneur, frenchClient),
    { number: "F-2027-0002", issueDate: "2027-04-02" },
    [],
  ),
  "long accented address with & < > and apostrophes": invoiceFor(sasu, accentedClient, {
    lines: [
      {
        description: "Refonte « cœur » de l'outil & migration <v2>",
        quantity: 12,
        unitPriceCents: 58_000,
        vatRate: 20,
      },
    ],
    purchaseOrderReference: "BC n°2027-Ç/œ",
    buyerReference: "Service achats — Mme N'Diaye",
  }),
};

function expectValid(result: CiiValidation): void {
  if ("skipped" in result) throw new Error(result.skipped);
  expect(result.xsdErrors, describeFailures(result)).toEqual([]);
  expect(result.failedAsserts, describeFailures(result)).toEqual([]);
}

describe.skipIf(skipReason)("buildCii against the official EN 16931 XSD and schematron", () => {
  for (const [name, invoice] of Object.entries(variants)) {
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
    const xml = buildCii(variants["20 % VAT (SASU with capital and RCS)"]!).replace(
      /<ram:GrandTotalAmount>[^<]*</,
      "<ram:GrandTotalAmount>1.00<",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.failedAsserts.map((a) => a.id)).toEqual(expect.arrayContaining(["BR-CO-15", "BR-CO-16"]));
  });

  it("reports the franchise trap: without BT-32 (FC) an exempt invoice fails BR-E-02", async () => {
    const xml = buildCii(variants["VAT franchise (EI micro-entrepreneur, no VAT number)"]!).replace(
      /<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="FC">[^<]*<\/ram:ID>\s*<\/ram:SpecifiedTaxRegistration>/,
      "",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.failedAsserts.map((a) => a.id)).toContain("BR-E-02");
  });

  it("reports XSD errors for elements out of order", async () => {
    const xml = buildCii(variants["20 % VAT (SASU with capital and RCS)"]!).replace(
      /(<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>)\s*(<ram:PaymentReference>[^<]*<\/ram:PaymentReference>)?/,
      "$1<ram:PaymentReference>X</ram:PaymentReference>",
    );
    const result = await validateCii(xml);
    if ("skipped" in result) throw new Error(result.skipped);
    expect(result.xsdErrors.join("\n")).toMatch(/PaymentReference/);
  });
});
