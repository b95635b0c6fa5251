// Invoice numbers: `{prefix}-{year}-{sequence}`, e.g. F-2027-0001. The series is (prefix, year of
// issue); the sequence restarts at 1 each year and never skips. Assigning the next number atomically
// is the store's job (one INSERT … SELECT guarded by a unique index); these helpers only say what
// the number looks like and check a series after the fact.

export const DEFAULT_INVOICE_PREFIX = "F";
/** Credit notes may share the invoice series or have their own; "AV" (avoir) when they have their own. */
export const DEFAULT_CREDIT_NOTE_PREFIX = "AV";

const PREFIX_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,14}[A-Za-z0-9])?$/;
const NUMBER_PATTERN = /^(.+)-(\d{4})-(\d{4,})$/;
const MIN_SEQUENCE_DIGITS = 4;

export interface ParsedInvoiceNumber {
  prefix: string;
  year: number;
  sequence: number;
}

export function isValidInvoicePrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

export function formatInvoiceNumber(prefix: string, year: number, sequence: number): string {
  if (!isValidInvoicePrefix(prefix)) {
    throw new RangeError(
      `Invalid invoice prefix "${prefix}": letters, digits, "-" or "_", 1 to 16 characters`,
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, "0")}`;
}

/** The key under which the store counts: one gapless sequence per key. */
export function invoiceSeriesKey(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}

/** The series year is the year of the issue date, never of the service period. */
export function seriesYear(issueDate: string): number {
  return Number(issueDate.slice(0, 4));
}

export function parseInvoiceNumber(number: string): ParsedInvoiceNumber | undefined {
  const match = NUMBER_PATTERN.exec(number);
  if (!match) return undefined;
  const [, prefix = "", year = "", sequence = ""] = match;
  if (!isValidInvoicePrefix(prefix)) return undefined;
  const parsed = { prefix, year: Number(year), sequence: Number(sequence) };
  return parsed.sequence >= 1 && Number.isSafeInteger(parsed.sequence) ? parsed : undefined;
}

export interface NumberingReport {
  /** Numbers missing from a series, e.g. F-2027-0003 when 0002 and 0004 exist. */
  gaps: string[];
  /** Numbers used twice. */
  duplicates: string[];
  /** Numbers whose issue date is earlier than that of a lower number in the same series. */
  outOfOrder: string[];
  /** Numbers that do not parse, or whose series year is not their issue year. */
  malformed: string[];
}

interface IssuedInSeries {
  sequence: number;
  number: string;
  issueDate: string;
}

/** Audits issued numbers: the law wants each series chronological and without gaps. */
export function auditNumbering(issued: readonly { number: string; issueDate: string }[]): NumberingReport {
  const report: NumberingReport = { gaps: [], duplicates: [], outOfOrder: [], malformed: [] };
  const series = new Map<string, { prefix: string; year: number; members: IssuedInSeries[] }>();
  for (const invoice of issued) {
    const parsed = parseInvoiceNumber(invoice.number);
    if (!parsed || parsed.year !== seriesYear(invoice.issueDate)) {
      report.malformed.push(invoice.number);
      continue;
    }
    const key = invoiceSeriesKey(parsed.prefix, parsed.year);
    const entry = series.get(key) ?? { prefix: parsed.prefix, year: parsed.year, members: [] };
    entry.members.push({ sequence: parsed.sequence, ...invoice });
    series.set(key, entry);
  }
  for (const { prefix, year, members } of series.values()) {
    members.sort((a, b) => a.sequence - b.sequence);
    let expected = 1;
    let latestDate = "";
    for (const member of members) {
      if (member.sequence < expected) report.duplicates.push(member.number);
      for (; expected < member.sequence; expected++)
        report.gaps.push(formatInvoiceNumber(prefix, year, expected));
      expected = Math.max(expected, member.sequence + 1);
      if (member.issueDate < latestDate) report.outOfOrder.push(member.number);
      if (member.issueDate > latestDate) latestDate = member.issueDate;
    }
  }
  return report;
}
