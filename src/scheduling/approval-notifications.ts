// The owner approved a pending request: the prospect gets the confirmation they were promised, with the
// calendar invitation and the manage link, and the owner's calendar event turns from pending to confirmed.
import { syncBookingToCalendar } from "../calendars/booking-events.ts";
import type { AppDeps } from "../platform/deps.ts";
import { queueMails } from "../platform/mail/send.ts";
import { bookingEmailData, bookingInvite } from "./booking-notifications.ts";
import { getBooking } from "./booking-store.ts";
import { prospectApprovedEmail } from "./emails/index.ts";
import type { BookingContext } from "./manage-booking.ts";

/** Call after approveBooking said it approved; the idempotency key makes a second call harmless. */
export async function notifyBookingApproved(deps: AppDeps, given: BookingContext): Promise<void> {
  const approved = await getBooking(deps.database, given.booking.id);
  if (approved?.status !== "confirmed") return;
  const ctx = { ...given, booking: await syncBookingToCalendar(deps, { ...given, booking: approved }) };
  const { booking, owner } = ctx;
  const locale = booking.locale === "en" ? "en" : "fr";
  await queueMails(deps, [
    {
      ownerId: owner.id,
      idempotencyKey: `booking:${booking.id}:approved:prospect`,
      why: "booking.approved",
      to: { address: booking.email, name: booking.name },
      locale,
      ...prospectApprovedEmail(bookingEmailData(deps, ctx, locale)),
      // SEQUENCE was bumped by the approval: this REQUEST supersedes any tentative copy the prospect holds.
      attachments: [bookingInvite(deps, ctx, "REQUEST")],
    },
  ]);
}
