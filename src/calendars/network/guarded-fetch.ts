// A fetch for user-supplied calendar URLs (ICS feeds, CalDAV servers): private targets refused unless
// allowed, every redirect hop checked again, a deadline over the whole exchange, the body size capped.
// tsdav takes it as its `fetch`, so CalDAV traffic obeys the same rules as feeds.
import { BlockedTargetError, checkTargetUrl } from "./address-policy.ts";
import { type FetchPolicy, ResponseTooLargeError, TargetTimeoutError, USER_AGENT } from "./fetch-policy.ts";

type Runtime = "node" | "workerd";
type Exchange = (
  url: URL,
  init: { method: string; headers: Headers; body: Buffer | null },
  policy: FetchPolicy,
  signal: AbortSignal,
) => Promise<Response>;

const MAX_REDIRECTS = 5;

async function bodyBuffer(body: unknown): Promise<Buffer | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), "utf8");
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(await new Response(body as BodyInit).arrayBuffer());
}

/** Workers: the platform's fetch (which cannot reach private networks anyway), redirects walked by hand. */
const webExchange: Exchange = async (url, init, policy, signal) => {
  const response = await fetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body ? new Uint8Array(init.body) : null,
    redirect: "manual",
    signal,
  });
  const declared = Number(response.headers.get("content-length"));
  if (declared > policy.maxBytes)
    throw new ResponseTooLargeError(`the response is larger than ${policy.maxBytes} bytes`);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > policy.maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError(`the response is larger than ${policy.maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new Response(reader ? Buffer.concat(chunks) : null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

// Loaded once: a dynamic import per request costs a module resolution each time (webhook fan-out sends thousands).
let nodeExchange: Promise<Exchange> | undefined;

async function exchangeFor(runtime: Runtime): Promise<Exchange> {
  if (runtime !== "node") return webExchange;
  nodeExchange ??= import("./node-request.ts").then((m) => m.nodeRequest);
  return nodeExchange;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

export function guardedFetch(policy: FetchPolicy, runtime: Runtime): typeof fetch {
  const guarded = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new TypeError("guardedFetch takes a URL, not a Request");
    const exchange = await exchangeFor(runtime);
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let url = checkTargetUrl(String(input), policy.allowPrivate);
    let method = (init.method ?? "GET").toUpperCase();
    let body = await bodyBuffer(init.body);
    const headers = new Headers(init.headers);
    if (!headers.has("user-agent")) headers.set("user-agent", USER_AGENT);
    if (!headers.has("accept-encoding")) headers.set("accept-encoding", "gzip, deflate, br");
    try {
      for (let hop = 0; ; hop++) {
        const response = await exchange(url, { method, headers, body }, policy, signal);
        const location = response.headers.get("location");
        if (!isRedirect(response.status) || !location || init.redirect === "manual") return response;
        if (init.redirect === "error" || hop >= MAX_REDIRECTS)
          throw new Error(`too many redirects (last to ${location})`);
        const next = checkTargetUrl(new URL(location, url).href, policy.allowPrivate);
        // Credentials must not follow a redirect to another origin.
        if (next.origin !== url.origin) headers.delete("authorization");
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && method === "POST")
        ) {
          method = "GET";
          body = null;
          headers.delete("content-type");
        }
        url = next;
      }
    } catch (error) {
      if (timeout.aborted)
        throw new TargetTimeoutError(`no complete answer within ${Math.round(policy.timeoutMs / 1000)} s`);
      if (error instanceof BlockedTargetError || error instanceof ResponseTooLargeError) throw error;
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof BlockedTargetError || cause instanceof ResponseTooLargeError) throw cause;
      throw error;
    }
  };
  return guarded as typeof fetch;
}
