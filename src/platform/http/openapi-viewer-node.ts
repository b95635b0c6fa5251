// Node only: reads the vendored viewer files once. Workers have no file system; there /api/docs says where the
// JSON document is instead.
import { readFile } from "node:fs/promises";
import { VIEWER_FILES, type ViewerFile } from "./openapi-viewer.ts";

const cache = new Map<ViewerFile, Promise<Uint8Array>>();

/** The gzipped bytes of a viewer file. */
export function readViewerFile(name: ViewerFile): Promise<Uint8Array> {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFile(new URL(`./openapi-viewer/${VIEWER_FILES[name].file}`, import.meta.url)).then(
      (b) => new Uint8Array(b),
    );
    bytes.catch(() => cache.delete(name));
    cache.set(name, bytes);
  }
  return bytes;
}
