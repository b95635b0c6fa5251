import type { MentionKey } from "../legal-mentions.ts";
import type { Canvas } from "./canvas.ts";
import { COLORS, CONTENT_WIDTH, FOOTER_HEIGHT, HEADING_STYLE, MARGIN, PAGE, SIZE } from "./theme.ts";
import type { InvoiceView } from "./view.ts";

// The legal mentions of legalMentions() that are not printed elsewhere on the page. The VAT exemption
// sits by the totals, the preceding invoice under the header, the bank details in the payment box,
// and the seller's identity in every page's footer.
const CONDITIONS: readonly MentionKey[] = [
  "paymentTerms",
  "earlyPaymentDiscount",
  "latePenalty",
  "recoveryIndemnity",
  "operationCategory",
];

export function drawConditions(canvas: Canvas, view: InvoiceView): void {
  const mentions = CONDITIONS.flatMap((key) => view.mention(key) ?? []);
  const style = { size: SIZE.small };
  const step = canvas.lineHeight(SIZE.small);
  const labelWidth = Math.max(...mentions.map((m) => canvas.measure(m.label, style))) + 14;
  canvas.ensureSpace(18 + Math.min(mentions.length, 3) * step);
  canvas.text(view.labels.conditions.toUpperCase(), MARGIN.left, canvas.cursor, HEADING_STYLE);
  canvas.cursor += 14;
  for (const mention of mentions) {
    const lines = canvas.wrap(mention.value, CONTENT_WIDTH - labelWidth, style);
    canvas.ensureSpace(lines.length * step);
    canvas.text(mention.label, MARGIN.left, canvas.cursor, { ...style, color: COLORS.muted });
    canvas.cursor += canvas.lines(lines, MARGIN.left + labelWidth, canvas.cursor, style) + 1.5;
  }
}

/** On pages after the first: which document this page belongs to. */
export function drawRunningHeader(canvas: Canvas, view: InvoiceView): void {
  canvas.box(0, 0, PAGE.width, 5, COLORS.accent);
  const title = `${view.title} ${view.labels.numberPrefix} ${view.invoice.number}`;
  canvas.text(title, MARGIN.left, MARGIN.top - 8, { weight: "semibold", color: COLORS.accent });
  const width = CONTENT_WIDTH - 200;
  const [buyer = "", ...rest] = canvas.wrap(view.invoice.buyer.name, width - 10);
  canvas.text(rest.length > 0 ? `${buyer}…` : buyer, MARGIN.left + 200, MARGIN.top - 8, {
    color: COLORS.muted,
    align: "right",
    width,
  });
  canvas.cursor = MARGIN.top + 22;
}

/** Every page: the seller's legal identity and "Page n/N", drawn once the page count is known. */
export function drawFooters(canvas: Canvas, view: InvoiceView): void {
  const legal = view.mention("sellerLegal")?.value ?? "";
  const top = PAGE.height - MARGIN.bottom - FOOTER_HEIGHT + 12;
  const style = { size: SIZE.tiny, color: COLORS.faint };
  const pageWidth = 56;
  canvas.pages.forEach((_, index) => {
    canvas.drawOn(index, () => {
      canvas.rule(MARGIN.left, top, CONTENT_WIDTH);
      canvas.paragraph(legal, MARGIN.left, top + 7, CONTENT_WIDTH - pageWidth - 16, style);
      canvas.text(view.labels.page(index + 1, canvas.pages.length), MARGIN.left, top + 7, {
        ...style,
        color: COLORS.muted,
        align: "right",
        width: CONTENT_WIDTH,
      });
    });
  });
}
