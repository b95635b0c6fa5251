// Creneau-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the endpoint's secret>.
// The timestamp is signed with the body, so a captured request cannot be replayed later with a new time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Creneau-Signature";
/** How old a signature a receiver should accept; the same default as the snippet in docs/webhooks.md. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureHex(secret: string, unixSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, nowMs: number, body: string): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${signatureHex(secret, t, body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * What a receiver does (and what our tests' receiver does): parse, check the age, compare in constant time.
 * Several v1 values are accepted so a secret can be rotated without downtime on the receiving side.
 */
export function verifySignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  nowMs: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  if (!header) return { ok: false, reason: "no signature header" };
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const candidates = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v!);
  if (!Number.isInteger(t) || candidates.length === 0) return { ok: false, reason: "malformed header" };
  if (Math.abs(Math.floor(nowMs / 1000) - t) > toleranceSeconds)
    return { ok: false, reason: "timestamp outside the tolerance" };
  const expected = Buffer.from(signatureHex(secret, t, body), "hex");
  const match = candidates.some((c) => {
    const given = Buffer.from(c, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp: t } : { ok: false, reason: "signature mismatch" };
}
