// The accountant's ZIP for a year: README.txt, the CSV, and for every issued invoice and credit note
// its Factur-X PDF, its CII XML and its UBL XML side by side. Rendering 200 PDFs takes seconds, so the
// archive streams: one document is rendered each time the client is ready for more, and the browser's
// download shows progress from the first file instead of waiting on a blank page. fflate's streaming
// Zip writes it: every entry deflated, its CRC and sizes in a data descriptor after the data, the
// form every streaming zipper writes (Java's ZipOutputStream, archiver) and every unzip tool reads,
// macOS Archive Utility included; it is stored entries followed by a descriptor that the Archive
// Utility refuses, so nothing here is stored, not even the already-compressed PDFs.
import { Zip, ZipDeflate } from "fflate";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { archiveNamer } from "./export-names.ts";
import { readmeText } from "./export-readme.ts";
import { CSV_COLUMNS, yearCsv } from "./exports.ts";
import { type InvoiceWithCredits, issuedInYear } from "./invoice-store.ts";
import { invoicePdf } from "./pdf-port.ts";
import { storedDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";
import { ciiXml, ublFilename, ublXml } from "./xml-documents.ts";

interface PlannedDocument {
  row: InvoiceWithCredits;
  folder: "invoices" | "credit-notes";
  /** the number made safe as a file name, without extension: see export-names.ts */
  base: string;
}

/**
 * The archive as a stream of bytes. Everything that can fail before the first byte (reading the
 * year, the CSV, loading the PDF renderer with the first document) fails here, as a problem the
 * route can answer; a failure after that can only cut the download short, and is logged.
 */
export async function invoicesZipStream(
  deps: AppDeps,
  owner: CurrentOwner,
  year: number,
  today: string,
): Promise<ReadableStream<Uint8Array>> {
  const rows = await issuedInYear(deps.database, owner.id, year);
  const csvName = `invoices-${year}.csv`;
  const csv = await yearCsv(deps, owner.id, year, rows, today);
  const nameOf = archiveNamer();
  const planned: PlannedDocument[] = rows.map((row) => ({
    row,
    folder: row.type === "invoice" ? "invoices" : "credit-notes",
    base: nameOf(row.number!),
  }));
  const readme = readmeText(owner.locale, {
    year,
    today,
    csvName,
    invoiceCount: rows.filter((r) => r.type === "invoice").length,
    creditNoteCount: rows.filter((r) => r.type === "credit_note").length,
    columns: CSV_COLUMNS,
    renamed: planned
      .map(({ row, base }) => ({ number: row.number!, name: base }))
      .filter(({ number, name }) => number !== name),
  });

  const zip = zipArchive();
  const text = (name: string, content: string): ArchiveFile => ({
    name,
    data: utf8(content),
    date: today,
    level: TEXT_LEVEL,
  });
  const head = [text("README.txt", readme), text(csvName, csv)].flatMap((file) => zip.add(file));
  const first = planned[0] ? await documentFiles(deps, planned[0]) : [];
  let next = 1;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const chunk of head) controller.enqueue(chunk);
        for (const chunk of first.flatMap((file) => zip.add(file))) controller.enqueue(chunk);
      },
      async pull(controller) {
        const document = planned[next++];
        if (!document) {
          for (const chunk of zip.finish()) controller.enqueue(chunk);
          controller.close();
          return;
        }
        try {
          const files = await documentFiles(deps, document);
          for (const chunk of files.flatMap((file) => zip.add(file))) controller.enqueue(chunk);
        } catch (error) {
          deps.logger.error("invoice export cut short", {
            number: document.row.number,
            error: String(error),
          });
          controller.error(error);
        }
      },
    },
    // One document's files at a time: the next PDF is rendered only once these are on their way.
    { highWaterMark: 1 },
  );
}

/** The PDF with the CII inside, that CII on its own, and the UBL: the same values three times. */
async function documentFiles(deps: AppDeps, { row, folder, base }: PlannedDocument): Promise<ArchiveFile[]> {
  const document = storedDocument(row.document);
  const totals = computeTotals(document.lines, document.vatMode);
  const date = row.issueDate!;
  const path = `${folder}/${base}`;
  return [
    { name: `${path}.pdf`, data: await invoicePdf(deps, document), date, level: PDF_LEVEL },
    { name: `${path}.xml`, data: utf8(await ciiXml(document, totals)), date, level: TEXT_LEVEL },
    {
      name: `${folder}/${ublFilename(base)}`,
      data: utf8(await ublXml(document, totals)),
      date,
      level: TEXT_LEVEL,
    },
  ];
}

const utf8 = (text: string) => new TextEncoder().encode(text);

interface ArchiveFile {
  /** a path inside the archive, "/"-separated; fflate flags it as UTF-8 when it is not ASCII */
  name: string;
  data: Uint8Array;
  /** YYYY-MM-DD: the entry's date, at midnight, so the same documents give the same bytes */
  date: string;
  level: typeof PDF_LEVEL | typeof TEXT_LEVEL;
}

/** A PDF's streams are compressed already: the lowest level only spares the time. */
const PDF_LEVEL = 1;
/** fflate's default */
const TEXT_LEVEL = 6;

/**
 * fflate's Zip over whole files: each add returns that file's bytes (header, deflated data, data
 * descriptor) and finish the central directory, all synchronously, since ZipDeflate deflates on push.
 */
function zipArchive() {
  let chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const take = () => {
    if (failure) throw failure;
    const taken = chunks;
    chunks = [];
    return taken;
  };
  return {
    add(file: ArchiveFile): Uint8Array[] {
      const entry = new ZipDeflate(file.name, { level: file.level });
      // fflate writes the date's local-time fields: local midnight of that day, whatever the zone.
      const [year = 1980, month = 1, day = 1] = file.date.split("-").map(Number);
      entry.mtime = new Date(year, month - 1, day);
      zip.add(entry);
      entry.push(file.data, true);
      return take();
    },
    finish(): Uint8Array[] {
      zip.end();
      return take();
    },
  };
}
