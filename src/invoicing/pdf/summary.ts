import { formatDate } from "../date-text.ts";
import { formatEuros } from "../money.ts";
import type { Canvas } from "./canvas.ts";
import { formatRate } from "./format.ts";
import { COLORS, CONTENT_WIDTH, HEADING_STYLE, MARGIN, PAGE, SIZE } from "./theme.ts";
import type { InvoiceView } from "./view.ts";
import { groupIban } from "./view.ts";

const RIGHT = PAGE.width - MARGIN.right;
const TOTALS_WIDTH = 236;
const DUE_BAND_HEIGHT = 28;

/** Totals on the right, kept together; the VAT exemption sentence beside them, where it is read. */
export function drawTotals(canvas: Canvas, view: InvoiceView): void {
  const { totals, labels, locale } = view;
  const rows: [string, number][] = [[labels.totalNet, totals.netCents]];
  for (const entry of totals.vatBreakdown) {
    const label =
      entry.category === "S" ? labels.vatAt(formatRate(entry.ratePercent, locale)) : labels.vatNone;
    rows.push([label, entry.vatCents]);
  }
  const step = canvas.lineHeight() + 3;
  const height = 10 + rows.length * step + step + 8 + DUE_BAND_HEIGHT;
  canvas.ensureSpace(height);

  const x = RIGHT - TOTALS_WIDTH;
  let y = canvas.cursor + 10;
  const exemption = view.mention("vatExemption");
  if (exemption) {
    canvas.paragraph(exemption.text, MARGIN.left, y, CONTENT_WIDTH - TOTALS_WIDTH - 30, {
      weight: "semibold",
    });
  }
  for (const [label, cents] of rows) {
    canvas.text(label, x, y, { color: COLORS.muted });
    canvas.text(formatEuros(cents, locale), x, y, { align: "right", width: TOTALS_WIDTH });
    y += step;
  }
  canvas.rule(x, y - 2, TOTALS_WIDTH, COLORS.ink, 0.6);
  y += 3;
  canvas.text(labels.totalGross, x, y, { weight: "semibold" });
  canvas.text(formatEuros(totals.grossCents, locale), x, y, {
    weight: "semibold",
    align: "right",
    width: TOTALS_WIDTH,
  });
  y += step + 5;

  canvas.box(x, y, TOTALS_WIDTH, DUE_BAND_HEIGHT, COLORS.accent);
  const bandText = { weight: "semibold", size: SIZE.totalDue, color: COLORS.white } as const;
  const textTop = y + (DUE_BAND_HEIGHT - SIZE.totalDue * 1.25) / 2;
  canvas.text(view.isCreditNote ? labels.amountToRefund : labels.amountDue, x + 10, textTop, bandText);
  canvas.text(formatEuros(totals.grossCents, locale), x, textTop, {
    ...bandText,
    align: "right",
    width: TOTALS_WIDTH - 10,
  });
  canvas.cursor = y + DUE_BAND_HEIGHT + 26;
}

/**
 * How to pay: the bank details and the reference to quote. A credit note has none: the seller pays
 * it back, so printing the seller's own IBAN there would only mislead (the CII omits it likewise).
 */
export function drawPayment(canvas: Canvas, view: InvoiceView): void {
  if (view.isCreditNote) return;
  const { invoice, labels, locale } = view;
  const cells: [string, string, number][] = [
    ["IBAN", groupIban(invoice.seller.iban), 196],
    ["BIC", invoice.seller.bic.trim().toUpperCase(), 84],
    [labels.paymentReference, invoice.number, 118],
    [labels.dueDate, formatDate(invoice.dueDate, locale), 80],
  ];
  const padding = 12;
  const height = 2 * padding + 28 + canvas.lineHeight() - 2;
  canvas.ensureSpace(height + 20);

  const top = canvas.cursor;
  canvas.box(MARGIN.left, top, CONTENT_WIDTH, height, COLORS.accentSoft);
  const heading = view.mention("paymentDetails")?.label ?? labels.payment;
  canvas.text(heading, MARGIN.left + padding, top + padding, { weight: "semibold", color: COLORS.accent });
  let x = MARGIN.left + padding;
  cells.forEach(([label, value, width], index) => {
    canvas.text(label.toUpperCase(), x, top + padding + 17, HEADING_STYLE);
    canvas.text(value, x, top + padding + 29, { weight: index === 0 ? "semibold" : "regular" });
    x += width;
  });
  canvas.cursor = top + height + 22;
}
