// 5. monthly-activity-report: on the last working day of the month (owner's zone, French holidays and
// weekends excluded), each mission billed monthly gets its report prefilled and the owner is asked to check
// it. The owner's own "send" (submitReport) emits activity-report.checked; the client is reminded three
// days later unless they approved or contested it (activity-report.decided ends the wait).
import { findOwnerById } from "../src/accounts/store.ts";
import { getReport, prefillReportDays } from "../src/missions/activity-report-store.ts";
import { ownerDaysOff } from "../src/missions/activity-reports.ts";
import { isOptedOut, nudgeHeaders, optOutUrl } from "../src/missions/client-opt-out.ts";
import { getClient } from "../src/missions/client-store.ts";
import { localeOf } from "../src/missions/emails/mail-parts.ts";
import { reportCheckEmail } from "../src/missions/emails/report-check-email.ts";
import { reportReminderEmail } from "../src/missions/emails/report-reminder-email.ts";
import { reportMonthsDue } from "../src/missions/last-working-day.ts";
import { getMission } from "../src/missions/mission-store.ts";
import {
  MONTHLY_ACTIVITY_REPORT,
  missionsBilledMonthly,
  REPORT_CHECKED,
  REPORT_DECIDED,
  reportKey,
} from "../src/missions/mission-workflows.ts";
import { dateInZone } from "../src/missions/plain-date.ts";
import {
  clientReminderAt,
  clientReminderDecision,
  monthIsWithin,
  OWNER_CHECK_DAYS,
  ownerCheckUseful,
  reportStart,
} from "../src/missions/report-policy.ts";
import { reviewUrl } from "../src/missions/review-link.ts";
import { prefillActivityDays } from "../src/missions/working-days.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow, type ScheduledStart } from "../src/platform/workflows/definition.ts";

export interface MonthlyReportInput {
  missionId: string;
  /** YYYY-MM */
  month: string;
  /** started by the end of the mission: its last report */
  final?: boolean;
}

const DAY_MS = 86_400_000;
const WHY = `workflow:${MONTHLY_ACTIVITY_REPORT}`;

async function load(deps: AppDeps, ownerId: string, { missionId, month }: MonthlyReportInput) {
  const [mission, report, owner] = await Promise.all([
    getMission(deps.database, ownerId, missionId),
    getReport(deps.database, ownerId, missionId, month),
    findOwnerById(deps.database, ownerId),
  ]);
  const client = mission ? await getClient(deps.database, ownerId, mission.clientId) : undefined;
  return mission && owner && client ? { mission, report, owner, client } : null;
}

type Prepared =
  | { next: "skip" | "check"; preparedAt: number }
  | { next: "await-client"; submittedAt: number; preparedAt: number };

/** Prefills the month unless the owner already wrote, sent or settled it; says what comes next. */
async function prepare(
  deps: AppDeps,
  ownerId: string,
  input: MonthlyReportInput,
  now: number,
): Promise<Prepared> {
  const found = await load(deps, ownerId, input);
  if (!found) return { next: "skip", preparedAt: now };
  const { mission } = found;
  let start = reportStart(mission, input.month, found.report);
  if (start.next === "prefill") {
    const end = mission.endDate ?? undefined;
    const days = prefillActivityDays(input.month, await ownerDaysOff(deps, ownerId), mission.startDate, end);
    if (days.length === 0) return { next: "skip", preparedAt: now };
    const row = { id: deps.newId(), ownerId, missionId: mission.id, month: input.month, days, now };
    await prefillReportDays(deps.database, row);
    start = reportStart(
      mission,
      input.month,
      await getReport(deps.database, ownerId, mission.id, input.month),
    );
  }
  if (start.next === "await-client") return { ...start, preparedAt: now };
  return { next: start.next === "check" ? "check" : "skip", preparedAt: now };
}

