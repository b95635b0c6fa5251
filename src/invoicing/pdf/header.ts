import { formatDate } from "../date-text.ts";
import { sellerDisplayName } from "../legal-mentions.ts";
import type { Canvas } from "./canvas.ts";
import { COLORS, CONTENT_WIDTH, HEADING_STYLE, MARGIN, PAGE, SIZE } from "./theme.ts";
import type { InvoiceView } from "./view.ts";
import { addressLines } from "./view.ts";

const RIGHT = PAGE.width - MARGIN.right;
const META_WIDTH = 250;
const META_PADDING = 11;

/** The top of the first page: who bills, what this is, who is billed and the key dates. */
export function drawHeader(canvas: Canvas, view: InvoiceView): void {
  canvas.box(0, 0, PAGE.width, 5, COLORS.accent);
  const sellerBottom = drawSeller(canvas, view, MARGIN.top);
  canvas.text(view.title, RIGHT - 220, MARGIN.top - 5, {
    weight: "semibold",
    size: SIZE.title,
    color: COLORS.accent,
    align: "right",
    width: 220,
  });
  canvas.text(`${view.labels.numberPrefix} ${view.invoice.number}`, RIGHT - 220, MARGIN.top + 27, {
    weight: "semibold",
    size: 11,
    align: "right",
    width: 220,
  });
  const top = Math.max(sellerBottom, MARGIN.top + 48) + 26;
  const bottom = Math.max(drawBuyer(canvas, view, top), drawMeta(canvas, view, top));
  canvas.cursor = bottom + 22;
  if (view.isCreditNote) drawPrecedingInvoice(canvas, view);
}

function drawSeller(canvas: Canvas, view: InvoiceView, top: number): number {
  const { seller } = view.invoice;
  const width = 260;
  let y = top;
  y += canvas.paragraph(sellerDisplayName(seller), MARGIN.left, y, width, {
    weight: "semibold",
    size: SIZE.sellerName,
  });
  if (seller.tradeName)
    y += canvas.paragraph(seller.tradeName, MARGIN.left, y, width, { color: COLORS.muted });
  y += 3;
  const contact = [...addressLines(seller.address, view.locale, "FR"), seller.email];
  for (const line of contact) {
    y += canvas.paragraph(line, MARGIN.left, y, width, { size: SIZE.small + 0.5, color: COLORS.muted });
  }
  return y;
}

function drawBuyer(canvas: Canvas, view: InvoiceView, top: number): number {
  const { buyer } = view.invoice;
  const width = CONTENT_WIDTH - META_WIDTH - 28;
  let y = top;
  const label = view.isCreditNote ? view.labels.customer : view.labels.billedTo;
  canvas.text(label.toUpperCase(), MARGIN.left, y, HEADING_STYLE);
  y += 15;
  y += canvas.paragraph(buyer.name, MARGIN.left, y, width, { weight: "semibold", size: 11 });
  y += 2;
  for (const line of addressLines(buyer.address, view.locale, "FR")) {
    y += canvas.paragraph(line, MARGIN.left, y, width);
  }
  const ids = [
    buyer.siren ? `SIREN ${buyer.siren}` : buyer.siret ? `SIRET ${buyer.siret}` : "",
    buyer.vatNumber ? `${view.labels.vatNumber} ${buyer.vatNumber}` : "",
  ].filter((id) => id !== "");
  if (ids.length > 0) y += 3;
  for (const id of ids)
    y += canvas.paragraph(id, MARGIN.left, y, width, { size: SIZE.small + 0.5, color: COLORS.muted });
  return y;
}

/** The dates and references, in a tinted box, labels left and values right. */
function drawMeta(canvas: Canvas, view: InvoiceView, top: number): number {
  const { invoice, labels, locale } = view;
  const rows: [string, string, boolean][] = [
    [labels.issueDate, formatDate(invoice.issueDate, locale), false],
    [
      labels.servicePeriod,
      labels.period(
        formatDate(invoice.servicePeriod.start, locale),
        formatDate(invoice.servicePeriod.end, locale),
      ),
      false,
    ],
    [view.isCreditNote ? labels.refundDate : labels.dueDate, formatDate(invoice.dueDate, locale), true],
  ];
  if (invoice.purchaseOrderReference?.trim())
    rows.push([labels.purchaseOrder, invoice.purchaseOrderReference, false]);
  if (invoice.buyerReference?.trim()) rows.push([labels.buyerReference, invoice.buyerReference, false]);

  const x = RIGHT - META_WIDTH;
  const inner = META_WIDTH - 2 * META_PADDING;
  const step = canvas.lineHeight();
  const laidOut = rows.map(([label, value, strong]) => {
    const labelWidth = canvas.measure(label, { size: SIZE.small + 0.5 }) + 10;
    const lines = canvas.wrap(value, inner - labelWidth, { weight: strong ? "semibold" : "regular" });
    return { label, lines, strong };
  });
  const height =
    laidOut.reduce((sum, row) => sum + row.lines.length * step + 4, 0) - 4 + 2 * META_PADDING - 2;
  canvas.box(x, top, META_WIDTH, height, COLORS.accentSoft);
  let y = top + META_PADDING;
  for (const row of laidOut) {
    canvas.text(row.label, x + META_PADDING, y + 1, { size: SIZE.small + 0.5, color: COLORS.muted });
    row.lines.forEach((line, index) => {
      canvas.text(line, x + META_PADDING, y + index * step, {
        weight: row.strong ? "semibold" : "regular",
        align: "right",
        width: inner,
      });
    });
    y += row.lines.length * step + 4;
  }
  return top + height;
}

function drawPrecedingInvoice(canvas: Canvas, view: InvoiceView): void {
  const mention = view.mention("precedingInvoice");
  if (!mention) return;
  const height = 24;
  canvas.box(MARGIN.left, canvas.cursor, 3, height, COLORS.accent);
  canvas.box(MARGIN.left + 3, canvas.cursor, CONTENT_WIDTH - 3, height, COLORS.accentSoft);
  canvas.text(mention.text, MARGIN.left + 12, canvas.cursor + 6.5, { weight: "semibold" });
  canvas.cursor += height + 18;
}
