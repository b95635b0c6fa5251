// The booking emails: pure templates from plain data to { subject, html, text }.
export type { BookingEmail, BookingEmailData, BookingEmailPerson } from "./booking-email-data.ts";
export { defaultOwnerCancelMessage } from "./owner-cancel-message.ts";
export { ownerCancelledEmail, ownerNewBookingEmail, ownerRescheduledEmail } from "./owner-emails.ts";
export {
  pendingDeclinedEmail,
  prospectApprovedEmail,
  prospectCancelledEmail,
  prospectConfirmationEmail,
  prospectRescheduledEmail,
} from "./prospect-emails.ts";
export { ownerPendingReminderEmail, prospectDayBeforeEmail } from "./reminder-emails.ts";
