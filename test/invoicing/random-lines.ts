import type { InvoiceLineInput, QuantityUnit } from "../../src/invoicing/invoice-model.ts";

/** mulberry32: a tiny seeded generator, so a failing property run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRENCH_RATES = [20, 10, 5.5, 2.1];

/** 1 to 8 lines: half-day quantities up to 23 days, or hours/pieces with up to 3 decimals; odd prices. */
export function randomLines(random: () => number): InvoiceLineInput[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = 1 + Math.floor(random() * 8);
  return Array.from({ length: count }, (_, index) => {
    const unit: QuantityUnit = pick(["DAY", "DAY", "HUR", "C62"]);
    const quantity =
      unit === "DAY" ? (1 + Math.floor(random() * 46)) / 2 : (1 + Math.floor(random() * 99_999)) / 1000;
    return {
      description: `Ligne ${index + 1}`,
      quantity,
      unitPriceCents: 1 + Math.floor(random() * 150_000),
      vatRate: pick(FRENCH_RATES),
      unit,
    };
  });
}
