// What the `document` column holds once a document is issued: the InvoiceDocument exactly as issued,
// plus the language it is rendered in and the reason given for a credit note. Frozen with the number.
import type { InvoiceDocument } from "./invoice-model.ts";

export interface StoredDocument extends InvoiceDocument {
  locale: "fr" | "en";
  /** why a credit note was issued, as the owner wrote it */
  note?: string;
}

export function storedDocument(value: unknown): StoredDocument {
  return value as StoredDocument;
}
