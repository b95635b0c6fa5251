// `npm run bench`: every benchmark module, its figures printed beside their budgets.
// Figures are information, not a gate: the exit code is 0 even when one is over budget.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Figure } from "./lib.ts";
import { printFigures } from "./lib.ts";

// Each module exports `run(): Promise<Figure[]>`. One not written yet is skipped.
const MODULES = [
  "foundation.ts",
  "slots.ts",
  "booking-http.ts",
  "invoice-pdf.ts",
  "activity-report.ts",
  "calendar-sync.ts",
  "leads.ts",
  "workflows.ts",
  "webhooks.ts",
  "workerd.ts",
];

interface BenchModule {
  run(): Promise<Figure[]>;
}

const all: Figure[] = [];
for (const file of MODULES) {
  const fullPath = path.join(import.meta.dirname, file);
  if (!existsSync(fullPath)) {
    console.log(`(skipped ${file}: not there yet)`);
    continue;
  }
  console.log(`\n${file}`);
  const module = (await import(pathToFileURL(fullPath).href)) as BenchModule;
  const figures = await module.run();
  printFigures(figures);
  all.push(...figures);
}

const over = all.filter((f) => !f.ok).length;
console.log(`\n${all.length} figures, ${over} over budget`);
