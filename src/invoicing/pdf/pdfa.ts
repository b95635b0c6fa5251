import type { PDFDocument } from "pdf-lib";
import { PDFHexString, PDFName, PDFString } from "pdf-lib";
import type { XmpFields } from "./xmp.ts";
import { buildXmp } from "./xmp.ts";

// What turns a pdf-lib document into PDF/A-3b, besides embedded fonts and no transparency (which the
// drawing code guarantees): an Info dictionary that agrees with the XMP packet, the XMP packet
// itself (uncompressed, as validators read it), an sRGB output intent so DeviceRGB colours have a
// defined meaning, and a document ID in the trailer.

export interface PdfAIdentity {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  /** Both the creation and modification date: an issued invoice's rendering never changes. */
  created: Date;
  /** BCP 47, e.g. "fr-FR". */
  language: string;
  /** 16 bytes, stable for the same document so re-rendering gives the same file. */
  documentId: Uint8Array;
}

const SRGB_CONDITION = "sRGB IEC61966-2.1";

export function makePdfA3(doc: PDFDocument, identity: PdfAIdentity, srgbIccProfile: Uint8Array): void {
  doc.setTitle(identity.title, { showInWindowTitleBar: true });
  doc.setAuthor(identity.author);
  doc.setSubject(identity.subject);
  doc.setCreator(identity.creator);
  doc.setProducer(identity.producer);
  doc.setCreationDate(identity.created);
  doc.setModificationDate(identity.created);
  doc.setLanguage(identity.language);

  const hex = toHex(identity.documentId);
  const xmp: XmpFields = {
    title: identity.title,
    author: identity.author,
    subject: identity.subject,
    creatorTool: identity.creator,
    producer: identity.producer,
    // Whole seconds, as the Info dictionary's D:YYYYMMDDHHmmSSZ form holds them.
    createDate: `${identity.created.toISOString().slice(0, 19)}Z`,
    documentId: `uuid:${uuidFormat(hex)}`,
  };
  const { context, catalog } = doc;
  const metadata = context.stream(new TextEncoder().encode(buildXmp(xmp)), {
    Type: "Metadata",
    Subtype: "XML",
  });
  catalog.set(PDFName.of("Metadata"), context.register(metadata));

  const profile = context.register(context.flateStream(srgbIccProfile, { N: 3 }));
  const outputIntent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of(SRGB_CONDITION),
    Info: PDFString.of(SRGB_CONDITION),
    RegistryName: PDFString.of("http://www.color.org"),
    DestOutputProfile: profile,
  });
  catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(outputIntent)]));

  context.trailerInfo.ID = context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function uuidFormat(hex: string): string {
  const h = hex.padEnd(32, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
