// Text preparation for the page, pure and font-agnostic: the caller passes how to measure and which
// code points its font can draw, so this is testable without a PDF.

export type Measure = (text: string) => number;

/** C0/C1 controls except the newline, zero-width space and BOM: invisible, and glyphless in most fonts. */
const CONTROL_CHARACTERS = /(?!\n)[\p{Cc}\u200b\ufeff]/gu;

/**
 * Text the font can draw: tabs become spaces, invisible controls go, and a character the font lacks
 * falls back to its compatibility form ("ᵉ" → "e", "ﬁ" → "fi"), then to its base letters, and only
 * then to "?". A missing glyph would otherwise print as an empty box in a legal document.
 */
export function fitToFont(text: string, canDraw: (codePoint: number) => boolean): string {
  let result = "";
  for (const char of text.normalize("NFC").replace(/\t/g, " ").replace(CONTROL_CHARACTERS, "")) {
    if (char === "\n" || canDraw(char.codePointAt(0)!)) {
      result += char;
      continue;
    }
    result += fallback(char, canDraw);
  }
  return result;
}

function fallback(char: string, canDraw: (codePoint: number) => boolean): string {
  for (const form of [char.normalize("NFKC"), char.normalize("NFKD").replace(/\p{M}/gu, "")]) {
    const candidate = [...form].filter((c) => canDraw(c.codePointAt(0)!)).join("");
    if (candidate !== "" && [...candidate].length === [...form].length) return candidate;
  }
  if (/\s/.test(char)) return " ";
  return "?";
}

/**
 * Lines no wider than maxWidth: breaks at spaces (never at a no-break space, so "1 250,00 €" and
 * "art. 293 B" hold together), keeps explicit newlines, and cuts a word longer than a whole line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/ +/).filter((word) => word !== "");
    let current = "";
    for (const word of words) {
      const candidate = current === "" ? word : `${current} ${word}`;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current !== "") lines.push(current);
      current = word;
      while (measure(current) > maxWidth) {
        const head = longestFittingPrefix(current, maxWidth, measure);
        lines.push(head);
        current = current.slice(head.length);
      }
    }
    lines.push(current);
  }
  return lines;
}

/** At least one character, so a too-narrow column still makes progress. */
function longestFittingPrefix(word: string, maxWidth: number, measure: Measure): string {
  const chars = [...word];
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, middle).join("")) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return chars.slice(0, low).join("");
}
