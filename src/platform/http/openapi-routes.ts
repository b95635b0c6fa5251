// GET /api/openapi.json (the document) and /api/docs (Swagger UI). Public: they describe the API, hold no data.
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";
import { openApiDocument } from "./openapi-document.ts";
import { VIEWER_CSP, VIEWER_FILES, VIEWER_INIT, type ViewerFile, viewerPage } from "./openapi-viewer.ts";
import { AppError } from "./problems.ts";

const isViewerFile = (name: string): name is ViewerFile => name in VIEWER_FILES;

export function openApiRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/openapi.json", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cache-Control", "no-cache");
    return c.json(openApiDocument(c.get("deps").config.baseUrl));
  });

  routes.get("/docs", (c) => {
    c.header("Content-Security-Policy", VIEWER_CSP);
    return c.html(viewerPage(c.get("deps").runtime === "node"));
  });

  routes.get("/docs/assets/:file", async (c) => {
    const name = c.req.param("file");
    const cache = { "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" };
    if (name === "init.js")
      return c.body(VIEWER_INIT, 200, { ...cache, "Content-Type": "text/javascript; charset=utf-8" });
    if (!isViewerFile(name) || c.get("deps").runtime !== "node") throw new AppError("not_found");
    const { readViewerFile } = await import("./openapi-viewer-node.ts");
    const gzipped = await readViewerFile(name);
    const headers = { ...cache, "Content-Type": VIEWER_FILES[name].type, Vary: "Accept-Encoding" };
    if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? ""))
      return c.body(gzipped as Uint8Array<ArrayBuffer>, 200, { ...headers, "Content-Encoding": "gzip" });
    return c.body(new Uint8Array(gunzipSync(gzipped)), 200, headers);
  });

  return routes;
}
