// Activity report use cases: save a month's days, prefill them, send them to the client, and record
// the client's (or the owner's) decision — an approval of a monthly-billed mission drafts its invoice.
import * as z from "zod";
import { createDraftFromReport } from "../invoicing/create-invoice.ts";
import { formatDate } from "../invoicing/date-text.ts";
import { getOwnerSetting } from "../invoicing/settings-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { sendMail } from "../platform/mail/send.ts";
import {
  type ActivityReportRow,
  decidedAt,
  getReport,
  markSubmitted,
  ownerApprovalStatement,
  saveReportDays,
} from "./activity-report-store.ts";
import { getClient } from "./client-store.ts";
import { DAYS_OFF_KEY, type DaysOff } from "./days-off.ts";
import type { MissionWithClient } from "./mission-store.ts";
import { reportCheckedStatements } from "./mission-workflows.ts";
import { dateInZone } from "./plain-date.ts";
import { afterApprovalStatements } from "./report-approval.ts";
import { reportToApproveEmail } from "./report-emails.ts";
import { REVIEW_LINK_TTL_MS, reviewUrl } from "./review-link.ts";
import { type ActivityDay, prefillActivityDays, validateActivityDays } from "./working-days.ts";

export const reportInputSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/, "use YYYY-MM"),
  days: z.array(z.object({ date: z.string().max(20), fraction: z.number() })).max(62),
});

export function missionDates(m: MissionWithClient) {
  return { start: m.startDate, ...(m.endDate ? { end: m.endDate } : {}) };
}

/** Months a report can exist for: from the mission's first month to its last (or open-ended). */
export function monthIsInMission(month: string, m: MissionWithClient): boolean {
  return month >= m.startDate.slice(0, 7) && (!m.endDate || month <= m.endDate.slice(0, 7));
}

export async function saveActivityReport(
  deps: AppDeps,
  owner: CurrentOwner,
  mission: MissionWithClient,
  body: unknown,
): Promise<{ report: ActivityReportRow; created: boolean }> {
  const input = validate(reportInputSchema, body);
  const errors = validateActivityDays(input.month, input.days, missionDates(mission));
  if (errors.length === 0 && !monthIsInMission(input.month, mission))
    errors.push({
      path: "month",
      message: `is outside the mission (${mission.startDate} → ${mission.endDate ?? "…"})`,
    });
  if (errors.length > 0) throw new AppError("validation", { errors });
  const existing = await getReport(deps.database, owner.id, mission.id, input.month);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date)) as ActivityDay[];
  const saved = await saveReportDays(deps.database, {
    id: deps.newId(),
    ownerId: owner.id,
    missionId: mission.id,
    month: input.month,
    days,
    now: deps.clock.now(),
  });
  if (!saved)
    throw new AppError("immutable", {
      detail: `The activity report of ${input.month} is approved: it can no longer change.`,
    });
  return { report: (await getReport(deps.database, owner.id, mission.id, input.month))!, created: !existing };
}

export async function ownerDaysOff(deps: AppDeps, ownerId: string): Promise<string[]> {
  return (await getOwnerSetting<DaysOff>(deps.database, ownerId, DAYS_OFF_KEY))?.dates ?? [];
}

export async function prefillReport(
  deps: AppDeps,
  owner: CurrentOwner,
  mission: MissionWithClient,
  month: string,
): Promise<ActivityDay[]> {
  if (!monthIsInMission(month, mission))
    throw new AppError("validation", { errors: [{ path: "month", message: "is outside the mission" }] });
  return prefillActivityDays(
    month,
    await ownerDaysOff(deps, owner.id),
    mission.startDate,
    mission.endDate ?? undefined,
  );
}

export async function ownedReport(
  deps: AppDeps,
  owner: CurrentOwner,
  mission: MissionWithClient,
  month: string,
): Promise<ActivityReportRow> {
  const report = await getReport(deps.database, owner.id, mission.id, month);
  if (!report) throw new AppError("not_found", { detail: `No activity report for ${month} yet.` });
  return report;
}

