import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { create as parseFont } from "fontkit";
import type { PDFRef } from "pdf-lib";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create as parseXml } from "xmlbuilder2";
import { buildCii } from "../../src/invoicing/cii.ts";
import type { InvoiceDocument } from "../../src/invoicing/invoice-model.ts";
import { legalMentions } from "../../src/invoicing/legal-mentions.ts";
import type { PdfAssets } from "../../src/invoicing/pdf/assets.ts";
import { formatQuantity, formatRate } from "../../src/invoicing/pdf/format.ts";
import { pdfLabels } from "../../src/invoicing/pdf/labels.ts";
import { loadPdfAssets } from "../../src/invoicing/pdf/node-assets.ts";
import { renderInvoicePdf } from "../../src/invoicing/pdf/render-invoice.ts";
import { fitToFont, wrapText } from "../../src/invoicing/pdf/text.ts";
import { computeTotals } from "../../src/invoicing/totals.ts";
import { accentedClient, frenchClient, germanClient, invoiceFor, sasu } from "./fixtures.ts";
import { franchiseInvoice, halfDaysInvoice, partialCreditNote } from "./invoice-variants.ts";

// ---------------------------------------------------------------------------------------------
// The documents under test

const fortyLines = invoiceFor(sasu, frenchClient, {
  number: "F-2027-0040",
  lines: Array.from({ length: 40 }, (_, i) => ({
    description: `Développement de la plateforme — jour ${i + 1}`,
    quantity: i % 5 === 4 ? 0.5 : 1,
    unitPriceCents: 62_000,
    vatRate: 20,
  })),
});

interface Variant {
  invoice: InvoiceDocument;
  locale: "fr" | "en";
}
const variants: Record<string, Variant> = {
  franchise: { invoice: franchiseInvoice, locale: "fr" },
  vat20: { invoice: halfDaysInvoice, locale: "fr" },
  reverseCharge: { invoice: invoiceFor(sasu, germanClient, { number: "F-2027-0007" }), locale: "en" },
  creditNote: { invoice: partialCreditNote, locale: "fr" },
  accented: {
    invoice: invoiceFor(sasu, accentedClient, {
      purchaseOrderReference: "BC n°2027-Ç/œ",
      buyerReference: "Service achats — Mme N'Diaye",
    }),
    locale: "fr",
  },
  fortyLines: { invoice: fortyLines, locale: "fr" },
};

interface Rendered extends Variant {
  file: string;
  bytes: Uint8Array;
  ciiXml: string;
}
const rendered: Record<string, Rendered> = {};
let assets: PdfAssets;
const workDir = mkdtempSync(path.join(tmpdir(), "creneau-pdf-"));

async function render(invoice: InvoiceDocument, locale: "fr" | "en"): Promise<[Uint8Array, string]> {
  const totals = computeTotals(invoice.lines, invoice.vatMode);
  const ciiXml = buildCii(invoice, totals);
  return [await renderInvoicePdf({ invoice, totals, ciiXml, locale, assets }), ciiXml];
}

beforeAll(async () => {
  assets = await loadPdfAssets();
  for (const [name, variant] of Object.entries(variants)) {
    const [bytes, ciiXml] = await render(variant.invoice, variant.locale);
    const file = path.join(workDir, `${name}.pdf`);
    writeFileSync(file, bytes);
    rendered[name] = { ...variant, file, bytes, ciiXml };
  }
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// Poppler and qpdf, skipped one by one (with the reason printed) only when not installed

const TOOLS = ["pdffonts", "pdfdetach", "pdfinfo", "pdftotext", "qpdf"] as const;
const missing = TOOLS.filter((tool) => {
  const probe = spawnSync(tool, [tool === "qpdf" ? "--version" : "-v"]);
  return (probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
});
if (missing.length > 0) {
  console.warn(`Skipping PDF checks that need ${missing.join(", ")}: apt-get install poppler-utils qpdf`);
}
const withTool = (tool: (typeof TOOLS)[number]) => it.skipIf(missing.includes(tool));
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: "utf8" });
/** Text as pdftotext gives it, with no-break spaces and line breaks folded into plain spaces. */
const pageText = (file: string, ...args: string[]) =>
  run("pdftotext", ["-raw", ...args, file, "-"])
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
const plain = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, " ");

