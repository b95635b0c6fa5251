// 6. end-of-mission: started when the owner marks a mission ended (PATCH status "ended", in the same batch).
// The final invoice is issued and sent (not for billingMode "platform"): the whole mission for "end", the
// last month's report for "monthly" once the client approved it. Three days later the client is asked for a
// rating on the mission's platform, reminded 4 and 15 days after; rating.received ends it at any point.
import { findOwnerById } from "../src/accounts/store.ts";
import {
  draftLastReportInvoice,
  draftWholeMissionInvoice,
  type FinalDraft,
  issueAndSendFinalInvoice,
} from "../src/invoicing/final-invoice.ts";
import { getReport } from "../src/missions/activity-report-store.ts";
import { ownerDaysOff } from "../src/missions/activity-reports.ts";
import { isOptedOut, nudgeHeaders, optOutUrl } from "../src/missions/client-opt-out.ts";
import { getClient } from "../src/missions/client-store.ts";
import { type FinalInvoiceOutcome, finalInvoiceEmail } from "../src/missions/emails/final-invoice-email.ts";
import { localeOf } from "../src/missions/emails/mail-parts.ts";
import { ratingEmail } from "../src/missions/emails/rating-emails.ts";
import { getMission } from "../src/missions/mission-store.ts";
import {
  END_OF_MISSION,
  RATING_RECEIVED,
  REPORT_APPROVED,
  reportKey,
} from "../src/missions/mission-workflows.ts";
import {
  ratingDecision,
  ratingPlatform,
  ratingReminderAts,
  ratingRequestAt,
} from "../src/missions/rating-policy.ts";
import { FINAL_REPORT_APPROVAL_DAYS, finalReportState } from "../src/missions/report-policy.ts";
import { prefillActivityDays } from "../src/missions/working-days.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { emitRatingRequested } from "../src/webhooks/workflow-events.ts";

export interface EndOfMissionInput {
  missionId: string;
}

const DAY_MS = 86_400_000;
const WHY = `workflow:${END_OF_MISSION}`;

async function lastReportState(deps: AppDeps, ownerId: string, missionId: string, month: string) {
  const mission = await getMission(deps.database, ownerId, missionId);
  const report = await getReport(deps.database, ownerId, missionId, month);
  const prefillable =
    mission && !report?.days.length
      ? prefillActivityDays(
          month,
          await ownerDaysOff(deps, ownerId),
          mission.startDate,
          mission.endDate ?? undefined,
        )
      : [];
  return finalReportState(report, prefillable.length);
}

async function tellOwner(deps: AppDeps, ownerId: string, missionId: string, outcome: FinalInvoiceOutcome) {
  const [mission, owner] = await Promise.all([
    getMission(deps.database, ownerId, missionId),
    findOwnerById(deps.database, ownerId),
  ]);
  if (!mission || !owner) return null;
  return {
    why: WHY,
    to: { address: owner.email, name: owner.name },
    locale: owner.locale,
    ...finalInvoiceEmail({
      locale: owner.locale,
      clientName: mission.clientName,
      missionTitle: mission.title,
      outcome,
      missionUrl: `${deps.config.baseUrl}/dashboard/missions/${mission.id}`,
    }),
  };
}

async function ratingMail(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  now: number,
  plan: { kind: "request" | "reminder" | "last-reminder"; dueAt: number; nextDueAt?: number },
) {
  const mission = await getMission(deps.database, ownerId, missionId);
  const owner = await findOwnerById(deps.database, ownerId);
  const client = mission ? await getClient(deps.database, ownerId, mission.clientId) : undefined;
  if (!mission || !owner || !client) return null;
  const optedOut = await isOptedOut(deps, ownerId, client.id);
  const kind = plan.kind === "request" ? "request" : "reminder";
  if (ratingDecision({ ...plan, kind, mission, optedOut }, now) !== "send" || !mission.ratingUrl) return null;
  const locale = localeOf(client.locale);
  const to = { ownerId, clientId: client.id, ownerEmail: owner.email };
  return {
    why: WHY,
    to: { address: client.billingEmail, name: client.name },
    locale,
    headers: { ...nudgeHeaders(deps.config, to, now), "Reply-To": owner.email },
    ...ratingEmail({
      locale,
      kind: plan.kind,
      platform: ratingPlatform(mission.source, mission.ratingUrl),
      owner: { name: owner.name, email: owner.email },
      missionTitle: mission.title,
      ratingUrl: mission.ratingUrl,
      optOutUrl: optOutUrl(deps.config, ownerId, client.id, now),
    }),
  };
}

