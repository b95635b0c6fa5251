// From an uploaded file to what importing it would do, row by row, before anything is written. Pure.
import { type ColumnMap, mapColumns } from "./columns.ts";
import { type CsvEncoding, decodeCsvBytes } from "./decode.ts";
import { type Delimiter, detectDelimiter, parseCsv } from "./parse.ts";
import { type ImportRow, type RowError, readRow } from "./rows.ts";

export const MAX_IMPORT_ROWS = 100_000;

export type FileProblem =
  | { code: "empty" }
  | { code: "missing_columns"; missing: ("email" | "name")[]; found: string[] }
  | { code: "unterminated_quote"; line: number }
  | { code: "too_many_rows"; rows: number; max: number };

export interface ReadFile {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  header: string[];
  columns: ColumnMap;
  rows: ImportRow[];
  errors: RowError[];
  problem?: FileProblem;
}

/** Reads and checks every row; a later row with an email already seen in the file is a duplicate. */
export function readImportFile(bytes: Uint8Array, today: string, delimiterChoice?: Delimiter): ReadFile {
  const decoded = decodeCsvBytes(bytes);
  return readImportText(decoded.text, decoded.encoding, today, delimiterChoice);
}

export function readImportText(
  text: string,
  encoding: CsvEncoding,
  today: string,
  delimiterChoice?: Delimiter,
): ReadFile {
  const delimiter = delimiterChoice ?? detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const [headerRecord, ...records] = parsed.records;
  const header = headerRecord?.cells.map((c) => c.trim()) ?? [];
  const columns = mapColumns(header);
  const base = { encoding, delimiter, header, columns, rows: [], errors: [] };
  if (!headerRecord || records.length === 0) return { ...base, problem: { code: "empty" } };
  if (parsed.unterminatedQuoteAt)
    return { ...base, problem: { code: "unterminated_quote", line: parsed.unterminatedQuoteAt } };
  if (columns.missing.length > 0)
    return {
      ...base,
      problem: { code: "missing_columns", missing: columns.missing, found: header.filter(Boolean) },
    };
  if (records.length > MAX_IMPORT_ROWS)
    return { ...base, problem: { code: "too_many_rows", rows: records.length, max: MAX_IMPORT_ROWS } };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const row = readRow(record.cells, record.line, columns, header.length, today);
    if ("problems" in row) {
      errors.push(row);
      continue;
    }
    const first = firstLineOf.get(row.email);
    if (first !== undefined)
      errors.push({ line: row.line, problems: [{ code: "duplicate", firstLine: first }] });
    else {
      firstLineOf.set(row.email, row.line);
      rows.push(row);
    }
  }
  return { ...base, rows, errors };
}

export interface PlannedRow extends ImportRow {
  /** create: a new contact; merge: a new lead in an existing contact's history */
  action: "create" | "merge";
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** people already in the pipeline with an open lead: importing them again would count them twice */
  skipped: { line: number; email: string }[];
}

export function planAgainstExisting(
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, { hasOpenLead: boolean }>,
): ImportPlan {
  const planned: PlannedRow[] = [];
  const skipped: ImportPlan["skipped"] = [];
  for (const row of rows) {
    const found = existing.get(row.email);
    if (found?.hasOpenLead) skipped.push({ line: row.line, email: row.email });
    else planned.push({ ...row, action: found ? "merge" : "create" });
  }
  return { rows: planned, skipped };
}
