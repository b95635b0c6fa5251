// One signed POST to an endpoint, through the same guarded fetch as calendar URLs: private targets refused
// unless ALLOW_PRIVATE_TARGETS (the resolved address is checked at connect time), a deadline over the
// whole exchange, the answer's size capped. Redirects are never followed: a 3xx is a failed attempt.
import { BlockedTargetError } from "../calendars/network/address-policy.ts";
import { ResponseTooLargeError, TargetTimeoutError } from "../calendars/network/fetch-policy.ts";
import { guardedFetch } from "../calendars/network/guarded-fetch.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.ts";

/** Tests shorten these; 10 s is what most webhook senders give a receiver. */
export const webhookLimits = {
  timeoutMs: 10_000,
  /** an answer bigger than this is a failure: receivers should answer 2xx with a short body */
  maxBytes: 64 * 1024,
};

export const WEBHOOK_USER_AGENT = "Creneau-Webhooks/0.1 (+https://github.com/creneau)";

export interface SendInput {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  eventType: string;
  deliveryId: string;
  attempt: number;
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

const EXCERPT_CHARS = 500;

export async function sendWebhook(
  input: SendInput,
  options: { allowPrivate: boolean; runtime: "node" | "workerd"; now: number },
): Promise<SendResult> {
  const fetcher = guardedFetch(
    {
      allowPrivate: options.allowPrivate,
      timeoutMs: webhookLimits.timeoutMs,
      maxBytes: webhookLimits.maxBytes,
    },
    options.runtime,
  );
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetcher(input.url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json",
        "user-agent": WEBHOOK_USER_AGENT,
        [SIGNATURE_HEADER]: signatureHeader(input.secret, options.now, input.body),
        "Creneau-Event-Id": input.eventId,
        "Creneau-Event-Type": input.eventType,
        "Creneau-Delivery-Id": input.deliveryId,
        "Creneau-Attempt": String(input.attempt),
      },
      body: input.body,
    });
    const text = await response.text();
    const redirect = response.status >= 300 && response.status < 400;
    return {
      statusCode: response.status,
      error: redirect
        ? `redirects are not followed (Location: ${response.headers.get("location") ?? "-"})`
        : null,
      responseExcerpt: text ? text.slice(0, EXCERPT_CHARS) : null,
      durationMs: elapsed(),
    };
  } catch (error) {
    return { statusCode: null, error: describe(error), responseExcerpt: null, durationMs: elapsed() };
  }
}

function describe(error: unknown): string {
  if (error instanceof BlockedTargetError) return `refused: ${error.message}`;
  if (error instanceof TargetTimeoutError) return `timeout: ${error.message}`;
  if (error instanceof ResponseTooLargeError) return `answer too large: ${error.message}`;
  const e = error as { message?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.message ?? String(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 500);
}
