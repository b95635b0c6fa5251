// Use case: decline a lead kindly. The prospect gets the owner's message in their own language, with an
// offer of an introduction when the owner keeps partners; the same decline never emails twice.
import { sql } from "drizzle-orm";
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { isLocale, type Locale } from "../platform/i18n.ts";
import { sendMail } from "../platform/mail/send.ts";
import { hasRealEmail, NO_EMAIL_DOMAIN } from "./capture.ts";
import { declineEmail, declineMessage, declineReasons } from "./decline-email.ts";
import { getLeadWithContact, type LeadWithContact } from "./lead-queries.ts";
import { LEAD_SETTINGS_KEY, type LeadSettings, readLeadSettings } from "./lead-settings.ts";
import { eventStatement, ownerTouchStatement } from "./lead-writes.ts";
import { introUrl } from "./links.ts";
import { moveLead } from "./moves.ts";
import type { Actor, Stage } from "./pipeline.ts";
import { getLeadSettings } from "./settings-store.ts";
import type { TriageReason } from "./triage.ts";

export interface DeclineDraft {
  lead: LeadWithContact;
  /** the prospect's language: the message is written in it */
  locale: Locale;
  message: string;
  /** false for a contact without an email (a pasted LinkedIn message): the lead is only marked declined */
  canEmail: boolean;
  offersIntro: boolean;
  alreadyEmailed: boolean;
}

const contactLocale = (lead: LeadWithContact): Locale =>
  isLocale(lead.contact.locale) ? lead.contact.locale : "fr";

function draftOf(
  lead: LeadWithContact,
  owner: CurrentOwner,
  settings: LeadSettings,
  alreadyEmailed: boolean,
): DeclineDraft {
  const locale = contactLocale(lead);
  return {
    lead,
    locale,
    message: declineMessage({
      locale,
      template: settings.declineTemplate[locale],
      prospectName: lead.contact.name,
      ownerName: owner.name,
      reasons: declineReasons(lead.reasons as TriageReason[], locale),
    }),
    canEmail: hasRealEmail(lead.contact.email),
    offersIntro: settings.partners.length > 0,
    alreadyEmailed,
  };
}

async function wasEmailed(deps: AppDeps, ownerId: string, leadId: string): Promise<boolean> {
  const rows = await deps.database.all<{ one: number }>(
    sql`SELECT 1 AS one FROM lead_events WHERE owner_id = ${ownerId} AND lead_id = ${leadId} AND kind = 'decline.emailed' LIMIT 1`,
  );
  return rows.length > 0;
}

export async function declineDraft(
  deps: AppDeps,
  owner: CurrentOwner,
  leadId: string,
): Promise<DeclineDraft> {
  const lead = await getLeadWithContact(deps.database, owner.id, leadId);
  if (!lead) throw new AppError("not_found");
  return draftOf(
    lead,
    owner,
    await getLeadSettings(deps.database, owner.id),
    await wasEmailed(deps, owner.id, leadId),
  );
}

/**
 * Marks the lead declined and, when a message is given and the person has an email, sends it.
 * message null: declined without an email (the owner already answered elsewhere).
 */
export async function declineLead(
  deps: AppDeps,
  owner: CurrentOwner,
  leadId: string,
  options: { message: string | null; by: Actor; expectedFrom?: Stage },
): Promise<{ emailed: boolean }> {
  const draft = await declineDraft(deps, owner, leadId);
  if (draft.lead.stage !== "declined")
    await moveLead(deps, owner.id, leadId, {
      to: "declined",
      by: options.by,
      expectedFrom: options.expectedFrom,
    });
  const message = options.message?.trim();
  if (!message || !draft.canEmail || draft.alreadyEmailed) return { emailed: false };
  const now = deps.clock.now();
  const email = declineEmail({
    locale: draft.locale,
    ownerName: owner.name,
    message: message.slice(0, 5000),
    introUrl: draft.offersIntro ? introUrl(deps.config, leadId, now) : null,
  });
  const sent = await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `lead:${leadId}:declined`,
    why: "lead.declined",
    to: { address: draft.lead.contact.email, name: draft.lead.contact.name },
    subject: email.subject,
    html: email.html,
    text: email.text,
    locale: draft.locale,
    headers: { "Reply-To": owner.email },
  });
  await deps.database.batch([
    ...(options.by === "owner" ? [ownerTouchStatement(owner.id, leadId)] : []),
    eventStatement({
      id: `${leadId}:decline-email`,
      ownerId: owner.id,
      leadId,
      kind: "decline.emailed",
      data: { by: options.by, intro: draft.offersIntro, outboxId: sent.id },
      at: now,
    }),
  ]);
  return { emailed: true };
}

const AUTO_DECLINE_WINDOW_MS = 14 * 86_400_000;

/**
 * For owners who chose automatic decline emails: every recently declined lead that has not had its
 * email yet gets the default message. Run by the scheduler's tick; safe to run twice at once (the
 * outbox key makes the email unique).
 */
export async function sendDueDeclineEmails(deps: AppDeps, ownerId?: string): Promise<{ sent: number }> {
  const now = deps.clock.now();
  const owned = ownerId ? sql` AND owner_id = ${ownerId}` : sql``;
  const owners = await deps.database.all<{ ownerId: string; value: string }>(
    sql`SELECT owner_id AS ownerId, value FROM owner_settings WHERE key = ${LEAD_SETTINGS_KEY}${owned}`,
  );
  let sent = 0;
  for (const row of owners) {
    const settings = readLeadSettings(typeof row.value === "string" ? JSON.parse(row.value) : row.value);
    if (settings.declineEmail !== "auto") continue;
    const ownerRow = await findOwnerById(deps.database, row.ownerId);
    if (!ownerRow) continue;
    const owner = toCurrentOwner(ownerRow);
    const due = await deps.database.all<{
      id: string;
    }>(sql`SELECT l.id AS id FROM leads l JOIN contacts c ON c.id = l.contact_id
      WHERE l.owner_id = ${owner.id} AND l.stage = 'declined' AND l.created_at >= ${now - AUTO_DECLINE_WINDOW_MS}
        AND c.email NOT LIKE ${`%@${NO_EMAIL_DOMAIN}`}
        AND NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id AND e.kind = 'decline.emailed')
      LIMIT 200`);
    for (const { id } of due) {
      const draft = await declineDraft(deps, owner, id);
      if ((await declineLead(deps, owner, id, { message: draft.message, by: "system" })).emailed) sent++;
    }
  }
  return { sent };
}
