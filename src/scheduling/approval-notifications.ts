// The owner approved a pending request: the owner's calendar event turns from pending to confirmed, then the
// confirmation the prospect was promised (with the calendar invitation and the manage link), recorded held in
// the approval's own batch (approveBooking), is released, rendered again from the stored booking.
import { syncBookingToCalendar } from "../calendars/booking-events.ts";
import type { AppDeps } from "../platform/deps.ts";
import { releaseMails } from "../platform/mail/send.ts";
import { approvedMail } from "./booking-mails.ts";
import { getBooking } from "./booking-store.ts";
import type { BookingContext } from "./manage-booking.ts";

/** Call after approveBooking said it approved; a second call releases nothing. */
export async function notifyBookingApproved(deps: AppDeps, given: BookingContext): Promise<void> {
  const approved = await getBooking(deps.database, given.booking.id);
  if (approved?.status !== "confirmed") return;
  const booking = await syncBookingToCalendar(deps, { ...given, booking: approved });
  // The Meet link may have come with this write, or with a retried one since the request was made.
  const mail = approvedMail(deps, { ...given, booking });
  await releaseMails(deps, given.owner.id, [{ idempotencyKey: mail.idempotencyKey, rerendered: mail }]);
}
