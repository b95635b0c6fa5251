// Factur-X PDF rendering latency (page layout, font subsetting, PDF/A parts, the CII attached).
// Run alone with `node bench/invoice-pdf.ts`.
import { buildCii } from "../src/invoicing/cii.ts";
import type { InvoiceDocument } from "../src/invoicing/invoice-model.ts";
import { loadPdfAssets } from "../src/invoicing/pdf/node-assets.ts";
import { renderInvoicePdf } from "../src/invoicing/pdf/render-invoice.ts";
import { computeTotals } from "../src/invoicing/totals.ts";
import { sasu as seller } from "../test/invoicing/fixtures.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

function invoice(lineCount: number): InvoiceDocument {
  return {
    typeCode: "380",
    number: "F-2027-0042",
    issueDate: "2027-03-31",
    dueDate: "2027-04-30",
    servicePeriod: { start: "2027-03-01", end: "2027-03-31" },
    currency: "EUR",
    vatMode: "standard",
    seller,
    buyer: {
      name: "Société Générale d'Études & Conseil",
      address: { line1: "1 place de la Défense", postalCode: "92400", city: "Courbevoie", country: "FR" },
      siren: "542051180",
      vatNumber: "FR72542051180",
      billingEmail: "compta@sgec.fr",
    },
    lines: Array.from({ length: lineCount }, (_, i) => ({
      description: `Développement de la plateforme de réservation — lot ${i + 1}`,
      quantity: 1 + (i % 4) * 0.5,
      unitPriceCents: 62_000,
      vatRate: 20,
    })),
    paymentTerms: { termsDays: 30 },
  };
}

function figure(name: string, value: number, limitMs: number): Figure {
  return { name, value, unit: "ms", budget: `< ${limitMs} ms`, ok: value < limitMs };
}

export async function run(): Promise<Figure[]> {
  const assets = await loadPdfAssets();
  const render = (document: InvoiceDocument) => {
    const totals = computeTotals(document.lines, document.vatMode);
    const ciiXml = buildCii(document, totals);
    return renderInvoicePdf({ invoice: document, totals, ciiXml, locale: "fr", assets });
  };
  const onePage = invoice(3);
  const twoPages = invoice(40);
  const onePageTimes = await sample(() => render(onePage), 40, 5);
  const twoPageTimes = await sample(() => render(twoPages), 15, 3);
  return [
    figure("Factur-X PDF, 1 page (3 lines) p50", percentile(onePageTimes, 50), 150),
    figure("Factur-X PDF, 1 page (3 lines) p95", percentile(onePageTimes, 95), 300),
    figure("Factur-X PDF, 2 pages (40 lines) p50", percentile(twoPageTimes, 50), 300),
  ];
}

if (import.meta.main) printFigures(await run());
