// Workers have no file system for the renderer's fonts and ICC profile: wrangler bundles them as Data
// modules (the `[[rules]] type = "Data"` in wrangler.toml), which arrive here as ArrayBuffers.

import interRegular from "../invoicing/pdf/assets/Inter-Regular.ttf";
import interSemiBold from "../invoicing/pdf/assets/Inter-SemiBold.ttf";
import srgb from "../invoicing/pdf/assets/sRGB.icc";
import type { PdfAssets } from "../invoicing/pdf/assets.ts";

const assets: PdfAssets = {
  fonts: { regular: new Uint8Array(interRegular), semibold: new Uint8Array(interSemiBold) },
  srgbIccProfile: new Uint8Array(srgb),
};

export function workerPdfAssets(): Promise<PdfAssets> {
  return Promise.resolve(assets);
}
