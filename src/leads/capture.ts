// Use case: a lead arrives outside a booking link (the API, the quick-add form, one CSV row). The same
// email joins the existing contact and its history; triage applies the owner's default criteria.
import { and, eq } from "drizzle-orm";
import { contacts } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import type { Locale } from "../platform/i18n.ts";
import { todayIn } from "../scheduling/zoned-bounds.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { newLeadEvents } from "../webhooks/payloads.ts";
import { insertLead, upsertContact } from "./lead-store.ts";
import { eventStatement } from "./lead-writes.ts";
import type { Actor, Stage } from "./pipeline.ts";
import { ROLE_QUESTIONS, type RoleAnswers, roleAnswersAsAnswers } from "./role-answers.ts";
import { getLeadSettings } from "./settings-store.ts";
import { type TriageResult, triage } from "./triage.ts";

/** People reached without an email (a Malt or LinkedIn message) get an address that can never receive mail. */
export const NO_EMAIL_DOMAIN = "unknown.invalid";
export const hasRealEmail = (email: string): boolean => !email.endsWith(`@${NO_EMAIL_DOMAIN}`);

export interface CaptureInput {
  name: string;
  email: string | null;
  company: string | null;
  channel: string;
  answers: RoleAnswers;
  notes: string | null;
  utm: Record<string, string> | null;
  locale: Locale;
  via: "api" | "quick-add" | "import";
  by: Actor;
  stage?: Stage;
  /** when the first contact happened, if earlier than now (an import of past leads) */
  createdAt?: number;
}

export interface CaptureResult extends TriageResult {
  leadId: string;
  contactId: string;
  /** the email was already known: the lead joined an existing contact's history */
  merged: boolean;
  stage: Stage;
}

export async function captureLead(
  deps: AppDeps,
  owner: CurrentOwner,
  input: CaptureInput,
): Promise<CaptureResult> {
  const now = deps.clock.now();
  const settings = await getLeadSettings(deps.database, owner.id);
  const verdict = triage(
    ROLE_QUESTIONS,
    roleAnswersAsAnswers(input.answers),
    { ...settings.criteria, onDecline: "flag" },
    todayIn(now, owner.timeZone),
  );
  const leadId = deps.newId();
  const email = (input.email ?? `${deps.newId()}@${NO_EMAIL_DOMAIN}`).toLowerCase();
  // Read only to tell the owner "merged": the upsert below is what keeps one contact per email.
  const existing = await deps.database.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.ownerId, owner.id), eq(contacts.email, email)))
    .get();
  const stage = input.stage ?? "new";
  const createdAt = Math.min(input.createdAt ?? now, now);
  const events = webhookEventsForBatch(
    deps,
    newLeadEvents(
      {
        id: leadId,
        ownerId: owner.id,
        email,
        source: input.channel,
        verdict: verdict.verdict,
        reasons: verdict.reasons,
        stage,
      },
      input.via,
    ),
  );
  const results = await deps.database.batch([
    upsertContact({
      id: deps.newId(),
      ownerId: owner.id,
      email,
      name: input.name,
      company: input.company,
      locale: input.locale,
      timeZone: null,
      now,
    }),
    insertLead({
      id: leadId,
      ownerId: owner.id,
      email,
      eventTypeId: null,
      source: input.channel,
      verdict: verdict.verdict,
      reasons: verdict.reasons,
      stage,
      answers: { ...input.answers },
      utm: input.utm,
      notes: input.notes,
      now: createdAt,
      ownerTouched: input.by === "owner",
    }),
    eventStatement({
      id: deps.newId(),
      ownerId: owner.id,
      leadId,
      kind: "lead.created",
      data: { via: input.via, by: input.by, channel: input.channel, verdict: verdict.verdict },
      at: createdAt,
    }),
    ...events.statements,
  ]);
  events.afterBatch(results);
  const contact = await deps.database.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.ownerId, owner.id), eq(contacts.email, email)))
    .get();
  return { ...verdict, leadId, contactId: contact!.id, merged: existing !== undefined, stage };
}
