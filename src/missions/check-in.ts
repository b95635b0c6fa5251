// The owner's one-click approval of a check-in drafted by the re-engagement workflow: a signed link to a
// page showing the draft in a textarea; sending it emits check-in.approved with the text, and the waiting
// run sends it to the client (recorded with its step, exactly once).
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import type { Config } from "../platform/config.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { signLink, verifyLink } from "../platform/security/signed-links.ts";
import { emitEvent } from "../platform/workflows/engine.ts";
import { findEvent } from "../platform/workflows/store.ts";
import { isOptedOut } from "./client-opt-out.ts";
import { type ClientRow, getClient } from "./client-store.ts";
import { checkInDraftText } from "./emails/check-in-emails.ts";
import { localeOf } from "./emails/mail-parts.ts";
import { getMission, type MissionWithClient } from "./mission-store.ts";
import { CHECK_IN_APPROVED } from "./mission-workflows.ts";

export const CHECK_IN_PURPOSE = "mission.check-in";
export const CHECK_IN_MAX_LENGTH = 5000;

export function checkInUrl(
  config: Config,
  link: { ownerId: string; missionId: string; months: number; expiresAt: number },
): string {
  const token = signLink(config.secretKey, {
    purpose: CHECK_IN_PURPOSE,
    subject: link.missionId,
    exp: link.expiresAt,
    data: { ownerId: link.ownerId, months: String(link.months) },
  });
  return `${config.baseUrl}/r/check-in/${token}`;
}

export type CheckInLink =
  | { ok: true; ownerId: string; missionId: string; months: number }
  | { ok: false; expired: boolean };

export function readCheckInToken(config: Config, token: string, nowMs: number): CheckInLink {
  if (token.length > 1000) return { ok: false, expired: false };
  const check = verifyLink(config.secretKey, token, CHECK_IN_PURPOSE, nowMs);
  if (!check.ok) return { ok: false, expired: check.reason === "expired" };
  const ownerId = check.claims.data?.ownerId;
  const months = Number(check.claims.data?.months);
  if (!ownerId || !Number.isInteger(months)) return { ok: false, expired: false };
  return { ok: true, ownerId, missionId: check.claims.subject, months };
}

export interface CheckInContext {
  owner: CurrentOwner;
  mission: MissionWithClient;
  client: ClientRow;
  /** the draft as the workflow wrote it, in the client's language */
  draft: string;
  /** the text the owner already approved, if they did */
  sentText: string | null;
  optedOut: boolean;
}

export async function loadCheckIn(
  deps: AppDeps,
  link: Extract<CheckInLink, { ok: true }>,
): Promise<CheckInContext | null> {
  const ownerRow = await findOwnerById(deps.database, link.ownerId);
  const mission = await getMission(deps.database, link.ownerId, link.missionId);
  const client = mission ? await getClient(deps.database, link.ownerId, mission.clientId) : undefined;
  if (!ownerRow || !mission || !client) return null;
  const approved = await findEvent(deps.database, link.ownerId, CHECK_IN_APPROVED, mission.id, 0);
  const text = (approved?.payload as { text?: unknown } | null)?.text;
  return {
    owner: toCurrentOwner(ownerRow),
    mission,
    client,
    draft: checkInDraftText({
      locale: localeOf(client.locale),
      ownerName: ownerRow.name,
      missionTitle: mission.title,
      months: link.months,
    }),
    sentText: typeof text === "string" ? text : null,
    optedOut: await isOptedOut(deps, link.ownerId, client.id),
  };
}

export function canSendCheckIn(c: CheckInContext): boolean {
  return c.sentText === null && !c.optedOut && c.mission.status === "ended";
}

/** Hands the approved text to the waiting run, which sends it on its next tick. */
export async function approveCheckIn(deps: AppDeps, c: CheckInContext, text: string): Promise<void> {
  await emitEvent(deps, {
    ownerId: c.owner.id,
    name: CHECK_IN_APPROVED,
    key: c.mission.id,
    payload: { text: text.slice(0, CHECK_IN_MAX_LENGTH) },
  });
}
