import { describe, expect, it } from "vitest";
import { activityInvoiceLine } from "../../src/invoicing/activity-line.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { centsToDecimal, formatEuros, formatPercent } from "../../src/invoicing/money.ts";
import { vatModeFor } from "../../src/invoicing/vat.ts";
import { americanClient, frenchClient, germanClient, microEntrepreneur, sasu } from "./fixtures.ts";

describe("vatModeFor", () => {
  it("picks the regime from the seller's franchise and the client's country", () => {
    expect(vatModeFor(microEntrepreneur, germanClient)).toBe("franchise");
    expect(vatModeFor(sasu, frenchClient)).toBe("standard");
    expect(vatModeFor(sasu, { ...frenchClient, address: { ...frenchClient.address, country: "MC" } })).toBe(
      "standard",
    );
    expect(vatModeFor(sasu, germanClient)).toBe("reverse-charge");
    expect(vatModeFor(sasu, { ...germanClient, vatNumber: undefined })).toBe("standard");
    expect(vatModeFor(sasu, americanClient)).toBe("outside-scope");
  });
});

describe("money", () => {
  it("writes EN 16931 amounts with two decimals", () => {
    expect([0, 5, 100, 123_456, -1_050].map(centsToDecimal)).toEqual([
      "0.00",
      "0.05",
      "1.00",
      "1234.56",
      "-10.50",
    ]);
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });

  it("formats euros for people in French and English", () => {
    expect(formatEuros(123_456_789, "fr")).toBe("1\u00a0234\u00a0567,89\u00a0€");
    expect(formatEuros(4000, "fr", { dropZeroCents: true })).toBe("40\u00a0€");
    expect(formatEuros(123_456_789, "en")).toBe("€1,234,567.89");
    expect(formatEuros(-50, "en")).toBe("-€0.50");
  });

  it("writes percentages in their shortest exact form", () => {
    expect([20, 5.5, 2.1, 0].map(formatPercent)).toEqual(["20", "5.5", "2.1", "0"]);
  });
});

describe("activityInvoiceLine", () => {
  it("bills the days of the report at the daily rate", () => {
    const days = [{ fraction: 1 }, { fraction: 0.5 }, { fraction: 1 }];
    const line = activityInvoiceLine({
      missionTitle: "API paiements",
      month: "2027-03",
      days,
      dailyRateCents: 60_000,
      vatRate: 20,
      locale: "fr",
    });
    expect(line).toEqual({
      description: "API paiements — mars 2027",
      quantity: 2.5,
      unitPriceCents: 60_000,
      vatRate: 20,
      unit: "DAY",
    });
  });

  it("refuses an empty report and a daily rate of 0", () => {
    expect(() =>
      activityInvoiceLine({
        missionTitle: "X",
        month: "2027-03",
        days: [],
        dailyRateCents: 0,
        vatRate: 20,
        locale: "en",
      }),
    ).toThrow(InvoiceInputError);
  });
});
