// Stand-in for `@pdf-lib/upng` in the Worker bundle (wrangler.toml [alias]; see worker-bundle-stubs.ts):
// pdf-lib decodes PNG files with it for embedPng only, and the invoice PDF embeds no image.

function notBundled(): never {
  throw new Error("PNG decoding is not part of the Worker bundle (see src/platform/worker-bundle-stubs.ts)");
}

export default { decode: notBundled, toRGBA8: notBundled };
