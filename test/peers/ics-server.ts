// A local HTTP server publishing .ics feeds the way real ones behave: ETag and Last-Modified with 304s,
// and the hostile kinds on demand (a body that never ends, one that is huge, garbage, a redirect inward).
import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

export interface FeedRoute {
  body?: string | Buffer;
  status?: number;
  contentType?: string;
  /** send the body gzip-compressed */
  gzip?: boolean;
  /** write the body slowly: this many ms between 1 KB chunks */
  dripMs?: number;
  /** stream this many bytes of padding after the body, never ending early */
  endlessBytes?: number;
  redirectTo?: string;
  lastModified?: string;
}

export interface IcsServer {
  url(path: string): string;
  set(path: string, route: FeedRoute): void;
  hits(path: string): { total: number; notModified: number };
  close(): Promise<void>;
}

export async function startIcsServer(): Promise<IcsServer> {
  const routes = new Map<string, FeedRoute>();
  const hits = new Map<string, { total: number; notModified: number }>();
  const server = createServer((req, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const count = hits.get(path) ?? { total: 0, notModified: 0 };
    count.total++;
    hits.set(path, count);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    if (route.redirectTo) {
      res.writeHead(302, { location: route.redirectTo }).end();
      return;
    }
    const body = route.body ?? "";
    const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
    const headers: Record<string, string> = {
      "content-type": route.contentType ?? "text/calendar; charset=utf-8",
      etag,
      ...(route.lastModified ? { "last-modified": route.lastModified } : {}),
    };
    if ((route.status ?? 200) === 200 && req.headers["if-none-match"] === etag) {
      count.notModified++;
      res.writeHead(304, headers).end();
      return;
    }
    if (route.endlessBytes) {
      res.writeHead(200, headers);
      res.write(body);
      let sent = 0;
      const pump = () => {
        while (sent < route.endlessBytes! && res.write(`X-PAD:${"x".repeat(1000)}\r\n`)) sent += 1008;
        if (sent < route.endlessBytes!) res.once("drain", pump);
        else res.end();
      };
      pump();
      res.on("error", () => {});
      return;
    }
    if (route.dripMs) {
      res.writeHead(200, headers);
      const data = Buffer.from(body);
      let offset = 0;
      const timer = setInterval(() => {
        if (offset >= data.length || res.destroyed) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(data.subarray(offset, offset + 1024));
        offset += 1024;
      }, route.dripMs);
      res.on("close", () => clearInterval(timer));
      return;
    }
    const payload = route.gzip ? gzipSync(body) : Buffer.from(body);
    res.writeHead(route.status ?? 200, { ...headers, ...(route.gzip ? { "content-encoding": "gzip" } : {}) });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${root}${path}`,
    set: (path, route) => routes.set(path, route),
    hits: (path) => hits.get(path) ?? { total: 0, notModified: 0 },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