async function askOwner(deps: AppDeps, ownerId: string, input: MonthlyReportInput) {
  const found = await load(deps, ownerId, input);
  if (!found || !ownerCheckUseful(found.mission, found.report)) return null;
  const { mission, owner, client } = found;
  return {
    why: WHY,
    to: { address: owner.email, name: owner.name },
    locale: owner.locale,
    ...reportCheckEmail({
      locale: owner.locale,
      clientName: client.name,
      missionTitle: mission.title,
      month: input.month,
      days: found.report?.days ?? [],
      dailyRateCents: mission.dailyRateCents,
      checkUrl: `${deps.config.baseUrl}/dashboard/missions/${mission.id}?month=${input.month}`,
      final: input.final === true,
    }),
  };
}

async function remindClient(deps: AppDeps, ownerId: string, input: MonthlyReportInput, now: number) {
  const found = await load(deps, ownerId, input);
  if (!found) return null;
  const { mission, report, owner, client } = found;
  const optedOut = await isOptedOut(deps, ownerId, client.id);
  if (clientReminderDecision({ mission, report, optedOut }, now) !== "send" || !report?.submittedAt)
    return null;
  const locale = localeOf(client.locale);
  const to = { ownerId, clientId: client.id, ownerEmail: owner.email };
  return {
    why: WHY,
    to: { address: client.billingEmail, name: client.name },
    locale,
    headers: { ...nudgeHeaders(deps.config, to, now), "Reply-To": owner.email },
    ...reportReminderEmail({
      locale,
      owner: { name: owner.name, email: owner.email },
      missionTitle: mission.title,
      month: input.month,
      days: report.days,
      dailyRateCents: mission.dailyRateCents,
      sentOn: dateInZone(report.submittedAt, owner.timeZone),
      reviewUrl: reviewUrl(deps.config, report.id, report.submittedAt),
      optOutUrl: optOutUrl(deps.config, ownerId, client.id, now),
    }),
  };
}

export const monthlyActivityReport = defineWorkflow<MonthlyReportInput>({
  name: MONTHLY_ACTIVITY_REPORT,
  title: { fr: "Comptes rendus mensuels", en: "Monthly activity reports" },
  async run(ctx, deps) {
    const key = reportKey(ctx.input.missionId, ctx.input.month);
    const start = await ctx.step("prepare", () => prepare(deps, ctx.ownerId, ctx.input, ctx.now()));
    let submittedAt: number;
    if (start.next === "await-client") {
      submittedAt = start.submittedAt;
    } else {
      if (start.next === "skip") return;
      await ctx.sendEmail("ask-owner", () => askOwner(deps, ctx.ownerId, ctx.input));
      const checked = await ctx.waitForEvent<{ submittedAt: number }>(
        "checked",
        { name: REPORT_CHECKED, key },
        { timeoutAt: start.preparedAt + OWNER_CHECK_DAYS * DAY_MS },
      );
      if (!checked) return;
      submittedAt = checked.submittedAt;
    }
    const decided = { name: REPORT_DECIDED, key };
    if (await ctx.waitForEvent("decided", decided, { timeoutAt: clientReminderAt(submittedAt) })) return;
    await ctx.sendEmail("remind-client", () => remindClient(deps, ctx.ownerId, ctx.input, ctx.now()));
  },
  async scheduledStarts(deps, nowMs): Promise<ScheduledStart[]> {
    const monthsByZone = new Map<string, string[]>();
    const starts: ScheduledStart[] = [];
    for (const m of await missionsBilledMonthly(deps.database)) {
      const months = monthsByZone.get(m.timeZone) ?? reportMonthsDue(nowMs, m.timeZone);
      monthsByZone.set(m.timeZone, months);
      for (const month of months.filter((x) => monthIsWithin(x, m)))
        starts.push({
          ownerId: m.ownerId,
          key: reportKey(m.missionId, month),
          input: { missionId: m.missionId, month },
        });
    }
    return starts;
  },
});
