// Signed, expiring tokens for links sent by email (manage a booking, approve a report, one-click actions).
// Pure: the secret and the current time are passed in.
import { hmacBase64Url, safeEqual } from "./tokens.ts";

export interface LinkClaims {
  /** what the link may do, e.g. "booking.manage"; a token for one purpose never opens another */
  purpose: string;
  /** the object it acts on */
  subject: string;
  /** expiry, epoch ms */
  exp: number;
  /** optional extra data (e.g. the action) covered by the signature */
  data?: Record<string, string>;
}

export function signLink(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${hmacBase64Url(secret, `link:${body}`)}`;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: "malformed" | "tampered" | "expired" | "wrong-purpose" };

export function verifyLink(secret: string, token: string, purpose: string, nowMs: number): LinkCheck {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  if (!safeEqual(signature, hmacBase64Url(secret, `link:${body}`))) return { ok: false, reason: "tampered" };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkClaims;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (claims.purpose !== purpose) return { ok: false, reason: "wrong-purpose" };
  if (typeof claims.exp !== "number" || claims.exp <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
