// Turning an uploaded file's bytes into text. Spreadsheets save CSV as UTF-8 (with or without a BOM),
// UTF-16 ("Unicode text") or, in French Excel, Windows-1252: the bytes say which. Pure.

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedFile {
  text: string;
  encoding: CsvEncoding;
  /** the file started with a byte order mark (removed from text) */
  bom: boolean;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", bom: false };
  } catch {
    // Not valid UTF-8: the usual culprit is Excel's "CSV (séparateur: point-virgule)", in Windows-1252,
    // a superset of Latin-1 that also has € and œ.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252", bom: false };
  }
}
