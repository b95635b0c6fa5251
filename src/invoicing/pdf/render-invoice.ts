import { AFRelationship, PDFDocument } from "pdf-lib";
import { Temporal } from "temporal-polyfill";
import type { InvoiceDocument } from "../invoice-model.ts";
import { InvoiceInputError } from "../invoice-model.ts";
import { sellerDisplayName } from "../legal-mentions.ts";
import type { InvoiceTotals } from "../totals.ts";
import type { PdfAssets } from "./assets.ts";
import type { PdfFonts } from "./canvas.ts";
import { Canvas } from "./canvas.ts";
import { fontkitForPdfLib, postscriptName } from "./fontkit-adapter.ts";
import { drawHeader } from "./header.ts";
import type { PdfLocale } from "./labels.ts";
import { drawConditions, drawFooters, drawRunningHeader } from "./legal-block.ts";
import { drawLinesTable } from "./lines-table.ts";
import { makePdfA3 } from "./pdfa.ts";
import { drawPayment, drawTotals } from "./summary.ts";
import { invoiceView } from "./view.ts";
import { FACTUR_X } from "./xmp.ts";

export interface RenderInvoicePdfInput {
  invoice: InvoiceDocument;
  /** As computed (or stored) for this invoice: computeTotals(invoice.lines, invoice.vatMode). */
  totals: InvoiceTotals;
  /** The CII of the same invoice (buildCii), embedded byte for byte as factur-x.xml. */
  ciiXml: string;
  locale: PdfLocale;
  assets: PdfAssets;
}

const CREATOR = "Créneau";
const PRODUCER = "Créneau (pdf-lib)";
// pdf-lib draws glyph ids at their advance widths and ignores positioning, so kerning and mark
// placement (GPOS) would be computed for nothing; Inter's contextual alternates are pure cost for
// Latin text. Turning them off makes layout several times faster; text is NFC-normalised instead.
const SHAPING_FEATURES = {
  calt: false,
  kern: false,
  mark: false,
  mkmk: false,
  curs: false,
  liga: false,
  clig: false,
  rclt: false,
};

/**
 * The invoice as a Factur-X PDF (EN 16931 profile): a PDF/A-3b page a person reads, with the CII a
 * machine reads attached as its "Alternative" representation. Deterministic: the same input always
 * gives the same bytes (dates come from the issue date, identifiers from a hash of the content).
 */
export async function renderInvoicePdf(input: RenderInvoicePdfInput): Promise<Uint8Array> {
  const { invoice, totals, ciiXml, locale, assets } = input;
  if (totals.lines.length !== invoice.lines.length) {
    throw new InvoiceInputError([{ path: "totals", message: "The totals do not match the lines" }]);
  }
  const xmlBytes = new TextEncoder().encode(ciiXml);
  const fingerprint = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${locale}\n${ciiXml}`)),
  );
  const created = issueInstant(invoice.issueDate);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkitForPdfLib);
  const fonts = await embedFonts(doc, assets, fingerprint);
  const view = invoiceView(invoice, totals, locale);
  const canvas = new Canvas(doc, fonts);
  const runningHeader = () => drawRunningHeader(canvas, view);

  drawHeader(canvas, view);
  drawLinesTable(canvas, view, runningHeader);
  drawTotals(canvas, view);
  drawPayment(canvas, view);
  drawConditions(canvas, view);
  drawFooters(canvas, view);

  const title = `${view.title} ${invoice.number}`;
  makePdfA3(
    doc,
    {
      title,
      author: sellerDisplayName(invoice.seller),
      subject: `${title} — ${invoice.buyer.name}`,
      creator: CREATOR,
      producer: PRODUCER,
      created,
      language: locale === "fr" ? "fr-FR" : "en-GB",
      documentId: fingerprint.slice(0, 16),
    },
    assets.srgbIccProfile,
  );
  await doc.attach(xmlBytes, FACTUR_X.documentFileName, {
    mimeType: "text/xml",
    description: `Factur-X ${FACTUR_X.conformanceLevel}`,
    creationDate: created,
    modificationDate: created,
    afRelationship: AFRelationship.Alternative,
  });
  return doc.save({ useObjectStreams: true });
}

/** Midnight of the issue date in Paris, the moment the invoice legally exists. */
function issueInstant(issueDate: string): Date {
  const instant = Temporal.PlainDate.from(issueDate).toZonedDateTime({ timeZone: "Europe/Paris" });
  return new Date(instant.epochMilliseconds);
}

async function embedFonts(doc: PDFDocument, assets: PdfAssets, fingerprint: Uint8Array): Promise<PdfFonts> {
  // Subset fonts are named "ABCDEF+PostScriptName"; the tag comes from the content so it is stable.
  const embed = (bytes: Uint8Array, salt: number) =>
    doc.embedFont(bytes, {
      subset: true,
      features: SHAPING_FEATURES,
      customName: `${subsetTag(fingerprint, salt)}+${postscriptName(bytes)}`,
    });
  const [regular, semibold] = await Promise.all([
    embed(assets.fonts.regular, 0),
    embed(assets.fonts.semibold, 6),
  ]);
  return { regular, semibold };
}

function subsetTag(fingerprint: Uint8Array, offset: number): string {
  return Array.from(fingerprint.slice(16 + offset, 22 + offset), (byte) =>
    String.fromCharCode(65 + (byte % 26)),
  ).join("");
}
