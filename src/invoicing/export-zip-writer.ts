// A ZIP written one file at a time, each file's bytes handed out as soon as it is added, so an
// archive of a year of invoices streams instead of waiting for the last PDF. Unlike a streaming
// writer that learns sizes afterwards (fflate's Zip), every local header here carries its CRC and
// sizes and no data descriptor follows: macOS Archive Utility refuses stored entries followed by
// data descriptors, and the accountant may well unzip on a Mac. Plain ZIP (no ZIP64): the writer
// refuses past 4 GiB or 65,535 files, far beyond a freelancer's year.
import { deflateSync } from "fflate";

export interface ZipFile {
  /** a path inside the archive, "/"-separated */
  name: string;
  data: Uint8Array;
  /** YYYY-MM-DD, stored as the file's date (at midnight) so the same documents give the same bytes */
  date: string;
  /** deflate it (text); false stores it as is (a PDF, already compressed) */
  compress: boolean;
}

export interface ZipWriter {
  /** The local header and the (compressed) bytes of one file. */
  add(file: ZipFile): Uint8Array;
  /** The central directory and its end record, after the last file. */
  finish(): Uint8Array;
}

const UTF8_NAME_FLAG = 0x0800;
const VERSION = 20;
const MAX_32 = 0xffff_ffff;

export function zipWriter(): ZipWriter {
  const central: Uint8Array[] = [];
  let offset = 0;
  return {
    add(file) {
      if (central.length >= 0xffff) throw new RangeError("More than 65,535 files need ZIP64");
      const name = new TextEncoder().encode(file.name);
      const deflated = file.compress ? deflateSync(file.data, { level: 6 }) : undefined;
      const useDeflate = deflated !== undefined && deflated.length < file.data.length;
      const stored = useDeflate ? deflated : file.data;
      const fields = {
        flags: /^[\x20-\x7e]*$/.test(file.name) ? 0 : UTF8_NAME_FLAG,
        method: useDeflate ? 8 : 0,
        dosDate: dosDate(file.date),
        crc: crc32(file.data),
        compressedSize: stored.length,
        size: file.data.length,
        nameLength: name.length,
      };
      if (offset + 30 + name.length + stored.length > MAX_32) throw new RangeError("Archive over 4 GiB");
      const local = new Uint8Array(30 + name.length + stored.length);
      const view = new DataView(local.buffer);
      view.setUint32(0, 0x04034b50, true);
      writeCommon(view, 4, fields);
      local.set(name, 30);
      local.set(stored, 30 + name.length);

      const entry = new Uint8Array(46 + name.length);
      const entryView = new DataView(entry.buffer);
      entryView.setUint32(0, 0x02014b50, true);
      entryView.setUint16(4, VERSION, true); // made by: MS-DOS attributes, readable everywhere
      writeCommon(entryView, 6, fields);
      // comment length, disk number, internal and external attributes: all zero
      entryView.setUint32(42, offset, true);
      entry.set(name, 46);
      central.push(entry);
      offset += local.length;
      return local;
    },
    finish() {
      const directorySize = central.reduce((sum, entry) => sum + entry.length, 0);
      const out = new Uint8Array(directorySize + 22);
      let at = 0;
      for (const entry of central) {
        out.set(entry, at);
        at += entry.length;
      }
      const view = new DataView(out.buffer);
      view.setUint32(at, 0x06054b50, true);
      view.setUint16(at + 8, central.length, true);
      view.setUint16(at + 10, central.length, true);
      view.setUint32(at + 12, directorySize, true);
      view.setUint32(at + 16, offset, true);
      return out;
    },
  };
}

interface HeaderFields {
  flags: number;
  method: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** The 26 bytes the local header and the central directory entry share, from "version needed" on. */
function writeCommon(view: DataView, at: number, f: HeaderFields): void {
  view.setUint16(at, VERSION, true);
  view.setUint16(at + 2, f.flags, true);
  view.setUint16(at + 4, f.method, true);
  view.setUint16(at + 6, 0, true); // time: midnight
  view.setUint16(at + 8, f.dosDate, true);
  view.setUint32(at + 10, f.crc, true);
  view.setUint32(at + 14, f.compressedSize, true);
  view.setUint32(at + 18, f.size, true);
  view.setUint16(at + 22, f.nameLength, true);
  // extra field length: zero
}

/** MS-DOS date: years since 1980 in 7 bits, month in 4, day in 5. */
function dosDate(isoDate: string): number {
  const [year = 1980, month = 1, day = 1] = isoDate.split("-").map(Number);
  return ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
}

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = MAX_32;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ MAX_32) >>> 0;
}
