// After each change to a booking: the owner's calendar is written, then the emails the change recorded (held,
// in its own batch: booking-mails.ts) are released, rendered again if the calendar write changed where the call
// takes place (Google made the Meet link). Delivery follows the response. A crash before the release loses
// nothing: the tick sends the held emails once their hold has passed (decision 0011).
import { syncBookingToCalendar } from "../calendars/booking-events.ts";
import type { TriageReason } from "../leads/triage.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { OutgoingMail } from "../platform/mail/outbox.ts";
import { releaseMails } from "../platform/mail/send.ts";
import { createdMails, locationChanged, mailKeys, rescheduledMails } from "./booking-mails.ts";
import type { BookingContext } from "./manage-booking.ts";

export { bookingEmailData, bookingInvite } from "./booking-email-parts.ts";
export { declineMail } from "./booking-mails.ts";

const plain = (keys: string[]) => keys.map((idempotencyKey) => ({ idempotencyKey }));
const rerendered = (mails: OutgoingMail[]) =>
  mails.map((mail) => ({ idempotencyKey: mail.idempotencyKey, rerendered: mail }));

/** `created` is the booking createBooking recorded (and rendered its emails from). */
export async function notifyBookingCreated(
  deps: AppDeps,
  created: BookingContext,
  lead: { id: string; verdict: string; reasons: TriageReason[] },
): Promise<void> {
  const booking = await syncBookingToCalendar(deps, created);
  await releaseMails(
    deps,
    created.owner.id,
    locationChanged(created.booking, booking)
      ? rerendered(createdMails(deps, { ...created, booking }, lead))
      : plain(mailKeys.created(booking.id)),
  );
}

/**
 * `ctx` is the booking before its cancel. The emails were rendered with the cancel (the calendar write cannot
 * change them), so `reason` is no longer needed here; the parameter stays for the routes' calls.
 */
export async function notifyBookingCancelled(
  deps: AppDeps,
  ctx: BookingContext,
  by: "owner" | "prospect",
  _reason: string | null,
): Promise<void> {
  await syncBookingToCalendar(deps, ctx);
  await releaseMails(deps, ctx.owner.id, plain(mailKeys.cancelled(ctx.booking.id, by)));
}

/** `ctx` is the booking as moved (what rescheduleBooking returned). */
export async function notifyBookingRescheduled(
  deps: AppDeps,
  ctx: BookingContext,
  previousStartMs: number,
): Promise<void> {
  const booking = await syncBookingToCalendar(deps, ctx);
  await releaseMails(
    deps,
    ctx.owner.id,
    locationChanged(ctx.booking, booking)
      ? rerendered(await rescheduledMails(deps, { ...ctx, booking }, previousStartMs))
      : plain(mailKeys.rescheduled(booking.id, booking.sequence)),
  );
}
