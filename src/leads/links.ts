// Signed links in lead emails: the owner's one-click actions, and the prospect's "yes, introduce me".
import type { Config } from "../platform/config.ts";
import { type LinkCheck, signLink, verifyLink } from "../platform/security/signed-links.ts";
import type { Stage } from "./pipeline.ts";

export const LEAD_ACTION_PURPOSE = "lead.owner-action";
export const INTRO_PURPOSE = "lead.intro";
export const LEAD_ACTIONS = ["qualify", "decline", "advance"] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

const DAY = 86_400_000;
export const ACTION_LINK_DAYS = 14;
export const INTRO_LINK_DAYS = 30;

/**
 * The stage the lead was in when the email was written travels in the link: "move to next stage" then
 * moves it from that stage only, so an old email opened twice never skips a stage.
 */
export function leadActionUrl(
  config: Config,
  leadId: string,
  action: LeadAction,
  from: Stage,
  now: number,
): string {
  const token = signLink(config.secretKey, {
    purpose: LEAD_ACTION_PURPOSE,
    subject: leadId,
    exp: now + ACTION_LINK_DAYS * DAY,
    data: { action, from },
  });
  return `${config.baseUrl}/m/leads/${token}`;
}

export function introUrl(config: Config, leadId: string, now: number): string {
  const token = signLink(config.secretKey, {
    purpose: INTRO_PURPOSE,
    subject: leadId,
    exp: now + INTRO_LINK_DAYS * DAY,
  });
  return `${config.baseUrl}/leads/intro/${token}`;
}

export type ActionCheck =
  | { ok: true; leadId: string; action: LeadAction; from: Stage }
  | { ok: false; reason: Exclude<LinkCheck, { ok: true }>["reason"] };

export function checkLeadAction(config: Config, token: string, now: number): ActionCheck {
  const check = verifyLink(config.secretKey, token, LEAD_ACTION_PURPOSE, now);
  if (!check.ok) return check;
  const action = check.claims.data?.action as LeadAction | undefined;
  const from = check.claims.data?.from as Stage | undefined;
  if (!action || !(LEAD_ACTIONS as readonly string[]).includes(action) || !from)
    return { ok: false, reason: "malformed" };
  return { ok: true, leadId: check.claims.subject, action, from };
}

export function checkIntro(
  config: Config,
  token: string,
  now: number,
): { ok: true; leadId: string } | { ok: false; reason: string } {
  const check = verifyLink(config.secretKey, token, INTRO_PURPOSE, now);
  return check.ok ? { ok: true, leadId: check.claims.subject } : check;
}
