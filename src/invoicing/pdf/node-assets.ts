import { readFile } from "node:fs/promises";
import type { PdfAssets } from "./assets.ts";
import { ASSET_FILES } from "./assets.ts";

// Node only: reads the bundled font and ICC files once per process. The Worker build imports the
// same files as Data modules instead; the renderer itself never touches the file system.

let loaded: Promise<PdfAssets> | undefined;

export function loadPdfAssets(): Promise<PdfAssets> {
  loaded ??= readAll().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function readAll(): Promise<PdfAssets> {
  const read = async (name: string) =>
    new Uint8Array(await readFile(new URL(`./assets/${name}`, import.meta.url)));
  const [regular, semibold, srgbIccProfile] = await Promise.all([
    read(ASSET_FILES.regular),
    read(ASSET_FILES.semibold),
    read(ASSET_FILES.srgbIccProfile),
  ]);
  return { fonts: { regular, semibold }, srgbIccProfile };
}
