import { describe, expect, it } from "vitest";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { computeTotals, validateLines } from "../../src/invoicing/totals.ts";
import { randomLines, seededRandom } from "./random-lines.ts";

const day = (quantity: number, unitPriceCents: number, vatRate = 20) => ({
  description: "Développement",
  quantity,
  unitPriceCents,
  vatRate,
});

/** Independent reference: exact decimal arithmetic in BigInt, half-up to the cent. */
function roundedProduct(quantity: number, unitPriceCents: number): number {
  const milli = BigInt(Math.round(quantity * 1000));
  return Number((milli * BigInt(unitPriceCents) * 2n + 1000n) / 2000n);
}
function vatOn(basisCents: number, ratePercent: number): number {
  const hundredths = BigInt(Math.round(ratePercent * 100));
  return Number((BigInt(basisCents) * hundredths * 2n + 10_000n) / 20_000n);
}

describe("computeTotals", () => {
  it("bills 9.5 days at 550 € with 20 % VAT", () => {
    const totals = computeTotals([day(9.5, 55_000)], "standard");
    expect(totals.lines).toEqual([{ netCents: 522_500, vatCategory: "S", vatRatePercent: 20 }]);
    expect(totals.vatBreakdown).toEqual([
      { category: "S", ratePercent: 20, basisCents: 522_500, vatCents: 104_500 },
    ]);
    expect(totals).toMatchObject({ netCents: 522_500, vatCents: 104_500, grossCents: 627_000 });
  });

  it("rounds each line net half-up to the cent", () => {
    // 0.5 × 123.45 € = 61.725 € → 61.73 €
    expect(computeTotals([day(0.5, 12_345)], "standard").lines[0]!.netCents).toBe(6173);
  });

  it("computes VAT once per rate on the summed nets, not line by line", () => {
    // Each line: 0.5 × 0.03 € = 0.015 → 0.02 €; VAT per line would be 0.004 → 0 each; on 0.06 € it is 0.012 → 0.01 €.
    const totals = computeTotals([day(0.5, 3), day(0.5, 3), day(0.5, 3)], "standard");
    expect(totals.netCents).toBe(6);
    expect(totals.vatBreakdown).toEqual([{ category: "S", ratePercent: 20, basisCents: 6, vatCents: 1 }]);
  });

  it("keeps one breakdown entry per rate", () => {
    const totals = computeTotals([day(1, 10_000, 20), day(2, 10_000, 5.5), day(1, 5_000, 20)], "standard");
    expect(totals.vatBreakdown).toEqual([
      { category: "S", ratePercent: 20, basisCents: 15_000, vatCents: 3_000 },
      { category: "S", ratePercent: 5.5, basisCents: 20_000, vatCents: 1_100 },
    ]);
    expect(totals.grossCents).toBe(39_100);
  });

  it.each([
    ["franchise", "E", "TVA non applicable, art. 293 B du CGI", "VATEX-FR-FRANCHISE"],
    ["reverse-charge", "AE", "Autoliquidation", "VATEX-EU-AE"],
    ["outside-scope", "O", "TVA non applicable, art. 259-1 du CGI", "VATEX-EU-O"],
  ] as const)(
    "charges no VAT under %s, with category %s and its exemption reason",
    (mode, category, reason, code) => {
      const totals = computeTotals([day(10, 60_000, 20)], mode);
      expect(totals.lines[0]).toEqual({ netCents: 600_000, vatCategory: category, vatRatePercent: 0 });
      expect(totals.vatBreakdown).toEqual([
        {
          category,
          ratePercent: 0,
          basisCents: 600_000,
          vatCents: 0,
          exemptionReason: reason,
          exemptionReasonCode: code,
        },
      ]);
      expect(totals.grossCents).toBe(600_000);
    },
  );

  it("rejects bad lines with every problem listed", () => {
    const bad = [
      { description: " ", quantity: -1, unitPriceCents: 0, vatRate: 0 },
      { description: "x", quantity: 0.25, unitPriceCents: 10.5, vatRate: 20 },
      { description: "y", quantity: 1, unitPriceCents: 100, vatRate: 20, unit: "HUR" as const },
    ];
    expect(validateLines(bad, "standard").map((e) => e.path)).toEqual([
      "lines[0].description",
      "lines[0].quantity",
      "lines[0].unitPriceCents",
      "lines[0].vatRate",
      "lines[1].quantity",
      "lines[1].unitPriceCents",
    ]);
    expect(() => computeTotals(bad, "standard")).toThrow(InvoiceInputError);
    expect(validateLines([], "standard")).toEqual([{ path: "lines", message: expect.any(String) }]);
  });

  it("rejects a daily rate of 0 and accepts a 0 % line rate outside standard mode", () => {
    expect(validateLines([day(1, 0)], "franchise").map((e) => e.path)).toEqual(["lines[0].unitPriceCents"]);
    expect(validateLines([day(1, 50_000, 0)], "franchise")).toEqual([]);
    expect(validateLines([day(1, 50_000, 0)], "standard").map((e) => e.path)).toEqual(["lines[0].vatRate"]);
  });

  it("keeps the EN 16931 sums consistent over 2,000 random invoices (seeded)", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const lines = randomLines(seededRandom(seed));
      const totals = computeTotals(lines, "standard");
      const context = `seed ${seed}`;
      totals.lines.forEach((line, i) => {
        expect(line.netCents, context).toBe(roundedProduct(lines[i]!.quantity, lines[i]!.unitPriceCents));
      });
      const lineSum = totals.lines.reduce((s, l) => s + l.netCents, 0);
      expect(totals.netCents, `${context} BR-CO-10`).toBe(lineSum);
      expect(
        totals.vatBreakdown.reduce((s, g) => s + g.basisCents, 0),
        `${context} BR-CO-13`,
      ).toBe(totals.netCents);
      expect(
        totals.vatBreakdown.reduce((s, g) => s + g.vatCents, 0),
        `${context} BR-CO-14`,
      ).toBe(totals.vatCents);
      expect(totals.grossCents, `${context} BR-CO-15`).toBe(totals.netCents + totals.vatCents);
      for (const group of totals.vatBreakdown) {
        expect(group.vatCents, `${context} BR-CO-17`).toBe(vatOn(group.basisCents, group.ratePercent));
        const basis = totals.lines.filter((l) => l.vatRatePercent === group.ratePercent);
        expect(group.basisCents, `${context} BR-S-08`).toBe(basis.reduce((s, l) => s + l.netCents, 0));
      }
      expect(new Set(totals.vatBreakdown.map((g) => g.ratePercent)).size).toBe(totals.vatBreakdown.length);
    }
  });
});
