// What a prospect typed in step 1, carried to step 3 without the database: the validated answers in a
// signed, short-lived token (hidden field or query parameter). Signing stops a visitor from slipping
// answers past validation and triage between the steps; the expiry keeps a stale page from booking.
// The token is signed, not encrypted: it only ever goes back to the person who typed it.
import type { Locale } from "../../platform/i18n.ts";
import { signLink, verifyLink } from "../../platform/security/signed-links.ts";
import type { AnswerValue } from "../questions.ts";

export const DRAFT_PURPOSE = "booking.draft";
export const DRAFT_TTL_MS = 3 * 3600_000;
/** The draft in an abandoned-form nudge: the visitor may come back days later. */
export const NUDGE_DRAFT_TTL_MS = 7 * 86_400_000;

export interface BookingDraft {
  name: string;
  email: string;
  notes?: string;
  answers: Record<string, AnswerValue>;
  source?: string;
  utm?: Record<string, string>;
  locale: Locale;
}

export function signDraft(
  secret: string,
  eventTypeId: string,
  draft: BookingDraft,
  nowMs: number,
  ttlMs = DRAFT_TTL_MS,
): string {
  return signLink(secret, {
    purpose: DRAFT_PURPOSE,
    subject: eventTypeId,
    exp: nowMs + ttlMs,
    data: { draft: JSON.stringify(draft) },
  });
}

export type DraftCheck = { ok: true; draft: BookingDraft } | { ok: false; reason: "expired" | "invalid" };

/** A draft signed for another booking link is invalid here: answers belong to the questions they answered. */
export function readDraft(secret: string, token: string, eventTypeId: string, nowMs: number): DraftCheck {
  const check = verifyLink(secret, token, DRAFT_PURPOSE, nowMs);
  if (!check.ok) return { ok: false, reason: check.reason === "expired" ? "expired" : "invalid" };
  if (check.claims.subject !== eventTypeId || typeof check.claims.data?.draft !== "string")
    return { ok: false, reason: "invalid" };
  try {
    return { ok: true, draft: JSON.parse(check.claims.data.draft) as BookingDraft };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}
