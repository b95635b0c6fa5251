import { describe, expect, it } from "vitest";
import {
  auditNumbering,
  formatInvoiceNumber,
  invoiceSeriesKey,
  parseInvoiceNumber,
  seriesYear,
} from "../../src/invoicing/numbering.ts";

describe("invoice numbers", () => {
  it("formats prefix, year and a zero-padded sequence", () => {
    expect(formatInvoiceNumber("F", 2027, 1)).toBe("F-2027-0001");
    expect(formatInvoiceNumber("AV", 2027, 42)).toBe("AV-2027-0042");
    expect(formatInvoiceNumber("F", 2027, 12_345)).toBe("F-2027-12345");
  });

  it("rejects prefixes and sequences that would make ambiguous or invalid numbers", () => {
    for (const prefix of ["", "-F", "F-", "F/1", "ÉTÉ", "A".repeat(17)]) {
      expect(() => formatInvoiceNumber(prefix, 2027, 1), prefix).toThrow(RangeError);
    }
    expect(() => formatInvoiceNumber("F", 2027, 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber("F", 2027, 1.5)).toThrow(RangeError);
    expect(() => formatInvoiceNumber("F", 27, 1)).toThrow(RangeError);
  });

  it("parses what it formats, including prefixes with hyphens", () => {
    expect(parseInvoiceNumber("F-2027-0001")).toEqual({ prefix: "F", year: 2027, sequence: 1 });
    expect(parseInvoiceNumber("CLI-ACME-2028-0107")).toEqual({
      prefix: "CLI-ACME",
      year: 2028,
      sequence: 107,
    });
    const number = formatInvoiceNumber("F_2", 2030, 9);
    expect(parseInvoiceNumber(number)).toEqual({ prefix: "F_2", year: 2030, sequence: 9 });
    for (const bad of ["F-2027-001", "F2027-0001", "F-2027-0000", "-2027-0001", "F-27-0001"]) {
      expect(parseInvoiceNumber(bad), bad).toBeUndefined();
    }
  });

  it("keys one series per prefix and issue year", () => {
    expect(invoiceSeriesKey("F", 2027)).toBe("F-2027");
    expect(seriesYear("2028-01-02")).toBe(2028);
  });
});

describe("auditNumbering", () => {
  it("finds nothing wrong in a chronological, gapless series", () => {
    const issued = [
      { number: "F-2027-0001", issueDate: "2027-01-31" },
      { number: "F-2027-0002", issueDate: "2027-02-28" },
      { number: "F-2028-0001", issueDate: "2028-01-31" },
      { number: "AV-2027-0001", issueDate: "2027-03-01" },
    ];
    expect(auditNumbering(issued)).toEqual({ gaps: [], duplicates: [], outOfOrder: [], malformed: [] });
  });

  it("reports gaps, duplicates, numbers issued out of date order and wrong years", () => {
    const report = auditNumbering([
      { number: "F-2027-0004", issueDate: "2027-03-01" },
      { number: "F-2027-0001", issueDate: "2027-01-10" },
      { number: "F-2027-0005", issueDate: "2027-02-15" },
      { number: "F-2027-0001", issueDate: "2027-01-11" },
      { number: "F-2026-0001", issueDate: "2027-01-01" },
      { number: "brouillon", issueDate: "2027-01-01" },
    ]);
    expect(report).toEqual({
      gaps: ["F-2027-0002", "F-2027-0003"],
      duplicates: ["F-2027-0001"],
      outOfOrder: ["F-2027-0005"],
      malformed: ["F-2026-0001", "brouillon"],
    });
  });
});
