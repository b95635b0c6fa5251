// The accountant's ZIP for a year: README.txt, the CSV, and for every issued invoice and credit note
// its Factur-X PDF, its CII XML and its UBL XML side by side. Rendering 200 PDFs takes seconds, so the
// archive streams: one document is rendered each time the client is ready for more, and the browser's
// download shows progress from the first file instead of waiting on a blank page.
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { archiveNamer } from "./export-names.ts";
import { readmeText } from "./export-readme.ts";
import { type ZipFile, zipWriter } from "./export-zip-writer.ts";
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

  const zip = zipWriter();
  const text = (name: string, content: string): ZipFile => ({
    name,
    data: new TextEncoder().encode(content),
    date: today,
    compress: true,
  });
  const head = [text("README.txt", readme), text(csvName, csv)].map((file) => zip.add(file));
  const first = planned[0] ? await documentFiles(deps, planned[0]) : [];
  let next = 1;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const chunk of head) controller.enqueue(chunk);
        for (const file of first) controller.enqueue(zip.add(file));
      },
      async pull(controller) {
        const document = planned[next++];
        if (!document) {
          controller.enqueue(zip.finish());
          controller.close();
          return;
        }
        try {
          for (const file of await documentFiles(deps, document)) controller.enqueue(zip.add(file));
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
async function documentFiles(deps: AppDeps, { row, folder, base }: PlannedDocument): Promise<ZipFile[]> {
  const document = storedDocument(row.document);
  const totals = computeTotals(document.lines, document.vatMode);
  const date = row.issueDate!;
  const path = `${folder}/${base}`;
  return [
    { name: `${path}.pdf`, data: await invoicePdf(deps, document), date, compress: false },
    { name: `${path}.xml`, data: utf8(await ciiXml(document, totals)), date, compress: true },
    {
      name: `${folder}/${ublFilename(base)}`,
      data: utf8(await ublXml(document, totals)),
      date,
      compress: true,
    },
  ];
}

const utf8 = (text: string) => new TextEncoder().encode(text);
