// Use case: a declined prospect said yes to an introduction. Only then does anything about them reach a
// partner freelancer; saying yes twice introduces once.
import { and, eq } from "drizzle-orm";
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import { leadEvents } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { isLocale, type Locale } from "../platform/i18n.ts";
import { sendMail } from "../platform/mail/send.ts";
import { hasRealEmail } from "./capture.ts";
import { partnerIntroEmail, pickPartner, prospectIntroEmail } from "./intro-email.ts";
import { leadAnswers } from "./lead-answers.ts";
import { getLeadWithContact, type LeadWithContact, ownerOfLead } from "./lead-queries.ts";
import type { Partner } from "./lead-settings.ts";
import { eventStatement } from "./lead-writes.ts";
import { getLeadSettings } from "./settings-store.ts";

export interface IntroOffer {
  owner: CurrentOwner;
  lead: LeadWithContact;
  locale: Locale;
  partner: Partner;
  /** the partner the prospect was already introduced to, if they said yes before */
  introducedTo: string | null;
}

/** undefined when there is nothing to offer any more (lead erased, partners removed). */
export async function introOffer(deps: AppDeps, leadId: string): Promise<IntroOffer | undefined> {
  const ownerId = await ownerOfLead(deps.database, leadId);
  if (!ownerId) return undefined;
  const ownerRow = await findOwnerById(deps.database, ownerId);
  const lead = ownerRow ? await getLeadWithContact(deps.database, ownerId, leadId) : undefined;
  if (!ownerRow || !lead || !hasRealEmail(lead.contact.email)) return undefined;
  const settings = await getLeadSettings(deps.database, ownerId);
  const done = await deps.database.db
    .select({ data: leadEvents.data })
    .from(leadEvents)
    .where(and(eq(leadEvents.leadId, leadId), eq(leadEvents.kind, "intro.accepted")))
    .get();
  const introducedTo = typeof done?.data?.partner === "string" ? done.data.partner : null;
  const answers = await leadAnswers(deps, lead);
  const partner = pickPartner(settings.partners, answers.roles.skills);
  if (!partner) return undefined;
  return {
    owner: toCurrentOwner(ownerRow),
    lead,
    locale: isLocale(lead.contact.locale) ? lead.contact.locale : "fr",
    partner,
    introducedTo,
  };
}

export async function acceptIntro(deps: AppDeps, offer: IntroOffer): Promise<void> {
  if (offer.introducedTo) return;
  const { lead, owner, partner } = offer;
  const answers = await leadAnswers(deps, lead);
  const partnerLocale = partner.locale ?? owner.locale;
  const facts = {
    ownerName: owner.name,
    prospect: { name: lead.contact.name, email: lead.contact.email, company: lead.contact.company },
    partner,
    answers: answers.display(partnerLocale),
  };
  const toPartner = partnerIntroEmail(facts, partnerLocale);
  await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `lead:${lead.id}:intro:partner`,
    why: "lead.intro",
    to: { address: partner.email, name: partner.name },
    subject: toPartner.subject,
    html: toPartner.html,
    text: toPartner.text,
    locale: partnerLocale,
    headers: { "Reply-To": toPartner.replyTo },
  });
  const toProspect = prospectIntroEmail(facts, offer.locale);
  await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `lead:${lead.id}:intro:prospect`,
    why: "lead.intro",
    to: { address: lead.contact.email, name: lead.contact.name },
    subject: toProspect.subject,
    html: toProspect.html,
    text: toProspect.text,
    locale: offer.locale,
    headers: { "Reply-To": owner.email },
  });
  await deps.database.batch([
    eventStatement({
      id: `${lead.id}:intro`,
      ownerId: owner.id,
      leadId: lead.id,
      kind: "intro.accepted",
      data: { by: "prospect", partner: partner.name },
      at: deps.clock.now(),
    }),
  ]);
}