/** Sends the report to the client's billing address, with a link to approve or contest it. */
export async function submitReport(
  deps: AppDeps,
  owner: CurrentOwner,
  mission: MissionWithClient,
  month: string,
): Promise<{ report: ActivityReportRow; reviewUrl: string; outboxId: string }> {
  const before = await ownedReport(deps, owner, mission, month);
  if (before.status === "approved")
    throw new AppError("immutable", { detail: `The activity report of ${month} is already approved.` });
  if (before.days.length === 0)
    throw new AppError("validation", {
      errors: [{ path: "days", message: "A report with no day worked has nothing to approve" }],
    });
  if (!(await markSubmitted(deps.database, owner.id, before.id, deps.clock.now())))
    throw new AppError("conflict", { detail: "The report changed meanwhile; reload it." });
  const report = (await getReport(deps.database, owner.id, mission.id, month))!;
  const client = (await getClient(deps.database, owner.id, mission.clientId))!;
  const locale = client.locale === "en" ? "en" : "fr";
  const url = reviewUrl(deps.config, report.id, report.submittedAt!);
  const expires = dateInZone(report.submittedAt! + REVIEW_LINK_TTL_MS, owner.timeZone);
  const email = reportToApproveEmail({
    locale,
    owner: { name: owner.name, email: owner.email },
    clientName: client.name,
    missionTitle: mission.title,
    month,
    days: report.days,
    dailyRateCents: mission.dailyRateCents,
    reviewUrl: url,
    expiresOn: formatDate(expires, locale),
  });
  const queued = await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `activity-report.submit:${report.id}:${report.submittedAt}`,
    why: "activity-report.submit",
    to: { address: client.billingEmail, name: client.name },
    ...email,
    locale,
  });
  // Tells the month's report workflow the owner checked and sent it: it now waits for the client.
  await deps.database.batch(
    reportCheckedStatements(deps, { ...report, ownerId: owner.id, submittedAt: report.submittedAt! }),
  );
  return { report, reviewUrl: url, outboxId: queued.id };
}

/** Drafts the invoice of an approved report when the mission is billed month by month. */
export async function draftInvoiceIfMonthly(
  deps: AppDeps,
  ownerId: string,
  mission: MissionWithClient,
  report: ActivityReportRow,
): Promise<string | undefined> {
  if (mission.billingMode !== "monthly" || report.invoiceId) return report.invoiceId ?? undefined;
  try {
    return (await createDraftFromReport(deps, ownerId, report.id)).id;
  } catch (error) {
    // The approval stands; the owner can still draft the invoice by hand (and sees why not).
    deps.logger.warn("no invoice drafted for approved report", { reportId: report.id, error: String(error) });
    return undefined;
  }
}

/** The owner records an approval given outside Créneau. */
export async function approveAsOwner(
  deps: AppDeps,
  owner: CurrentOwner,
  mission: MissionWithClient,
  month: string,
): Promise<{ report: ActivityReportRow; invoiceId?: string }> {
  const before = await ownedReport(deps, owner, mission, month);
  if (before.status === "approved") {
    // Approved already: only its invoice may be missing (a draft that failed then).
    const invoiceId = await draftInvoiceIfMonthly(deps, owner.id, mission, before);
    const report = (await getReport(deps.database, owner.id, mission.id, month))!;
    return { report, ...(invoiceId ? { invoiceId } : {}) };
  }
  const now = deps.clock.now();
  const follow = await afterApprovalStatements(
    deps,
    owner.id,
    mission,
    before,
    "owner",
    decidedAt(before.id, "approved", now),
  );
  const results = await deps.database.batch([
    ownerApprovalStatement(owner.id, before.id, now),
    ...follow.statements,
  ]);
  if ((results[0]?.changes ?? 0) === 0)
    throw new AppError("validation", {
      errors: [{ path: "days", message: "A report with no day worked cannot be approved" }],
    });
  follow.afterBatch(results);
  const report = (await getReport(deps.database, owner.id, mission.id, month))!;
  return { report, ...(report.invoiceId ? { invoiceId: report.invoiceId } : {}) };
}
