// 9. after-call: the morning after a call (owner's zone), the owner is asked to move the lead on with
// one-click links (next stage, qualified, decline with a message); one reminder some days later if the
// lead's stage did not change. A stage change emits lead.stage-changed, which ends the run at once.
// Started with the booking and keyed `bookingId@start`: a reschedule replaces it, a cancel stops it.
import { findOwnerById } from "../src/accounts/store.ts";
import { afterCallEmail } from "../src/leads/after-call-email.ts";
import {
  type AfterCallFacts,
  afterCallAskAt,
  afterCallAskDecision,
  afterCallReminderAt,
  afterCallReminderDecision,
} from "../src/leads/after-call-policy.ts";
import { leadAnswers } from "../src/leads/lead-answers.ts";
import { getLeadWithContact } from "../src/leads/lead-queries.ts";
import { LEAD_STAGE_CHANGED } from "../src/leads/lead-workflows.ts";
import { type LeadAction, leadActionUrl } from "../src/leads/links.ts";
import { stageLabel } from "../src/leads/pages/labels.ts";
import { isStage, nextStage } from "../src/leads/pipeline.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { formatDate } from "../src/platform/http/views/format.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { getOwnedBooking } from "../src/scheduling/booking-store.ts";
import { AFTER_CALL } from "../src/scheduling/booking-workflows.ts";
import { getEventTypeByIdAnyState } from "../src/scheduling/event-type-store.ts";
import { eventTitle } from "../src/scheduling/event-type-view.ts";

export interface AfterCallInput {
  bookingId: string;
  startMs: number;
  bookedAtMs: number;
  /** days after asking before the one reminder (owner_settings "workflows".afterCallReminderDays) */
  reminderDays: number;
}

interface Plan {
  askAt: number;
  leadId: string;
}

async function plan(deps: AppDeps, ownerId: string, input: AfterCallInput): Promise<Plan | null> {
  const [booking, owner] = await Promise.all([
    getOwnedBooking(deps.database, ownerId, input.bookingId),
    findOwnerById(deps.database, ownerId),
  ]);
  if (!booking?.leadId || !owner || booking.startMs !== input.startMs) return null;
  return { askAt: afterCallAskAt(booking.endMs, owner.timeZone), leadId: booking.leadId };
}

async function question(
  deps: AppDeps,
  ownerId: string,
  input: AfterCallInput,
  p: Plan,
  kind: "ask" | "remind",
  now: number,
) {
  const [booking, lead, owner] = await Promise.all([
    getOwnedBooking(deps.database, ownerId, input.bookingId),
    getLeadWithContact(deps.database, ownerId, p.leadId),
    findOwnerById(deps.database, ownerId),
  ]);
  const facts: AfterCallFacts = { booking, runStartMs: input.startMs, stage: lead?.stage };
  const remindAt = afterCallReminderAt(p.askAt, input.reminderDays);
  const decision =
    kind === "ask"
      ? afterCallAskDecision(facts, { askAt: p.askAt, reminderDays: input.reminderDays }, now)
      : afterCallReminderDecision(facts, remindAt, now);
  if (decision !== "send" || !booking || !lead || !owner) return null;
  const locale = owner.locale;
  const stage = isStage(lead.stage) ? lead.stage : "new";
  const next = nextStage(stage);
  const link = (action: LeadAction) => leadActionUrl(deps.config, lead.id, action, stage, now);
  const eventType = await getEventTypeByIdAnyState(deps.database, ownerId, booking.eventTypeId);
  return {
    why: `workflow:${AFTER_CALL}`,
    to: { address: owner.email, name: owner.name },
    locale,
    ...afterCallEmail({
      locale,
      kind,
      name: lead.contact.name,
      company: lead.contact.company,
      eventTitle: eventType ? eventTitle(eventType, locale).title : "",
      callDate: formatDate(booking.startMs, locale, owner.timeZone),
      stage: stageLabel(stage, locale),
      // "won" is never one click: it sets up a client and a mission on the lead's page.
      nextStage: next && next !== "won" ? stageLabel(next, locale) : null,
      answers: (await leadAnswers(deps, lead)).display(locale),
      reminderDays: input.reminderDays,
      links: {
        advance: next && next !== "won" ? link("advance") : null,
        qualify: lead.verdict === "qualified" ? null : link("qualify"),
        decline: link("decline"),
        open: `${deps.config.baseUrl}/dashboard/leads/${lead.id}`,
      },
    }),
  };
}

export const afterCall = defineWorkflow<AfterCallInput>({
  name: AFTER_CALL,
  title: { fr: "Suite à donner après un appel", en: "Follow-up after a call" },
  async run(ctx, deps) {
    const p = await ctx.step("plan", () => plan(deps, ctx.ownerId, ctx.input));
    if (!p) return;
    await ctx.sleepUntil("ask-due", p.askAt);
    const asked = await ctx.sendEmail("ask-owner", () =>
      question(deps, ctx.ownerId, ctx.input, p, "ask", ctx.now()),
    );
    if (!asked.sent) return;
    const changed = { name: LEAD_STAGE_CHANGED, key: p.leadId };
    const remindAt = afterCallReminderAt(p.askAt, ctx.input.reminderDays);
    if (await ctx.waitForEvent("stage-changed", changed, { timeoutAt: remindAt })) return;
    await ctx.sendEmail("remind-owner", () => question(deps, ctx.ownerId, ctx.input, p, "remind", ctx.now()));
  },
});
