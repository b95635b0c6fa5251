// The part of fontkit 2 (which ships no types) that the pdf-lib adapter and its tests touch.
declare module "fontkit" {
  export interface FontkitGlyph {
    advanceWidth: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface FontkitSubset {
    encode(): Uint8Array;
  }
  export interface FontkitFont {
    postscriptName: string;
    createSubset(): FontkitSubset;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    getGlyph(glyphId: number): FontkitGlyph;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
