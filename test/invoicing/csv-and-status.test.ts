import { describe, expect, it } from "vitest";
import { csvAmount, csvCell, csvLine } from "../../src/invoicing/csv.ts";
import { centsToInput, parseEurosToCents } from "../../src/invoicing/money-input.ts";
import { balanceCents, paymentStatus } from "../../src/invoicing/payment-status.ts";

describe("CSV for the accountant", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const formula of ['=HYPERLINK("http://x")', "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(formula).replace(/^"/, "").startsWith("'"), formula).toBe(true);
    expect(csvCell("Acme")).toBe("Acme");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('Dupont, "Fils"')).toBe('"Dupont, ""Fils"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("writes amounts as exact decimal numbers, negative ones untouched", () => {
    expect(csvAmount(123456)).toBe(1234.56);
    expect(csvAmount(1005)).toBe(10.05);
    expect(csvCell(csvAmount(-12000))).toBe("-120");
  });
});

describe("payment status", () => {
  const base = {
    grossCents: 10_000,
    paidCents: 0,
    creditedCents: 0,
    dueDate: "2027-05-02",
    today: "2027-04-02",
  };
  it("follows payments, credit notes and the due date", () => {
    expect(paymentStatus(base)).toBe("unpaid");
    expect(paymentStatus({ ...base, paidCents: 4_000 })).toBe("partially_paid");
    expect(paymentStatus({ ...base, paidCents: 10_000 })).toBe("paid");
    expect(paymentStatus({ ...base, paidCents: 6_000, creditedCents: 4_000 })).toBe("paid");
    expect(paymentStatus({ ...base, creditedCents: 10_000 })).toBe("credited");
    // Due on the due date, late the day after, even when partly paid.
    expect(paymentStatus({ ...base, today: "2027-05-02" })).toBe("unpaid");
    expect(paymentStatus({ ...base, today: "2027-05-03", paidCents: 1 })).toBe("overdue");
    expect(balanceCents({ grossCents: 10_000, paidCents: 2_500, creditedCents: 1_000 })).toBe(6_500);
  });
});

describe("amounts typed in forms", () => {
  it("reads euros with a comma or a dot, spaces and a euro sign", () => {
    expect(parseEurosToCents("600")).toBe(60_000);
    expect(parseEurosToCents("1 250,5 €")).toBe(125_050);
    expect(parseEurosToCents("1250.05")).toBe(125_005);
    for (const bad of ["", "abc", "-5", "1,234,5", "1.234"])
      expect(parseEurosToCents(bad), bad).toBeUndefined();
    expect(centsToInput(60_050)).toBe("600.50");
  });
});