describe.each(Object.keys(variants))("Factur-X PDF: %s", (name) => {
  const doc = () => rendered[name]!;

  withTool("pdffonts")("embeds every font it uses", () => {
    const rows = run("pdffonts", [doc().file]).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      expect(columns.at(-5), row).toBe("yes"); // emb
      expect(columns.at(-3), row).toBe("yes"); // uni: text can be copied
    }
  });

  withTool("pdfdetach")("carries factur-x.xml, byte for byte the CII", () => {
    expect(run("pdfdetach", ["-list", doc().file])).toMatch(/^1 embedded files\n1: factur-x\.xml\n$/);
    const out = path.join(workDir, `${name}-factur-x.xml`);
    run("pdfdetach", ["-save", "1", "-o", out, doc().file]);
    expect(readFileSync(out).equals(Buffer.from(doc().ciiXml, "utf8"))).toBe(true);
  });

  withTool("pdfinfo")("declares PDF/A-3B and Factur-X EN 16931 in well-formed XMP", () => {
    const xmp = run("pdfinfo", ["-meta", doc().file]);
    expect(() => parseXml(xmp)).not.toThrow();
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain('xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"');
    expect(xmp).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>");
    expect(xmp).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
    expect(xmp).toContain("<fx:Version>1.0</fx:Version>");
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(xmp).toContain("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#<");
  });

  withTool("qpdf")("passes qpdf --check", () => {
    const result = spawnSync("qpdf", ["--check", doc().file], { encoding: "utf8" });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("No syntax or stream encoding errors found");
    expect(result.stdout).toContain("File is not encrypted");
  });

  withTool("pdftotext")("shows the number, the client, the totals and every legal mention", () => {
    const { invoice, locale, file } = doc();
    const text = pageText(file);
    const totals = computeTotals(invoice.lines, invoice.vatMode);
    const euros = (cents: number) => plain(formatEurosFor(cents, locale));
    expect(text).toContain(invoice.number);
    expect(text).toContain(plain(invoice.buyer.name));
    expect(text).toContain(euros(totals.netCents));
    expect(text).toContain(euros(totals.grossCents));
    for (const mention of legalMentions(invoice, locale)) {
      if (mention.key === "paymentDetails") continue; // laid out as IBAN/BIC columns, checked below
      // The seller's identity is the footer of every page, where a label would be noise.
      if (mention.key !== "sellerLegal") expect(text, mention.key).toContain(plain(mention.label));
      expect(text, mention.key).toContain(plain(mention.value));
    }
    if (invoice.typeCode === "380") {
      expect(text).toContain("IBAN");
      expect(text.replaceAll(" ", "")).toContain(invoice.seller.iban.replaceAll(" ", "").toUpperCase());
      expect(text).toContain(invoice.seller.bic);
    }
  });
});

function formatEurosFor(cents: number, locale: "fr" | "en"): string {
  const units = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, locale === "fr" ? " " : ",");
  const fraction = String(cents % 100).padStart(2, "0");
  return locale === "fr" ? `${units},${fraction} €` : `€${units}.${fraction}`;
}

describe("what the client reads", () => {
  withTool("pdftotext")("franchise: the art. 293 B sentence, the EI name, French amounts", () => {
    const text = pageText(rendered.franchise!.file);
    expect(text).toContain("TVA non applicable, art. 293 B du CGI");
    expect(text).toContain("Camille Lefèvre EI");
    expect(text).toContain("Net à payer 11 550,00 €");
    expect(text).toContain("Date d'échéance 30/04/2027");
    expect(text).toContain("21 j 550,00 €");
    expect(text).toContain("Page 1/1");
  });

  withTool("pdftotext")("20 %: half days, VAT per rate, SASU capital and RCS", () => {
    const text = pageText(rendered.vat20!.file);
    expect(text).toContain("9,5 j 620,00 € 20 % 5 890,00 €");
    expect(text).toContain("0,5 j 310,50 € 20 % 155,25 €");
    expect(text).toContain("TVA 20 % 1 209,05 €");
    expect(text).toContain("Total TTC 7 254,30 €");
    expect(text).toContain("SASU au capital de 1 000 € — RCS Paris 552 100 554");
  });

  withTool("pdftotext")("reverse charge in English: Autoliquidation, English amounts, the country", () => {
    const text = pageText(rendered.reverseCharge!.file);
    expect(text).toContain("Reverse charge (Autoliquidation)");
    expect(text).toContain("Amount due €11,550.00");
    expect(text).toContain("21 days €550.00");
    expect(text).toContain("Germany");
    expect(text).not.toContain("VAT 20%");
  });

  withTool("pdftotext")("credit note: titled Avoir, cites the invoice, shows no IBAN to pay into", () => {
    const text = pageText(rendered.creditNote!.file);
    expect(text).toContain("Avoir N° AV-2027-0001");
    expect(text).toContain("Avoir sur : facture F-2027-0001 du 31/03/2027");
    expect(text).toContain("Montant à rembourser 186,30 €");
    expect(text).not.toContain("IBAN");
  });

  withTool("pdftotext")("long accented address and references wrap without losing a character", () => {
    const text = pageText(rendered.accented!.file);
    for (const line of [accentedClient.address.line1, accentedClient.address.line2!, "42100 Saint-Étienne"]) {
      expect(text).toContain(plain(line));
    }
    expect(text).toContain("BC n°2027-Ç/œ");
    expect(text).toContain("Service achats — Mme N'Diaye");
  });

  withTool("pdftotext")("40 lines flow onto a second page with the header repeated and page numbers", () => {
    const { file } = rendered.fortyLines!;
    expect(run("pdfinfo", [file])).toMatch(/^Pages:\s+2$/m);
    const first = pageText(file, "-f", "1", "-l", "1");
    const second = pageText(file, "-f", "2", "-l", "2");
    expect(first).toContain("Page 1/2");
    expect(second).toContain("Page 2/2");
    expect(second).toContain("Facture N° F-2027-0040");
    expect(second).toContain("DESCRIPTION QUANTITÉ PRIX UNIT. HT TVA MONTANT HT");
    expect(second).toContain("jour 40 0,5 j 620,00 € 20 % 310,00 €");
    expect(second).toContain("Net à payer");
    const rows = (first + second).match(/jour \d+ /g) ?? [];
    expect(rows).toHaveLength(40);
  });
});

