// A visitor who answered a booking link's questions but chose no time gets one nudge (abandoned-form).
// Step 1 of the booking page starts the run, keyed by link and email so a person is never nudged twice
// about one link; a booking for that link and email emits booking.form-booked, which ends the run.
// The nudge carries a signed opt-out link (also in List-Unsubscribe); an opted-out address gets no nudge.
import { type SQL, sql } from "drizzle-orm";
import { getOwnerSetting, putOwnerSetting } from "../invoicing/settings-store.ts";
import type { Config } from "../platform/config.ts";
import type { AppDeps } from "../platform/deps.ts";
import { signLink, verifyLink } from "../platform/security/signed-links.ts";
import { emitEventStatements, startWorkflowStatement } from "../platform/workflows/engine.ts";
import type { BookingDraft } from "./pages/booking-draft.ts";

export const ABANDONED_FORM = "abandoned-form";
export const FORM_BOOKED = "booking.form-booked";
const OPT_OUT_PURPOSE = "prospect.opt-out";
const OPT_OUT_LINK_TTL_MS = 400 * 86_400_000;

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

export interface AbandonedFormInput {
  eventTypeId: string;
  /** lower-cased: the key, and what erasing a person looks for */
  email: string;
  draft: BookingDraft;
  timeZone: string | null;
  startedAtMs: number;
  nudgeAfterHours: number;
}

export function formKey(eventTypeId: string, email: string): string {
  return `${eventTypeId}:${email.trim().toLowerCase()}`;
}

export function startAbandonedFormStatement(
  deps: Deps,
  run: {
    ownerId: string;
    eventTypeId: string;
    draft: BookingDraft;
    timeZone: string | null;
    nudgeAfterHours: number;
  },
): SQL {
  const email = run.draft.email.trim().toLowerCase();
  const input: AbandonedFormInput = {
    eventTypeId: run.eventTypeId,
    email,
    draft: run.draft,
    timeZone: run.timeZone,
    startedAtMs: deps.clock.now(),
    nudgeAfterHours: run.nudgeAfterHours,
  };
  return startWorkflowStatement(deps, {
    workflow: ABANDONED_FORM,
    ownerId: run.ownerId,
    key: formKey(run.eventTypeId, email),
    input: input as unknown as Record<string, unknown>,
  });
}

/** To batch with the guarded booking insert: emitted only if the booking row exists. */
export function formBookedStatements(
  deps: Deps,
  booking: { id: string; ownerId: string; eventTypeId: string; email: string },
) {
  return emitEventStatements(
    deps,
    {
      ownerId: booking.ownerId,
      name: FORM_BOOKED,
      key: formKey(booking.eventTypeId, booking.email),
      payload: { bookingId: booking.id },
    },
    sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id})`,
  );
}

const optOutKey = (email: string) => `prospectOptOut:${email.trim().toLowerCase()}`;

export function prospectOptOutUrl(
  config: Config,
  ownerId: string,
  email: string,
  nowMs: number,
  locale?: string,
): string {
  const token = signLink(config.secretKey, {
    purpose: OPT_OUT_PURPOSE,
    subject: email.trim().toLowerCase(),
    exp: nowMs + OPT_OUT_LINK_TTL_MS,
    data: { ownerId },
  });
  return `${config.baseUrl}/bookings/stop/${token}${locale ? `?lang=${locale}` : ""}`;
}

export function readProspectOptOut(
  config: Config,
  token: string,
  nowMs: number,
): { ok: true; ownerId: string; email: string } | { ok: false; expired: boolean } {
  if (token.length > 2000) return { ok: false, expired: false };
  const check = verifyLink(config.secretKey, token, OPT_OUT_PURPOSE, nowMs);
  const ownerId = check.ok ? check.claims.data?.ownerId : undefined;
  if (!check.ok || !ownerId) return { ok: false, expired: !check.ok && check.reason === "expired" };
  return { ok: true, ownerId, email: check.claims.subject };
}

/** RFC 2369: the signed page, and the owner's address for mail clients that only write. */
export function prospectOptOutHeaders(url: string, ownerEmail: string): Record<string, string> {
  const mailto = `mailto:${encodeURIComponent(ownerEmail).replace(/%40/g, "@")}?subject=unsubscribe`;
  return { "List-Unsubscribe": `<${url}>, <${mailto}>` };
}

export async function isProspectOptedOut(deps: Pick<AppDeps, "database">, ownerId: string, email: string) {
  return (await getOwnerSetting(deps.database, ownerId, optOutKey(email))) !== undefined;
}

/** One upsert per address: two clicks never race. */
export async function recordProspectOptOut(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  email: string,
) {
  const now = deps.clock.now();
  await putOwnerSetting(deps.database, ownerId, optOutKey(email), { at: now }, now);
}
