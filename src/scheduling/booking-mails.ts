// The emails each change to a booking sends, rendered from the booking as that change leaves it. They are
// recorded held in the change's own batch (heldMailStatements) and released by the notify step once the
// owner's calendar was written (booking-notifications.ts): decision 0011.
import type { TriageReason } from "../leads/triage.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { OutgoingMail } from "../platform/mail/outbox.ts";
import { asLocale, bookingEmailData, bookingInvite, toOwner, toProspect } from "./booking-email-parts.ts";
import { ownerActionUrl } from "./booking-links.ts";
import {
  ownerCancelledEmail,
  ownerNewBookingEmail,
  ownerRescheduledEmail,
  pendingDeclinedEmail,
  prospectApprovedEmail,
  prospectCancelledEmail,
  prospectConfirmationEmail,
  prospectRescheduledEmail,
} from "./emails/index.ts";
import { prospectHasInvitation } from "./invitation-history.ts";
import type { BookingContext } from "./manage-booking.ts";

export const mailKeys = {
  created: (bookingId: string) => [
    `booking:${bookingId}:created:prospect`,
    `booking:${bookingId}:created:owner`,
  ],
  approved: (bookingId: string) => [`booking:${bookingId}:approved:prospect`],
  // One key for the decline and the cancellation: whichever it was, the prospect hears of it once.
  cancelled: (bookingId: string, by: "owner" | "prospect") => [
    `booking:${bookingId}:cancelled:prospect`,
    ...(by === "prospect" ? [`booking:${bookingId}:cancelled:owner`] : []),
  ],
  rescheduled: (bookingId: string, sequence: number) => [
    `booking:${bookingId}:rescheduled:${sequence}:prospect`,
    `booking:${bookingId}:rescheduled:${sequence}:owner`,
  ],
};

/** The prospect's confirmation (or "request received") and the owner's notice, in this order. */
export function createdMails(
  deps: AppDeps,
  ctx: BookingContext,
  lead: { id: string; verdict: string; reasons: TriageReason[] },
): OutgoingMail[] {
  const { booking, owner } = ctx;
  const [prospectKey, ownerKey] = mailKeys.created(booking.id) as [string, string];
  const prospectLocale = asLocale(booking.locale);
  const ownerLocale = asLocale(owner.locale);
  return [
    {
      ownerId: owner.id,
      idempotencyKey: prospectKey,
      why: "booking.confirmation",
      to: toProspect(ctx),
      locale: prospectLocale,
      ...prospectConfirmationEmail(bookingEmailData(deps, ctx, prospectLocale)),
      // No invitation for a time the owner has not confirmed, not even one marked STATUS:TENTATIVE: mail
      // clients act on METHOD:REQUEST and hardly on STATUS (Gmail puts the event in the calendar as busy,
      // Outlook files it and offers Accept, which would send the owner a REPLY for a time they have not
      // agreed to), so the prospect would see an unconfirmed call as booked, and a decline would depend on
      // every client honouring a later CANCEL. The first invitation goes with the approval.
      ...(booking.status === "confirmed" ? { attachments: [bookingInvite(deps, ctx, "REQUEST")] } : {}),
    },
    {
      ownerId: owner.id,
      idempotencyKey: ownerKey,
      why: "booking.owner-notification",
      to: toOwner(ctx),
      locale: ownerLocale,
      ...ownerNewBookingEmail({
        ...bookingEmailData(deps, ctx, ownerLocale, { verdict: lead.verdict, reasons: lead.reasons }),
        approveUrl:
          booking.status === "pending"
            ? ownerActionUrl(deps.config, booking.id, "approve", booking.endMs)
            : undefined,
        cancelUrl: ownerActionUrl(deps.config, booking.id, "cancel", booking.endMs),
        leadUrl: `${deps.config.baseUrl}/dashboard/leads/${lead.id}`,
      }),
    },
  ];
}

/** `approved` is the booking as approved: confirmed, its SEQUENCE bumped. */
export function approvedMail(deps: AppDeps, approved: BookingContext): OutgoingMail {
  const { booking, owner } = approved;
  const locale = asLocale(booking.locale);
  return {
    ownerId: owner.id,
    idempotencyKey: mailKeys.approved(booking.id)[0]!,
    why: "booking.approved",
    to: toProspect(approved),
    locale,
    ...prospectApprovedEmail(bookingEmailData(deps, approved, locale)),
    // SEQUENCE was bumped by the approval: this REQUEST supersedes any tentative copy the prospect holds.
    attachments: [bookingInvite(deps, approved, "REQUEST")],
  };
}

/** `ctx` is the booking before its cancel, which bumps SEQUENCE. */
export async function cancellationMails(
  deps: AppDeps,
  ctx: BookingContext,
  by: "owner" | "prospect",
  reason: string | null,
): Promise<OutgoingMail[]> {
  const { booking, owner } = ctx;
  const cancelled = { ...ctx, booking: { ...booking, sequence: booking.sequence + 1 } };
  const [prospectKey, ownerKey] = mailKeys.cancelled(booking.id, by);
  const toThem =
    by === "owner" && booking.status === "pending"
      ? await declineMail(deps, cancelled, reason, "booking.declined")
      : await cancellationMail(deps, ctx, cancelled, by, reason);
  const mails: OutgoingMail[] = [{ ownerId: owner.id, idempotencyKey: prospectKey!, ...toThem }];
  if (ownerKey) {
    const ownerLocale = asLocale(owner.locale);
    mails.push({
      ownerId: owner.id,
      idempotencyKey: ownerKey,
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
  return mails;
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
  const cancelsInvitation = await prospectHasInvitation(deps.database, booking);
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

/** `moved` is the booking at its new time, its SEQUENCE bumped. */
export async function rescheduledMails(
  deps: AppDeps,
  moved: BookingContext,
  previousStartMs: number,
): Promise<OutgoingMail[]> {
  const { booking, owner } = moved;
  const [prospectKey, ownerKey] = mailKeys.rescheduled(booking.id, booking.sequence) as [string, string];
  const prospectLocale = asLocale(booking.locale);
  const ownerLocale = asLocale(owner.locale);
  // A pending booking moves without an invitation (it gets one when approved), unless it already had one.
  const update = await prospectHasInvitation(deps.database, booking);
  return [
    {
      ownerId: owner.id,
      idempotencyKey: prospectKey,
      why: "booking.rescheduled",
      to: toProspect(moved),
      locale: prospectLocale,
      ...prospectRescheduledEmail({ ...bookingEmailData(deps, moved, prospectLocale), previousStartMs }),
      ...(update ? { attachments: [bookingInvite(deps, moved, "REQUEST")] } : {}),
    },
    {
      ownerId: owner.id,
      idempotencyKey: ownerKey,
      why: "booking.rescheduled",
      to: toOwner(moved),
      locale: ownerLocale,
      ...ownerRescheduledEmail({ ...bookingEmailData(deps, moved, ownerLocale), previousStartMs }),
    },
  ];
}

/** Whether the calendar write changed what the emails say (Google made the Meet link): then they are rendered again. */
export function locationChanged(
  before: BookingContext["booking"],
  after: BookingContext["booking"],
): boolean {
  return JSON.stringify(before.location ?? null) !== JSON.stringify(after.location ?? null);
}
