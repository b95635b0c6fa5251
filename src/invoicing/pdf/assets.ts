// The binary inputs of the renderer. It never reads files itself, so it runs the same on Node and
// on Cloudflare Workers: each runtime's composition root loads these bytes its own way
// (node-assets.ts on Node; Data-module imports of ./assets/* on Workers).

export interface PdfAssets {
  fonts: {
    /** A TrueType font (.ttf) for body text: Inter Regular in the bundled assets. */
    regular: Uint8Array;
    /** Its heavier weight for headings and totals: Inter SemiBold. */
    semibold: Uint8Array;
  };
  /** An sRGB ICC profile for the PDF/A output intent. */
  srgbIccProfile: Uint8Array;
}

/** File names under src/invoicing/pdf/assets/, for the loaders. */
export const ASSET_FILES = {
  regular: "Inter-Regular.ttf",
  semibold: "Inter-SemiBold.ttf",
  srgbIccProfile: "sRGB.icc",
} as const;
