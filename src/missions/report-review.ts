// The client's side of an activity report: what the emailed link shows, and recording their answer
// (once per submission; a second click shows the answer already given). The owner hears of it by email.
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { sendMail } from "../platform/mail/send.ts";
import {
  type ActivityReportRow,
  clientDecisionStatement,
  decidedAt,
  getReportForReview,
} from "./activity-report-store.ts";
import { type ClientRow, getClient } from "./client-store.ts";
import { getMission, type MissionWithClient } from "./mission-store.ts";
import { reportDecidedStatements } from "./mission-workflows.ts";
import { afterApprovalStatements } from "./report-approval.ts";
import { reportDecidedEmail } from "./report-emails.ts";
import { readReviewToken } from "./review-link.ts";

export interface ReviewContext {
  report: ActivityReportRow;
  mission: MissionWithClient;
  client: ClientRow;
  owner: CurrentOwner;
  submittedAt: number;
  /** false when the owner changed or re-sent the report after this link was sent */
  current: boolean;
}

const INVALID = "This link is invalid or has expired. Ask for the activity report to be sent again.";

export async function loadReview(deps: AppDeps, token: string): Promise<ReviewContext> {
  const claims = readReviewToken(deps.config, token, deps.clock.now());
  if (!claims) throw new AppError("not_found", { detail: INVALID });
  const report = await getReportForReview(deps.database, claims.reportId);
  const ownerRow = report ? await findOwnerById(deps.database, report.ownerId) : undefined;
  const mission = report ? await getMission(deps.database, report.ownerId, report.missionId) : undefined;
  const client = mission ? await getClient(deps.database, mission.ownerId, mission.clientId) : undefined;
  if (!report || !ownerRow || !mission || !client) throw new AppError("not_found", { detail: INVALID });
  return {
    report,
    mission,
    client,
    owner: toCurrentOwner(ownerRow),
    submittedAt: claims.submittedAt,
    current: report.submittedAt === claims.submittedAt && report.status !== "draft",
  };
}

export async function decideReview(
  deps: AppDeps,
  review: ReviewContext,
  decision: "approved" | "contested",
  comment: string | null,
): Promise<ActivityReportRow> {
  const { report, mission, owner, client } = review;
  const now = deps.clock.now();
  // One batch: the answer, and what it ends or starts (the client's reminder, the final invoice's wait, the
  // month's draft, the webhook event), each only if the answer was recorded by it.
  const decided = decidedAt(report.id, decision, now);
  const follow =
    decision === "approved"
      ? await afterApprovalStatements(deps, owner.id, mission, report, "client", decided)
      : { statements: reportDecidedStatements(deps, report, decision, decided), afterBatch: () => {} };
  const results = await deps.database.batch([
    clientDecisionStatement({ id: report.id, submittedAt: review.submittedAt, decision, comment, now }),
    ...follow.statements,
  ]);
  const after = (await getReportForReview(deps.database, report.id))!;
  if ((results[0]?.changes ?? 0) === 0) {
    const answered = after.status === "approved" || after.status === "contested";
    if (after.submittedAt === review.submittedAt && answered) return after;
    throw new AppError("conflict", {
      detail: "This activity report changed since this email was sent. A new version will be sent to you.",
    });
  }
  follow.afterBatch(results);
  const invoiceId = decision === "approved" ? (after.invoiceId ?? undefined) : undefined;
  const base = deps.config.baseUrl;
  const email = reportDecidedEmail({
    locale: owner.locale,
    owner: { name: owner.name, email: owner.email },
    clientName: client.name,
    missionTitle: mission.title,
    month: after.month,
    days: after.days,
    dailyRateCents: mission.dailyRateCents,
    decision,
    comment,
    missionUrl: `${base}/dashboard/missions/${mission.id}?month=${after.month}`,
    ...(invoiceId ? { invoiceUrl: `${base}/dashboard/invoices/${invoiceId}` } : {}),
  });
  await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `activity-report.decision:${report.id}:${review.submittedAt}`,
    why: `activity-report.${decision}`,
    to: { address: owner.email, name: owner.name },
    ...email,
    locale: owner.locale,
  });
  return (await getReportForReview(deps.database, report.id))!;
}
