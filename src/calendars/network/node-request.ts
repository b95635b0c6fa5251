// One HTTP exchange on Node through node:http(s), with the resolved address checked at connect time
// (so a name cannot resolve to a public address for the check and a private one for the request),
// the body capped while it streams in, and gzip/deflate/br undone under the same cap.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { BlockedTargetError, isPublicAddress } from "./address-policy.ts";
import { type FetchPolicy, ResponseTooLargeError } from "./fetch-policy.ts";

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, address, family) => {
      if (error || allowPrivate) return callback(error, address as string, family);
      const all: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      const blocked = all.find((a) => !isPublicAddress(a.address));
      if (blocked)
        return callback(
          new BlockedTargetError(`${hostname} resolves to ${blocked.address}, a private or local address`),
          address as string,
          family,
        );
      callback(null, address as string, family);
    });
  };
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers["content-encoding"] ?? "").toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

function responseHeaders(response: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    // The body handed on is already decoded, so its original encoding and length no longer apply.
    if (name === "content-encoding" || name === "content-length") continue;
    headers.append(name, raw[i + 1]!);
  }
  return headers;
}

export function nodeRequest(
  url: URL,
  init: { method: string; headers: Headers; body: Buffer | null },
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const request = (secure ? https : http).request(url, {
      method: init.method,
      headers: Object.fromEntries(init.headers),
      agent: secure ? httpsAgent : httpAgent,
      lookup: guardedLookup(policy.allowPrivate),
      signal,
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const declared = Number(response.headers["content-length"]);
      if (!response.headers["content-encoding"] && declared > policy.maxBytes) {
        request.destroy(new ResponseTooLargeError(`the response is larger than ${policy.maxBytes} bytes`));
        return;
      }
      const body = decoded(response);
      const chunks: Buffer[] = [];
      let size = 0;
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          request.destroy(new ResponseTooLargeError(`the response is larger than ${policy.maxBytes} bytes`));
          body.destroy();
          return;
        }
        chunks.push(chunk);
      });
      body.on("error", reject);
      response.on("error", reject);
      body.on("end", () => {
        if (status < 200 || status > 599) return reject(new Error(`unexpected HTTP status ${status}`));
        const empty = status === 204 || status === 205 || status === 304 || init.method === "HEAD";
        resolve(
          new Response(empty ? null : Buffer.concat(chunks), {
            status,
            statusText: response.statusMessage ?? "",
            headers: responseHeaders(response),
          }),
        );
      });
    });
    request.end(init.body ?? undefined);
  });
}
