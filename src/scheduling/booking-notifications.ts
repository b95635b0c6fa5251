// The emails around a booking, each recorded in the outbox under an idempotency key so it goes out once.
// They are recorded before the response and delivered after it.
import { syncBookingToCalendar } from "../calendars/booking-events.ts";
import { buildInvite } from "../calendars/invite.ts";
import type { TriageReason } from "../leads/triage.ts";
import type { StoredAttachment } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { mailDomain } from "../platform/deps.ts";
import type { Locale } from "../platform/i18n.ts";
import type { OutgoingMail } from "../platform/mail/outbox.ts";
import { queueMails } from "../platform/mail/send.ts";
import { displayAnswers } from "./answer-display.ts";
import { manageUrl, ownerActionUrl } from "./booking-links.ts";
import type { BookingEmailData } from "./emails/booking-email-data.ts";
import {
  ownerCancelledEmail,
  ownerNewBookingEmail,
  ownerRescheduledEmail,
  pendingDeclinedEmail,
  prospectCancelledEmail,
  prospectConfirmationEmail,
  prospectRescheduledEmail,
} from "./emails/index.ts";
import { eventTitle } from "./event-type-view.ts";
import { invitationSent, prospectHasInvitation } from "./invitation-history.ts";
import type { BookingContext } from "./manage-booking.ts";

const asLocale = (v: string): Locale => (v === "en" ? "en" : "fr");

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

function toProspect(ctx: BookingContext) {
  return { address: ctx.booking.email, name: ctx.booking.name };
}

function toOwner(ctx: BookingContext) {
  return { address: ctx.owner.email, name: ctx.owner.name };
}

export async function notifyBookingCreated(
  deps: AppDeps,
  created: BookingContext,
  lead: { id: string; verdict: string; reasons: TriageReason[] },
): Promise<void> {
  // Written to the owner's calendar first: a Meet link Google makes then appears in the emails.
  const ctx = { ...created, booking: await syncBookingToCalendar(deps, created) };
  const { booking, owner } = ctx;
  const prospectLocale = asLocale(booking.locale);
  const prospect = prospectConfirmationEmail(bookingEmailData(deps, ctx, prospectLocale));
  const ownerLocale = asLocale(owner.locale);
  const ownerEmail = ownerNewBookingEmail({
    ...bookingEmailData(deps, ctx, ownerLocale, { verdict: lead.verdict, reasons: lead.reasons }),
    approveUrl:
      booking.status === "pending"
        ? ownerActionUrl(deps.config, booking.id, "approve", booking.endMs)
        : undefined,
    cancelUrl: ownerActionUrl(deps.config, booking.id, "cancel", booking.endMs),
    leadUrl: `${deps.config.baseUrl}/dashboard/leads/${lead.id}`,
  });
  await queueMails(deps, [
    {
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:created:prospect`,
      why: "booking.confirmation",
      to: toProspect(ctx),
      locale: prospectLocale,
      ...prospect,
      // No invitation for a time the owner has not confirmed, not even one marked STATUS:TENTATIVE: mail
      // clients act on METHOD:REQUEST and hardly on STATUS (Gmail puts the event in the calendar as busy,
      // Outlook files it and offers Accept, which would send the owner a REPLY for a time they have not
      // agreed to), so the prospect would see an unconfirmed call as booked, and a decline would depend on
      // every client honouring a later CANCEL. The first invitation goes with the approval.
      ...(booking.status === "confirmed" ? { attachments: [bookingInvite(deps, ctx, "REQUEST")] } : {}),
    },
    {
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:created:owner`,
      why: "booking.owner-notification",
      to: toOwner(ctx),
      locale: ownerLocale,
      ...ownerEmail,
    },
  ]);
}

