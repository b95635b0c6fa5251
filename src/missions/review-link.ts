// The signed link a client gets to approve or contest one submission of an activity report. It names
// the submission (its submittedAt), so once the owner changes the days an old email can no longer act.
import type { Config } from "../platform/config.ts";
import { signLink, verifyLink } from "../platform/security/signed-links.ts";

export const REVIEW_PURPOSE = "activity-report.review";
export const REVIEW_LINK_TTL_MS = 60 * 24 * 3600_000;

export function reviewUrl(config: Config, reportId: string, submittedAt: number): string {
  const token = signLink(config.secretKey, {
    purpose: REVIEW_PURPOSE,
    subject: reportId,
    exp: submittedAt + REVIEW_LINK_TTL_MS,
    data: { submittedAt: String(submittedAt) },
  });
  return `${config.baseUrl}/r/${token}`;
}

export type ReviewClaims = { reportId: string; submittedAt: number } | undefined;

export function readReviewToken(config: Config, token: string, nowMs: number): ReviewClaims {
  if (token.length > 1000) return undefined;
  const check = verifyLink(config.secretKey, token, REVIEW_PURPOSE, nowMs);
  if (!check.ok) return undefined;
  const submittedAt = Number(check.claims.data?.submittedAt);
  return Number.isSafeInteger(submittedAt) ? { reportId: check.claims.subject, submittedAt } : undefined;
}
