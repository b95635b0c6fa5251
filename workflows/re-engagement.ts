// 8. re-engagement: some months after a mission ended (owner_settings "workflows".reEngagementMonths,
// 4 by default, 0 = off), a check-in is drafted for the owner; it goes to the client only when the owner
// approves it with one click (signed page: GET shows the draft in a textarea, POST emits check-in.approved).
import { findOwnerById } from "../src/accounts/store.ts";
import { getOwnerSetting } from "../src/invoicing/settings-store.ts";
import { checkInUrl } from "../src/missions/check-in.ts";
import {
  CHECK_IN_APPROVAL_DAYS,
  checkInAt,
  checkInDecision,
  WORKFLOW_SETTINGS_KEY,
  workflowSettings,
} from "../src/missions/check-in-policy.ts";
import { isOptedOut, nudgeHeaders, optOutUrl } from "../src/missions/client-opt-out.ts";
import { getClient } from "../src/missions/client-store.ts";
import { checkInDraftEmail, checkInDraftText, checkInEmail } from "../src/missions/emails/check-in-emails.ts";
import { localeOf } from "../src/missions/emails/mail-parts.ts";
import { getMission, listMissions } from "../src/missions/mission-store.ts";
import { CHECK_IN_APPROVED, RE_ENGAGEMENT } from "../src/missions/mission-workflows.ts";
import { dateInZone } from "../src/missions/plain-date.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";

export interface ReEngagementInput {
  missionId: string;
}

const DAY_MS = 86_400_000;
const WHY = `workflow:${RE_ENGAGEMENT}`;

async function load(deps: AppDeps, ownerId: string, missionId: string) {
  const [mission, owner] = await Promise.all([
    getMission(deps.database, ownerId, missionId),
    findOwnerById(deps.database, ownerId),
  ]);
  const client = mission ? await getClient(deps.database, ownerId, mission.clientId) : undefined;
  return mission && owner && client ? { mission, owner, client } : null;
}

async function plan(deps: AppDeps, ownerId: string, missionId: string) {
  const found = await load(deps, ownerId, missionId);
  if (!found?.mission.endDate || found.mission.status !== "ended") return null;
  const settings = workflowSettings(await getOwnerSetting(deps.database, ownerId, WORKFLOW_SETTINGS_KEY));
  const months = settings.reEngagementMonths;
  if (months === 0) return null;
  return { months, dueAt: checkInAt(found.mission.endDate, months, found.owner.timeZone) };
}

async function decide(deps: AppDeps, ownerId: string, missionId: string, dueAt: number, now: number) {
  const found = await load(deps, ownerId, missionId);
  if (!found) return null;
  const live = await listMissions(deps.database, ownerId, {
    status: ["planned", "active"],
    clientId: found.client.id,
  });
  const decision = checkInDecision(
    {
      missionStatus: found.mission.status,
      clientHasLiveMission: live.length > 0,
      optedOut: await isOptedOut(deps, ownerId, found.client.id),
      dueAt,
    },
    now,
  );
  return decision === "draft" ? { offeredAt: now } : null;
}

async function draftForOwner(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  link: { months: number; expiresAt: number },
) {
  const found = await load(deps, ownerId, missionId);
  if (!found) return null;
  const { mission, owner, client } = found;
  const draft = checkInDraftText({
    locale: localeOf(client.locale),
    ownerName: owner.name,
    missionTitle: mission.title,
    months: link.months,
  });
  return {
    why: WHY,
    to: { address: owner.email, name: owner.name },
    locale: owner.locale,
    ...checkInDraftEmail({
      locale: owner.locale,
      clientName: client.name,
      clientEmail: client.billingEmail,
      missionTitle: mission.title,
      months: link.months,
      draft,
      approveUrl: checkInUrl(deps.config, { ownerId, missionId, ...link }),
      expiresOn: dateInZone(link.expiresAt, owner.timeZone),
    }),
  };
}

async function checkInForClient(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  text: string,
  now: number,
) {
  const found = await load(deps, ownerId, missionId);
  // Approved, but the client opted out or the mission was reopened since: it does not leave.
  if (found?.mission.status !== "ended" || (await isOptedOut(deps, ownerId, found.client.id))) return null;
  const { owner, client } = found;
  const locale = localeOf(client.locale);
  const to = { ownerId, clientId: client.id, ownerEmail: owner.email };
  return {
    why: WHY,
    to: { address: client.billingEmail, name: client.name },
    locale,
    headers: { ...nudgeHeaders(deps.config, to, now), "Reply-To": owner.email },
    ...checkInEmail({
      locale,
      owner: { name: owner.name, email: owner.email },
      text,
      optOutUrl: optOutUrl(deps.config, ownerId, client.id, now),
    }),
  };
}

export const reEngagement = defineWorkflow<ReEngagementInput>({
  name: RE_ENGAGEMENT,
  title: { fr: "Reprise de contact", en: "Check-in after a mission" },
  async run(ctx, deps) {
    const { missionId } = ctx.input;
    const schedule = await ctx.step("plan", () => plan(deps, ctx.ownerId, missionId));
    if (!schedule) return;
    await ctx.sleepUntil("check-in-due", schedule.dueAt);
    const offer = await ctx.step("decide", () =>
      decide(deps, ctx.ownerId, missionId, schedule.dueAt, ctx.now()),
    );
    if (!offer) return;
    const expiresAt = offer.offeredAt + CHECK_IN_APPROVAL_DAYS * DAY_MS;
    await ctx.sendEmail("draft-to-owner", () =>
      draftForOwner(deps, ctx.ownerId, missionId, { months: schedule.months, expiresAt }),
    );
    const approved = await ctx.waitForEvent<{ text?: string }>(
      "approved",
      { name: CHECK_IN_APPROVED, key: missionId },
      { timeoutAt: expiresAt },
    );
    const text = approved?.text?.trim();
    if (!text) return;
    await ctx.sendEmail("check-in", () => checkInForClient(deps, ctx.ownerId, missionId, text, ctx.now()));
  },
});
