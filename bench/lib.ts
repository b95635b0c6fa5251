// Shared helpers for benchmarks: every figure is printed beside its budget.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs fn `iterations` times after `warmup` runs and returns sorted durations in ms. */
export async function sample(fn: () => unknown, iterations: number, warmup = 10): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export function printFigures(figures: Figure[]): void {
  for (const f of figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
    console.log(
      `${f.ok ? "ok  " : "OVER"}  ${f.name.padEnd(58)} ${`${value} ${f.unit}`.padStart(16)}   budget ${f.budget}`,
    );
  }
}
