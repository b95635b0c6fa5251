import type { FontkitFont, FontkitSubset } from "fontkit";
import { create } from "fontkit";
import type { PDFDocument } from "pdf-lib";

// pdf-lib is meant to be paired with @pdf-lib/fontkit, a stale fork of fontkit 1.7 whose TrueType
// subsetter writes a short `loca` table without padding the glyphs, so with fonts such as Inter some
// glyphs of the subset come out blank (text still extracts, which hides it). Upstream fontkit 2
// subsets correctly; the only gap is that pdf-lib reads the subset as a Node-style stream, which
// fontkit 2 replaced by encode(). This adapter bridges that and nothing else.

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];

interface StreamingSubset extends FontkitSubset {
  encodeStream?: () => SubsetStream;
}
type Handler = (value?: unknown) => void;
interface SubsetStream {
  on(event: "data" | "end" | "error", handler: Handler): SubsetStream;
}

// A font's first layout parses its large GSUB/GPOS tables (5 to 15 ms for Inter), and fontkit keeps
// per-glyph caches, so each font file is parsed once per isolate and reused. The parsed font is only
// read from: every document gets its own subset.
const parsed = new WeakMap<Uint8Array, FontkitFont>();

export const fontkitForPdfLib = {
  create(buffer: Uint8Array): FontkitFont {
    const cached = parsed.get(buffer);
    if (cached) return cached;
    const font = create(buffer);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset: StreamingSubset = createSubset();
      subset.encodeStream = () => streamOnce(() => subset.encode());
      return subset;
    };
    parsed.set(buffer, font);
    return font;
  },
} as unknown as PdfLibFontkit;

/** Emits the bytes once the caller has attached its handlers (it chains .on() calls first). */
function streamOnce(encode: () => Uint8Array): SubsetStream {
  const handlers = new Map<string, Handler>();
  queueMicrotask(() => {
    try {
      handlers.get("data")?.(encode());
      handlers.get("end")?.();
    } catch (error) {
      handlers.get("error")?.(error);
    }
  });
  const stream: SubsetStream = {
    on(event, handler) {
      handlers.set(event, handler);
      return stream;
    },
  };
  return stream;
}

/** The PostScript name of a font file, for the subset's BaseFont. */
export function postscriptName(bytes: Uint8Array): string {
  return (fontkitForPdfLib.create(bytes) as unknown as FontkitFont).postscriptName;
}
