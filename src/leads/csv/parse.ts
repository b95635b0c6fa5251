// RFC 4180 CSV, as spreadsheets really write it: quoted fields with "" escapes and line breaks inside,
// CRLF, LF or CR line ends, and whichever delimiter the file uses (French Excel writes ";"). Pure.

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRecord {
  /** the file line the record starts on (1-based), what the owner sees in the report */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** a quote opened and never closed: the records up to that line were read */
  unterminatedQuoteAt?: number;
}

/** The delimiter the header line uses most, outside quotes; "," when the header has none. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    // A blank line is no record (spreadsheets leave some at the end).
    if (cells.length > 1 || cells[0]!.trim() !== "") records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      // A quote opens a quoted field only at its start; elsewhere it is an ordinary character.
      quoted = true;
      quoteLine = line;
      cell = "";
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) return { records, unterminatedQuoteAt: quoteLine };
  if (cell !== "" || cells.length > 0) endRecord();
  return { records };
}
