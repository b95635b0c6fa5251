// The streaming ZIP writer, read back by Python's zipfile and Info-ZIP's unzip (independent readers
// that check every CRC), and inspected byte by byte for what macOS Archive Utility needs: sizes in
// each local header and no data descriptor after the data.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { crc32, type ZipFile, zipWriter } from "../../src/invoicing/export-zip-writer.ts";

const encode = (text: string) => new TextEncoder().encode(text);

function archive(files: ZipFile[]): Uint8Array {
  const zip = zipWriter();
  const parts = [...files.map((file) => zip.add(file)), zip.finish()];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const PDF_LIKE = Uint8Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 251);
const FILES: ZipFile[] = [
  {
    name: "README.txt",
    data: encode("Export comptable 2027\r\n".repeat(50)),
    date: "2027-04-02",
    compress: true,
  },
  { name: "invoices/F-2027-0001.pdf", data: PDF_LIKE, date: "2027-03-31", compress: false },
  {
    name: "invoices/F-2027-0001.xml",
    data: encode("<a>é</a>".repeat(200)),
    date: "2027-03-31",
    compress: true,
  },
  { name: "credit-notes/Avoir-é.xml", data: encode("x"), date: "2027-12-31", compress: true },
];

describe("the export's ZIP writer", () => {
  it("writes an archive Python's zipfile and unzip -t accept, with each file's bytes and date", () => {
    const bytes = archive(FILES);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "export-zip-")), "a.zip");
    writeFileSync(file, bytes);
    const script =
      "import zipfile, json, sys\n" +
      "z = zipfile.ZipFile(sys.argv[1])\n" +
      "assert z.testzip() is None\n" +
      "print(json.dumps([[i.filename, i.file_size, list(i.date_time), i.compress_type, i.flag_bits] for i in z.infolist()]))";
    const infos = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" }));
    expect(infos).toEqual([
      ["README.txt", FILES[0]!.data.length, [2027, 4, 2, 0, 0, 0], 8, 0],
      ["invoices/F-2027-0001.pdf", 5_000, [2027, 3, 31, 0, 0, 0], 0, 0],
      ["invoices/F-2027-0001.xml", FILES[2]!.data.length, [2027, 3, 31, 0, 0, 0], 8, 0],
      // bit 11: the name is UTF-8
      ["credit-notes/Avoir-é.xml", 1, [2027, 12, 31, 0, 0, 0], 0, 0x0800],
    ]);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");

    const unzipped = unzipSync(bytes);
    for (const f of FILES) expect(unzipped[f.name], f.name).toEqual(f.data);
  });

  it("puts CRC and sizes in every local header and no data descriptor after the data", () => {
    const bytes = archive(FILES);
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const file of FILES) {
      expect(view.getUint32(at, true), file.name).toBe(0x04034b50);
      expect(view.getUint16(at + 6, true) & 0x0008, "data descriptor flag").toBe(0);
      expect(view.getUint32(at + 14, true)).toBe(crc32(file.data));
      expect(view.getUint32(at + 22, true)).toBe(file.data.length);
      const compressed = view.getUint32(at + 18, true);
      at += 30 + view.getUint16(at + 26, true) + compressed;
    }
    // Straight on to the central directory: nothing between the last file and it.
    expect(view.getUint32(at, true)).toBe(0x02014b50);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("gives the same bytes for the same files", () => {
    expect(archive(FILES)).toEqual(archive(FILES));
  });
});
