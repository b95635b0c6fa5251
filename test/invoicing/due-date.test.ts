import { describe, expect, it } from "vitest";
import { dueDate } from "../../src/invoicing/due-date.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";

describe("dueDate", () => {
  it("defaults to 30 days after the issue date", () => {
    expect(dueDate("2027-03-31")).toBe("2027-04-30");
  });

  it("counts calendar days across month ends, leap days and DST changes", () => {
    expect(dueDate("2028-02-15", 15)).toBe("2028-03-01");
    expect(dueDate("2027-02-15", 15)).toBe("2027-03-02");
    expect(dueDate("2027-03-20", 10)).toBe("2027-03-30"); // Paris switches to summer time on 2027-03-28
    expect(dueDate("2027-12-15", 45)).toBe("2028-01-29");
    expect(dueDate("2027-05-10", 0)).toBe("2027-05-10");
  });

  it("accepts 60 days and refuses more, as the Code de commerce does", () => {
    expect(dueDate("2027-01-01", 60)).toBe("2027-03-02");
    expect(() => dueDate("2027-01-01", 61)).toThrow(/cannot exceed 60 days/);
  });

  it("refuses negative or fractional terms and invalid dates, listing both", () => {
    expect(() => dueDate("2027-01-01", -1)).toThrow(InvoiceInputError);
    expect(() => dueDate("2027-01-01", 1.5)).toThrow(InvoiceInputError);
    try {
      dueDate("2027-02-30", 90);
      expect.unreachable();
    } catch (error) {
      expect((error as InvoiceInputError).errors.map((e) => e.path)).toEqual([
        "paymentTermsDays",
        "issueDate",
      ]);
    }
  });
});
