import type { PDFDocument, PDFFont, PDFPage, RGB } from "pdf-lib";
import { fitToFont, wrapText } from "./text.ts";
import { COLORS, FOOTER_HEIGHT, LEADING, MARGIN, PAGE, SIZE } from "./theme.ts";

export type FontWeight = "regular" | "semibold";
export type Align = "left" | "right" | "center";
export interface PdfFonts {
  regular: PDFFont;
  semibold: PDFFont;
}
export interface TextStyle {
  weight?: FontWeight;
  size?: number;
  color?: RGB;
}
export interface PlacedText extends TextStyle {
  align?: Align;
  /** The box the alignment refers to, from x. */
  width?: number;
}

/**
 * A top-down drawing surface over pdf-lib (whose origin is the bottom-left corner): a cursor that
 * flows down the page, a new page when a block does not fit, and text that is always drawable with
 * the embedded fonts. Sections only speak in "top" distances and widths.
 */
export class Canvas {
  readonly pages: PDFPage[] = [];
  /** Distance from the top of the page to where the next block starts. */
  cursor: number = MARGIN.top;
  /** Called after a page break made by ensureSpace, e.g. to repeat a table header. */
  onPageBreak: (() => void) | undefined;
  readonly #doc: PDFDocument;
  readonly #fonts: PdfFonts;
  readonly #drawable: Record<FontWeight, Set<number>>;
  readonly #wordWidths = new Map<string, number>();
  #target: PDFPage | undefined;

  constructor(doc: PDFDocument, fonts: PdfFonts) {
    this.#doc = doc;
    this.#fonts = fonts;
    this.#drawable = {
      regular: new Set(fonts.regular.getCharacterSet()),
      semibold: new Set(fonts.semibold.getCharacterSet()),
    };
    this.addPage();
  }

  get page(): PDFPage {
    return this.#target ?? this.pages[this.pages.length - 1]!;
  }

  /** Draws on an earlier page, e.g. the footers once the page count is known. */
  drawOn(pageIndex: number, draw: () => void): void {
    this.#target = this.pages[pageIndex];
    try {
      draw();
    } finally {
      this.#target = undefined;
    }
  }

  /** Where content must stop, above the footer. */
  get bottom(): number {
    return PAGE.height - MARGIN.bottom - FOOTER_HEIGHT;
  }

  addPage(): void {
    this.pages.push(this.#doc.addPage([PAGE.width, PAGE.height]));
    this.cursor = MARGIN.top;
  }

  /** Breaks the page unless `height` fits below the cursor (or the page is still empty). */
  ensureSpace(height: number): boolean {
    if (this.cursor + height <= this.bottom || this.cursor <= MARGIN.top) return false;
    this.addPage();
    this.onPageBreak?.();
    return true;
  }

  lineHeight(size: number = SIZE.body): number {
    return size * LEADING;
  }

  prepare(text: string, weight: FontWeight = "regular"): string {
    const drawable = this.#drawable[weight];
    return fitToFont(text, (codePoint) => drawable.has(codePoint));
  }

  measure(text: string, style: TextStyle = {}): number {
    return this.#width(this.prepare(text, style.weight), style);
  }

  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return wrapText(this.prepare(text, style.weight), width, (line) => this.#width(line, style));
  }

  /**
   * Width of prepared text, summed word by word from a cache: shaping is the costly part of
   * rendering, and with kerning and contextual forms off a line is exactly its words plus spaces.
   */
  #width(text: string, style: TextStyle): number {
    const font = this.#font(style);
    const size = style.size ?? SIZE.body;
    let total = 0;
    for (const [index, word] of text.split(" ").entries()) {
      const key = `${style.weight ?? "regular"}|${index > 0 ? " " : ""}${word}`;
      let width = this.#wordWidths.get(key);
      if (width === undefined) {
        width = font.widthOfTextAtSize(index > 0 ? ` ${word}` : word, 1000);
        this.#wordWidths.set(key, width);
      }
      total += width;
    }
    return (total * size) / 1000;
  }

  /** One line whose line box starts at `top`. */
  text(text: string, x: number, top: number, style: PlacedText = {}): void {
    const size = style.size ?? SIZE.body;
    const font = this.#font(style);
    const drawn = this.prepare(text, style.weight);
    const textWidth = this.#width(drawn, style);
    const boxWidth = style.width ?? 0;
    const left =
      style.align === "right"
        ? x + boxWidth - textWidth
        : style.align === "center"
          ? x + (boxWidth - textWidth) / 2
          : x;
    this.page.drawText(drawn, {
      x: left,
      y: PAGE.height - top - size,
      size,
      font,
      color: style.color ?? COLORS.ink,
    });
  }

  /** Wrapped text within `width`; returns the height used. */
  paragraph(text: string, x: number, top: number, width: number, style: PlacedText = {}): number {
    const lines = this.wrap(text, width, style);
    return this.lines(lines, x, top, { ...style, width });
  }

  /** Lines already wrapped, one under the other `step` apart; returns the height used. */
  lines(lines: readonly string[], x: number, top: number, style: PlacedText = {}, step?: number): number {
    const advance = step ?? this.lineHeight(style.size);
    for (const [index, line] of lines.entries()) this.text(line, x, top + index * advance, style);
    return lines.length * advance;
  }

  rule(x: number, top: number, width: number, color: RGB = COLORS.rule, thickness = 0.6): void {
    const y = PAGE.height - top;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color });
  }

  box(x: number, top: number, width: number, height: number, color: RGB): void {
    this.page.drawRectangle({ x, y: PAGE.height - top - height, width, height, color });
  }

  #font(style: TextStyle): PDFFont {
    return this.#fonts[style.weight ?? "regular"];
  }
}
