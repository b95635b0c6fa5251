// What every booking email is made of: the data the templates render, the .ics, the two recipients.
import { buildInvite } from "../calendars/invite.ts";
import type { TriageReason } from "../leads/triage.ts";
import type { StoredAttachment } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { mailDomain } from "../platform/deps.ts";
import type { Locale } from "../platform/i18n.ts";
import { displayAnswers } from "./answer-display.ts";
import { manageUrl } from "./booking-links.ts";
import type { BookingEmailData } from "./emails/booking-email-data.ts";
import { eventTitle } from "./event-type-view.ts";
import type { BookingContext } from "./manage-booking.ts";

export const asLocale = (v: string): Locale => (v === "en" ? "en" : "fr");

export function bookingEmailData(
  deps: AppDeps,
  ctx: BookingContext,
  locale: Locale,
  verdict?: { verdict: TriageReason["outcome"] | string; reasons: TriageReason[] },
): BookingEmailData {
  const { booking, owner, eventType } = ctx;
  return {
    locale,
    owner: { name: owner.name, email: owner.email, timeZone: owner.timeZone },
    prospect: { name: booking.name, email: booking.email, timeZone: booking.timeZone },
    eventTitle: eventTitle(eventType, locale).title,
    durationMinutes: Math.round((booking.endMs - booking.startMs) / 60_000),
    startMs: booking.startMs,
    endMs: booking.endMs,
    location: (booking.location as BookingEmailData["location"]) ?? undefined,
    manageUrl: manageUrl(deps.config, booking.id, booking.endMs),
    answers: displayAnswers(eventType.questions, booking.answers, locale),
    ...(verdict
      ? {
          verdict: {
            verdict: verdict.verdict as "qualified",
            reasons: verdict.reasons.filter((r) => r.outcome !== "pass").map((r) => r.message[locale]),
          },
        }
      : {}),
    status: booking.status === "pending" ? "pending" : "confirmed",
    notes: booking.notes ?? undefined,
  };
}

/** The .ics for a booking: attached to emails and downloaded from the manage page. */
export function bookingInvite(
  deps: AppDeps,
  ctx: BookingContext,
  method: "REQUEST" | "CANCEL",
): StoredAttachment {
  const { booking, owner, eventType } = ctx;
  const locale = asLocale(booking.locale);
  const title = eventTitle(eventType, locale).title;
  const link = manageUrl(deps.config, booking.id, booking.endMs);
  const content = buildInvite({
    method,
    uid: `${booking.id}@${mailDomain(deps.config)}`,
    sequence: booking.sequence,
    startMs: booking.startMs,
    endMs: booking.endMs,
    timeZone: owner.timeZone,
    summary: `${title} — ${owner.name} / ${booking.name}`,
    description: `${title}\n${link}`,
    location: booking.location?.details,
    url: link,
    organizer: { name: owner.name, email: owner.email },
    attendee: { name: booking.name, email: booking.email, locale },
    stampMs: deps.clock.now(),
    status: method === "CANCEL" ? "CANCELLED" : booking.status === "pending" ? "TENTATIVE" : "CONFIRMED",
  });
  return {
    filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
    contentType: "text/calendar; charset=utf-8",
    content,
    method,
  };
}

export function toProspect(ctx: BookingContext) {
  return { address: ctx.booking.email, name: ctx.booking.name };
}

export function toOwner(ctx: BookingContext) {
  return { address: ctx.owner.email, name: ctx.owner.name };
}
