// Stand-ins for parts of PDF libraries the Worker never runs, swapped in by wrangler.toml [alias] to keep
// the bundle within budget. Both throw if they are ever reached, so a change that starts needing them fails
// loudly in the workerd tests instead of producing a wrong PDF.
//
// - `brotli/decompress.js` (about 60 KiB gzipped): fontkit uses it only to open WOFF2 fonts; the
//   renderer embeds TrueType files (src/invoicing/pdf/assets/*.ttf).
// - `@pdf-lib/standard-fonts` (about 95 KiB gzipped): the metrics of the 14 standard PDF fonts, used
//   only by PDFDocument.embedFont(StandardFonts.*). PDF/A forbids unembedded fonts; the renderer embeds
//   Inter. pdf-lib reads FontNames when it loads, so the names are real.
// - `js-yaml` (about 15 KiB gzipped): xmlbuilder2 parses YAML with it only when `create()` is given a YAML
//   string; the CII and the XMP packet are built from objects.
// - `@pdf-lib/upng` (about 9 KiB gzipped): pdf-lib decodes PNG files with it for embedPng; the invoice has
//   no image (see worker-bundle-stub-upng.ts, which needs its own default export).

function notBundled(what: string): never {
  throw new Error(`${what} is not part of the Worker bundle (see src/platform/worker-bundle-stubs.ts)`);
}

export default function decompressBrotli(): never {
  return notBundled("Brotli decompression (WOFF2 fonts)");
}

export const FontNames = {
  Courier: "Courier",
  CourierBold: "Courier-Bold",
  CourierOblique: "Courier-Oblique",
  CourierBoldOblique: "Courier-BoldOblique",
  Helvetica: "Helvetica",
  HelveticaBold: "Helvetica-Bold",
  HelveticaOblique: "Helvetica-Oblique",
  HelveticaBoldOblique: "Helvetica-BoldOblique",
  TimesRoman: "Times-Roman",
  TimesRomanBold: "Times-Bold",
  TimesRomanItalic: "Times-Italic",
  TimesRomanBoldItalic: "Times-BoldItalic",
  Symbol: "Symbol",
  ZapfDingbats: "ZapfDingbats",
} as const;

export const Font = {
  load(): never {
    return notBundled("The standard PDF fonts");
  },
};

export const Encodings = {};

export function load(): never {
  return notBundled("YAML input to xmlbuilder2");
}
