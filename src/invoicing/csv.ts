// CSV for the accountant (RFC 4180: comma separated, CRLF lines), safe to open in a spreadsheet.

// A cell starting with one of these is read as a formula by Excel, LibreOffice and Google Sheets;
// a client's name such as "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const neutral = FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * 123456 → 1234.56 (negative for credit notes). A number, so the cell is never neutralised and sums
 * in a spreadsheet; the shortest round-trip form of cents / 100 is always the exact decimal.
 */
export function csvAmount(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  return cents / 100;
}
