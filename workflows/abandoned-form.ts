// 10. abandoned-form: a visitor answered a booking link's questions but picked no time → one nudge some
// hours later (owner_settings "workflows".abandonedFormHours, 24 by default), back to the times with the
// answers kept, with an opt-out link. Started by step 1 of the booking page, keyed by link and email so
// it happens at most once; booking that link with that email emits booking.form-booked, which ends it.
import { and, eq, gte, sql } from "drizzle-orm";
import { findOwnerById } from "../src/accounts/store.ts";
import { bookings } from "../src/platform/db/schema.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { formNudgeEmail } from "../src/scheduling/emails/form-nudge-email.ts";
import { getEventTypeByIdAnyState } from "../src/scheduling/event-type-store.ts";
import { eventTitle } from "../src/scheduling/event-type-view.ts";
import {
  ABANDONED_FORM,
  type AbandonedFormInput,
  FORM_BOOKED,
  formKey,
  isProspectOptedOut,
  prospectOptOutHeaders,
  prospectOptOutUrl,
} from "../src/scheduling/form-nudge.ts";
import { nudgeAt, nudgeDecision } from "../src/scheduling/form-nudge-policy.ts";
import { NUDGE_DRAFT_TTL_MS, signDraft } from "../src/scheduling/pages/booking-draft.ts";

/** Longer drafts would make the link too long for some mail clients: the link's first page instead. */
const MAX_URL_TOKEN = 6000;

async function bookedSince(deps: AppDeps, ownerId: string, input: AbandonedFormInput) {
  const row = await deps.database.db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.ownerId, ownerId),
        eq(bookings.eventTypeId, input.eventTypeId),
        sql`lower(${bookings.email}) = ${input.email}`,
        gte(bookings.createdAt, input.startedAtMs),
      ),
    )
    .get();
  return row !== undefined;
}

async function nudge(deps: AppDeps, ownerId: string, input: AbandonedFormInput, at: number, now: number) {
  const [owner, eventType] = await Promise.all([
    findOwnerById(deps.database, ownerId),
    getEventTypeByIdAnyState(deps.database, ownerId, input.eventTypeId),
  ]);
  const decision = nudgeDecision(
    {
      bookedSince: await bookedSince(deps, ownerId, input),
      optedOut: await isProspectOptedOut(deps, ownerId, input.email),
      linkActive: eventType?.active === true,
      nudgeAt: at,
    },
    now,
  );
  if (decision !== "send" || !owner || !eventType) return null;
  const { draft } = input;
  const locale = draft.locale === "en" ? "en" : "fr";
  const page = `${deps.config.baseUrl}/${owner.handle}/${eventType.slug}`;
  const token = signDraft(deps.config.secretKey, eventType.id, draft, now, NUDGE_DRAFT_TTL_MS);
  const query = new URLSearchParams({
    s: token,
    lang: locale,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  const resumeUrl = token.length <= MAX_URL_TOKEN ? `${page}/slots?${query}` : `${page}?lang=${locale}`;
  const optOutUrl = prospectOptOutUrl(deps.config, ownerId, input.email, now, locale);
  return {
    why: `workflow:${ABANDONED_FORM}`,
    to: { address: draft.email, name: draft.name },
    locale,
    headers: { ...prospectOptOutHeaders(optOutUrl, owner.email), "Reply-To": owner.email },
    ...formNudgeEmail({
      locale,
      name: draft.name,
      owner: { name: owner.name, email: owner.email },
      eventTitle: eventTitle(eventType, locale).title,
      resumeUrl,
      optOutUrl,
    }),
  };
}

export const abandonedForm = defineWorkflow<AbandonedFormInput>({
  name: ABANDONED_FORM,
  title: { fr: "Formulaires sans rendez-vous", en: "Unfinished booking forms" },
  async run(ctx, deps) {
    const { eventTypeId, email, startedAtMs, nudgeAfterHours } = ctx.input;
    const at = nudgeAt(startedAtMs, nudgeAfterHours);
    const booked = { name: FORM_BOOKED, key: formKey(eventTypeId, email) };
    if (await ctx.waitForEvent("booked", booked, { timeoutAt: at })) return;
    await ctx.sendEmail("nudge", () => nudge(deps, ctx.ownerId, ctx.input, at, ctx.now()));
  },
});