describe("what does not fit", () => {
  withTool("pdftotext")(
    "a description longer than a page continues on the next one, word for word",
    async () => {
      const words = Array.from({ length: 1500 }, (_, i) => `tâche${i + 1}`);
      const invoice = invoiceFor(sasu, frenchClient, {
        lines: [{ description: words.join(" "), quantity: 1, unitPriceCents: 10_000, vatRate: 20 }],
      });
      const [bytes] = await render(invoice, "fr");
      const file = path.join(workDir, "long-description.pdf");
      writeFileSync(file, bytes);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [file]))?.[1]);
      expect(pages).toBeGreaterThan(1);
      const text = pageText(file);
      expect(text.match(/tâche\d+/g)).toEqual(words);
      expect(text).toContain(`Page ${pages}/${pages}`);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// PDF/A structure, read back with pdf-lib (no external tool needed)

describe("PDF/A-3 structure", () => {
  const load = (name: string) => PDFDocument.load(rendered[name]!.bytes, { updateMetadata: false });
  const dict = (doc: PDFDocument, value: unknown) => doc.context.lookup(value as PDFRef) as PDFDict;
  const name = (value: unknown) => (value as PDFName | undefined)?.decodeText();

  it("has an sRGB output intent with the bundled ICC profile embedded", async () => {
    const doc = await load("vat20");
    const intents = doc.catalog.lookup(PDFName.of("OutputIntents"), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = dict(doc, intents.get(0));
    expect(name(intent.get(PDFName.of("S")))).toBe("GTS_PDFA1");
    const profile = doc.context.lookup(intent.get(PDFName.of("DestOutputProfile"))) as PDFRawStream;
    expect(profile.dict.get(PDFName.of("N"))?.toString()).toBe("3");
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(Buffer.from(assets.srgbIccProfile))).toBe(
      true,
    );
  });

  it("lists factur-x.xml in /AF as the Alternative representation, typed text/xml", async () => {
    const doc = await load("franchise");
    const af = doc.catalog.lookup(PDFName.of("AF"), PDFArray);
    expect(af.size()).toBe(1);
    const spec = dict(doc, af.get(0));
    expect(name(spec.get(PDFName.of("AFRelationship")))).toBe("Alternative");
    expect(spec.get(PDFName.of("F"))?.toString()).toBe("(factur-x.xml)");
    const file = doc.context.lookup(
      dict(doc, spec.get(PDFName.of("EF"))).get(PDFName.of("F")),
    ) as PDFRawStream;
    expect(name(file.dict.get(PDFName.of("Subtype")))).toBe("text/xml");
    expect(dict(doc, file.dict.get(PDFName.of("Params"))).has(PDFName.of("ModDate"))).toBe(true);
  });

  it("has a document ID, no encryption, uncompressed XMP whose dates match the Info dictionary", async () => {
    const doc = await load("creditNote");
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id.size()).toBe(2);
    expect(doc.context.trailerInfo.Encrypt).toBeUndefined();
    const metadata = doc.context.lookup(doc.catalog.get(PDFName.of("Metadata"))) as PDFRawStream;
    expect(metadata.dict.has(PDFName.of("Filter"))).toBe(false);
    const xmp = new TextDecoder().decode(metadata.contents);
    // Issued 2027-04-10: midnight in Paris (UTC+2 in April), whatever the machine's zone.
    expect(xmp).toContain("<xmp:CreateDate>2027-04-09T22:00:00Z</xmp:CreateDate>");
    expect(doc.getCreationDate()?.toISOString()).toBe("2027-04-09T22:00:00.000Z");
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
  });

  it("uses no transparency anywhere (no soft mask, alpha constant or transparency group)", async () => {
    const doc = await load("fortyLines");
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      const entries = object instanceof PDFRawStream ? object.dict : object;
      if (!(entries instanceof PDFDict)) continue;
      const keys = entries.keys().map((key) => key.decodeText());
      for (const forbidden of ["SMask", "CA", "ca", "Group", "BM"]) expect(keys).not.toContain(forbidden);
    }
  });

  it("embeds font subsets whose glyphs are the original ones (no blank glyphs from a broken subsetter)", async () => {
    const doc = await load("accented");
    const originals: Record<string, ReturnType<typeof parseFont>> = {
      "Inter-Regular": parseFont(assets.fonts.regular),
      "Inter-SemiBold": parseFont(assets.fonts.semibold),
    };
    let compared = 0;
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      const font = object;
      if (name(font.get(PDFName.of("Subtype"))) !== "Type0") continue;
      const baseFont = name(font.get(PDFName.of("BaseFont")))!;
      expect(baseFont).toMatch(/^[A-Z]{6}\+Inter-(Regular|SemiBold)$/);
      const source = originals[baseFont.slice(7)]!;
      const cid = dict(doc, font.lookup(PDFName.of("DescendantFonts"), PDFArray).get(0));
      const descriptor = dict(doc, cid.get(PDFName.of("FontDescriptor")));
      const program = doc.context.lookup(descriptor.get(PDFName.of("FontFile2"))) as PDFRawStream;
      const subset = parseFont(decodePDFRawStream(program).decode());
      const toUnicode = new TextDecoder().decode(
        decodePDFRawStream(doc.context.lookup(font.get(PDFName.of("ToUnicode"))) as PDFRawStream).decode(),
      );
      for (const [, gid, unicode] of toUnicode.matchAll(/<([0-9A-F]{4})> <([0-9A-F]{4,8})>/g)) {
        const expected = source.glyphForCodePoint(Number.parseInt(unicode!, 16));
        const actual = subset.getGlyph(Number.parseInt(gid!, 16));
        expect(actual.bbox, `${baseFont} U+${unicode}`).toEqual(expected.bbox);
        expect(actual.advanceWidth).toBe(expected.advanceWidth);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it("is deterministic: the same invoice renders to the same bytes", async () => {
    const { invoice, locale, bytes } = rendered.vat20!;
    const [again] = await render(invoice, locale);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The pure helpers behind the layout

describe("text helpers", () => {
  const monospace = (text: string) => [...text].length * 5;

  it("wraps at spaces within the width, never at a no-break space, and cuts an overlong word", () => {
    const lines = wrapText(
      "Total 1\u00a0250,00\u00a0€ pour la prestation anticonstitutionnellement",
      60,
      monospace,
    );
    for (const line of lines) expect(monospace(line)).toBeLessThanOrEqual(60);
    expect(lines).toContain("1\u00a0250,00\u00a0€");
    expect(lines.join("").replaceAll(" ", "")).toBe(
      "Total1\u00a0250,00\u00a0€pourlaprestationanticonstitutionnellement",
    );
  });

  it("keeps explicit line breaks", () => {
    expect(wrapText("Lot 1\nLot 2", 500, monospace)).toEqual(["Lot 1", "Lot 2"]);
  });

  it("falls back to drawable characters instead of empty boxes", () => {
    const latinOnly = (codePoint: number) => codePoint < 0x250;
    expect(fitToFont("3ᵉ étage", latinOnly)).toBe("3e étage");
    expect(fitToFont("ﬁn\tde\u0007 mission", latinOnly)).toBe("fin de mission");
    expect(fitToFont("e\u0301quipe", latinOnly)).toBe("équipe");
    expect(fitToFont("☃", latinOnly)).toBe("?");
  });

  it("formats quantities and rates per locale", () => {
    expect(formatQuantity(0.5, "DAY", "fr", pdfLabels("fr"))).toBe("0,5\u00a0j");
    expect(formatQuantity(0.5, undefined, "en", pdfLabels("en"))).toBe("0.5\u00a0day");
    expect(formatQuantity(21, "DAY", "en", pdfLabels("en"))).toBe("21\u00a0days");
    expect(formatQuantity(7.25, "HUR", "fr", pdfLabels("fr"))).toBe("7,25\u00a0h");
    expect(formatQuantity(2, "C62", "fr", pdfLabels("fr"))).toBe("2");
    expect(formatRate(5.5, "fr")).toBe("5,5\u00a0%");
    expect(formatRate(20, "en")).toBe("20%");
  });
});
