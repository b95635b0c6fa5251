import { formatEuros } from "../money.ts";
import type { Align, Canvas } from "./canvas.ts";
import { formatQuantity, formatRate } from "./format.ts";
import { COLORS, CONTENT_WIDTH, HEADING_STYLE, MARGIN, SIZE } from "./theme.ts";
import type { InvoiceView } from "./view.ts";

interface Column {
  label: string;
  width: number;
  align: Align;
}

const CELL_PADDING = 4.5;
const GUTTER = 10;
/** Rows are read as a list, so they sit a little tighter than running text. */
const ROW_LEADING = 1.3;

/**
 * The invoice lines. Rows flow onto new pages with the column headers repeated; a description too
 * long for one page continues on the next rather than being cut.
 */
export function drawLinesTable(canvas: Canvas, view: InvoiceView, runningHeader: () => void): void {
  const columns = tableColumns(view);
  const header = () => drawColumnHeaders(canvas, columns);
  canvas.onPageBreak = () => {
    runningHeader();
    header();
  };
  canvas.ensureSpace(60);
  header();

  const step = SIZE.body * ROW_LEADING;
  const descriptionWidth = columns[0]!.width;
  view.invoice.lines.forEach((line, index) => {
    const total = view.totals.lines[index]!;
    const figures = [
      formatQuantity(line.quantity, line.unit, view.locale, view.labels),
      formatEuros(line.unitPriceCents, view.locale),
      ...(columns.length === 5 ? [formatRate(total.vatRatePercent, view.locale)] : []),
      formatEuros(total.netCents, view.locale),
    ];
    let description = canvas.wrap(line.description.trim(), descriptionWidth);
    let first = true;
    while (description.length > 0) {
      canvas.ensureSpace(Math.min(description.length, 3) * step + 2 * CELL_PADDING);
      const room = Math.floor((canvas.bottom - canvas.cursor - 2 * CELL_PADDING) / step);
      const chunk = description.slice(0, Math.max(1, room));
      description = description.slice(chunk.length);
      const top = canvas.cursor + CELL_PADDING;
      canvas.lines(chunk, MARGIN.left, top, {}, step);
      if (first) drawFigures(canvas, columns, figures, top);
      first = false;
      canvas.cursor = top + chunk.length * step + CELL_PADDING;
      canvas.rule(MARGIN.left, canvas.cursor, CONTENT_WIDTH);
    }
  });
  canvas.onPageBreak = runningHeader;
}

function tableColumns(view: InvoiceView): Column[] {
  const { labels } = view;
  const figures: Column[] = [
    { label: labels.quantity, width: 46, align: "right" },
    { label: labels.unitPrice, width: 72, align: "right" },
    // Only standard VAT varies by line; the other regimes say why there is none below the totals.
    ...(view.invoice.vatMode === "standard"
      ? [{ label: labels.vat, width: 34, align: "right" as const }]
      : []),
    { label: labels.lineNet, width: 74, align: "right" },
  ];
  const used = figures.reduce((sum, column) => sum + column.width + GUTTER, 0);
  return [{ label: labels.description, width: CONTENT_WIDTH - used, align: "left" }, ...figures];
}

function drawColumnHeaders(canvas: Canvas, columns: Column[]): void {
  let x = MARGIN.left;
  for (const [index, column] of columns.entries()) {
    if (index > 0) x += GUTTER;
    canvas.text(column.label.toUpperCase(), x, canvas.cursor, {
      ...HEADING_STYLE,
      align: column.align,
      width: column.width,
    });
    x += column.width;
  }
  canvas.cursor += SIZE.heading + 7;
  canvas.rule(MARGIN.left, canvas.cursor, CONTENT_WIDTH, COLORS.ink, 0.9);
}

function drawFigures(canvas: Canvas, columns: Column[], figures: string[], top: number): void {
  let x = MARGIN.left + columns[0]!.width;
  figures.forEach((figure, index) => {
    const column = columns[index + 1]!;
    x += GUTTER;
    canvas.text(figure, x, top, { align: "right", width: column.width });
    x += column.width;
  });
}