async function cancellationMail(
  deps: AppDeps,
  ctx: BookingContext,
  cancelled: BookingContext,
  by: "owner" | "prospect",
  reason: string | null,
): Promise<Omit<OutgoingMail, "ownerId" | "idempotencyKey">> {
  const locale = asLocale(ctx.booking.locale);
  const cancelsInvitation = await prospectHasInvitation(deps.database, ctx.booking);
  return {
    why: by === "owner" ? "booking.cancelled-by-owner" : "booking.cancellation-confirmed",
    to: toProspect(ctx),
    locale,
    ...prospectCancelledEmail({
      ...bookingEmailData(deps, ctx, locale),
      by,
      message: by === "owner" ? (reason ?? undefined) : undefined,
      rebookUrl: undefined,
      cancelsInvitation,
    }),
    ...(cancelsInvitation ? { attachments: [bookingInvite(deps, cancelled, "CANCEL")] } : {}),
  };
}

export async function notifyBookingCancelled(
  deps: AppDeps,
  ctx: BookingContext,
  by: "owner" | "prospect",
  reason: string | null,
): Promise<void> {
  await syncBookingToCalendar(deps, ctx);
  const { booking, owner } = ctx;
  // ctx is the booking before its cancel, which bumped SEQUENCE.
  const cancelled = { ...ctx, booking: { ...booking, sequence: booking.sequence + 1 } };
  // One key for the decline and the cancellation: whichever it was, the prospect hears of it once.
  const key = `booking:${booking.id}:cancelled:prospect`;
  const toThem =
    by === "owner" && booking.status === "pending"
      ? await declineMail(deps, cancelled, reason, "booking.declined")
      : await cancellationMail(deps, ctx, cancelled, by, reason);
  const mails: OutgoingMail[] = [{ ownerId: owner.id, idempotencyKey: key, ...toThem }];
  if (by === "prospect") {
    const ownerLocale = asLocale(owner.locale);
    mails.push({
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:cancelled:owner`,
      why: "booking.cancelled-by-prospect",
      to: toOwner(ctx),
      locale: ownerLocale,
      ...ownerCancelledEmail({
        ...bookingEmailData(deps, ctx, ownerLocale),
        by: "prospect",
        reason: reason ?? undefined,
      }),
    });
  }
  await queueMails(deps, mails);
}

export async function notifyBookingRescheduled(
  deps: AppDeps,
  ctx: BookingContext,
  previousStartMs: number,
): Promise<void> {
  await syncBookingToCalendar(deps, ctx);
  const { booking, owner } = ctx;
  const prospectLocale = asLocale(booking.locale);
  const ownerLocale = asLocale(owner.locale);
  // A pending booking moves without an invitation (it gets one when approved), unless it already had one.
  const update = await prospectHasInvitation(deps.database, booking);
  await queueMails(deps, [
    {
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:rescheduled:${booking.sequence}:prospect`,
      why: "booking.rescheduled",
      to: toProspect(ctx),
      locale: prospectLocale,
      ...prospectRescheduledEmail({ ...bookingEmailData(deps, ctx, prospectLocale), previousStartMs }),
      ...(update ? { attachments: [bookingInvite(deps, ctx, "REQUEST")] } : {}),
    },
    {
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:rescheduled:${booking.sequence}:owner`,
      why: "booking.rescheduled",
      to: toOwner(ctx),
      locale: ownerLocale,
      ...ownerRescheduledEmail({ ...bookingEmailData(deps, ctx, ownerLocale), previousStartMs }),
    },
  ]);
}

/**
 * The kind "no" to a pending request (from the owner, or from the pending-approval workflow when time ran
 * out), with the owner's words if any, and a CANCEL only if an invitation had gone out for it.
 * `cancelled` is the booking as cancelled, its SEQUENCE bumped.
 */
export async function declineMail(
  deps: AppDeps,
  cancelled: BookingContext,
  message: string | null,
  why: string,
): Promise<Omit<OutgoingMail, "ownerId" | "idempotencyKey">> {
  const { booking, owner } = cancelled;
  const locale = asLocale(booking.locale);
  const cancelsInvitation = await invitationSent(deps.database, owner.id, booking.id);
  return {
    why,
    to: toProspect(cancelled),
    locale,
    ...pendingDeclinedEmail({
      ...bookingEmailData(deps, cancelled, locale),
      message: message ?? undefined,
      cancelsInvitation,
    }),
    ...(cancelsInvitation ? { attachments: [bookingInvite(deps, cancelled, "CANCEL")] } : {}),
  };
}
