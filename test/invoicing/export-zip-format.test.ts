// The accountant's ZIP as bytes, written by fflate's streaming Zip: read back by Python's zipfile and
// Info-ZIP's unzip (independent readers that check every CRC), every entry deflated in its local
// header and in the central directory (macOS Archive Utility refuses a stored entry followed by a
// data descriptor, which fflate always writes), dated by its document, and the same bytes twice.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "../../src/platform/db/schema.ts";
import { draftInvoice, type InvoicingFixture, invoicingFixture, LINE } from "./api-fixture.ts";

const DEFLATED = 8;
const DATA_DESCRIPTOR_FLAG = 0x0008;

async function zipBytes(f: InvoicingFixture): Promise<Uint8Array> {
  const response = await f.api("/api/exports/invoices.zip?year=2027");
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

interface Entry {
  name: string;
  size: number;
  dateTime: number[];
  method: number;
  flags: number;
  headerOffset: number;
}

/** Python's zipfile reads the central directory and checks every CRC (testzip) before listing. */
function pythonEntries(file: string): Entry[] {
  const script =
    "import zipfile, json, sys\n" +
    "z = zipfile.ZipFile(sys.argv[1])\n" +
    "assert z.testzip() is None\n" +
    "print(json.dumps([dict(name=i.filename, size=i.file_size, dateTime=list(i.date_time),\n" +
    "  method=i.compress_type, flags=i.flag_bits, headerOffset=i.header_offset) for i in z.infolist()]))";
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" }));
}

describe("the accountant's ZIP bytes", () => {
  it("is read by zipfile and unzip -t, every entry deflated and dated by its document", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f, [LINE]);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const credit = await f.json<{ id: string }>(
      `/api/invoices/${id}/credit-note`,
      { body: { lines: [{ ...LINE, quantity: 1 }] } },
      201,
    );
    // Issued on another day than the export's, so the two dates can be told apart.
    await f.deps.database.db
      .update(invoices)
      .set({ issueDate: "2027-03-31" })
      .where(eq(invoices.id, credit.id));
    const bytes = await zipBytes(f);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "export-zip-")), "a.zip");
    writeFileSync(file, bytes);

    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    const entries = pythonEntries(file);
    expect(entries.map((e) => e.name)).toEqual([
      "README.txt",
      "invoices-2027.csv",
      "invoices/F-2027-0001.pdf",
      "invoices/F-2027-0001.xml",
      "invoices/F-2027-0001-ubl.xml",
      "credit-notes/AV-2027-0001.pdf",
      "credit-notes/AV-2027-0001.xml",
      "credit-notes/AV-2027-0001-ubl.xml",
    ]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of entries) {
      expect(entry.size, entry.name).toBeGreaterThan(0);
      expect(entry.method, entry.name).toBe(DEFLATED);
      // The local header agrees: deflated, its CRC and sizes in the descriptor after the data.
      expect(view.getUint32(entry.headerOffset, true), entry.name).toBe(0x04034b50);
      expect(view.getUint16(entry.headerOffset + 8, true), entry.name).toBe(DEFLATED);
      expect(view.getUint16(entry.headerOffset + 6, true) & DATA_DESCRIPTOR_FLAG, entry.name).toBe(
        DATA_DESCRIPTOR_FLAG,
      );
      // The export's day for README and CSV, the issue day for documents: at midnight, whatever
      // the zone the server runs in (this project runs in Pacific/Auckland).
      const day = entry.name.startsWith("credit-notes/") ? [2027, 3, 31] : [2027, 4, 2];
      expect(entry.dateTime, entry.name).toEqual([...day, 0, 0, 0]);
    }
  });

  it("gives the same bytes for the same documents", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f, [LINE]);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const first = await zipBytes(f);
    expect(first.length).toBeGreaterThan(1_000);
    expect(await zipBytes(f)).toEqual(first);
  });
});