export const endOfMission = defineWorkflow<EndOfMissionInput>({
  name: END_OF_MISSION,
  title: { fr: "Fin de mission", en: "End of mission" },
  async run(ctx, deps) {
    const { missionId } = ctx.input;
    const plan = await ctx.step("plan", async () => {
      const m = await getMission(deps.database, ctx.ownerId, missionId);
      if (m?.status !== "ended" || !m.endDate) return null;
      return { billingMode: m.billingMode, lastMonth: m.endDate.slice(0, 7), endedAt: ctx.now() };
    });
    if (!plan) return;

    let draft: FinalDraft | null = null;
    if (plan.billingMode === "end") {
      draft = await ctx.step("final-draft", () => draftWholeMissionInvoice(deps, ctx.ownerId, missionId));
    } else if (plan.billingMode === "monthly") {
      const state = await ctx.step("last-report", () =>
        lastReportState(deps, ctx.ownerId, missionId, plan.lastMonth),
      );
      const approved =
        state === "approved" ||
        (state === "pending" &&
          (await ctx.waitForEvent(
            "last-report-approved",
            { name: REPORT_APPROVED, key: reportKey(missionId, plan.lastMonth) },
            { timeoutAt: plan.endedAt + FINAL_REPORT_APPROVAL_DAYS * DAY_MS },
          )) !== null);
      if (state !== "nothing")
        draft = approved
          ? await ctx.step("final-draft", () =>
              draftLastReportInvoice(deps, ctx.ownerId, missionId, plan.lastMonth),
            )
          : { kind: "problem", reason: "not-approved" };
    }
    if (draft) {
      const ready = draft;
      const outcome =
        "invoiceId" in ready
          ? await ctx.step("final-invoice", () =>
              issueAndSendFinalInvoice(deps, ctx.ownerId, ready.invoiceId),
            )
          : ready;
      await ctx.sendEmail("tell-owner", () => tellOwner(deps, ctx.ownerId, missionId, outcome));
    }

    const received = { name: RATING_RECEIVED, key: missionId };
    const invoicedAt = await ctx.step("invoicing-done", () => ctx.now());
    const requestAt = ratingRequestAt(invoicedAt);
    if (await ctx.waitForEvent("rating-before-request", received, { timeoutAt: requestAt })) return;
    const request = await ctx.sendEmail("rating-request", () =>
      ratingMail(deps, ctx.ownerId, missionId, ctx.now(), { kind: "request", dueAt: requestAt }),
    );
    if (!request.sent) return;
    await ctx.step("webhook-rating-requested", () =>
      emitRatingRequested(deps, ctx.ownerId, missionId, ctx.runId),
    );
    const [first, last] = ratingReminderAts(await ctx.step("requested", () => ctx.now()));
    if (await ctx.waitForEvent("rating-before-reminder", received, { timeoutAt: first })) return;
    await ctx.sendEmail("rating-reminder", () =>
      ratingMail(deps, ctx.ownerId, missionId, ctx.now(), {
        kind: "reminder",
        dueAt: first,
        nextDueAt: last,
      }),
    );
    if (await ctx.waitForEvent("rating-before-last-reminder", received, { timeoutAt: last })) return;
    await ctx.sendEmail("rating-last-reminder", () =>
      ratingMail(deps, ctx.ownerId, missionId, ctx.now(), { kind: "last-reminder", dueAt: last }),
    );
  },
});
