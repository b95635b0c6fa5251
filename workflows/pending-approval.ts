// 2. pending-approval: a request not approved in N hours → remind the owner; still nothing → decline kindly
// and free the slot. Approving or cancelling emits booking.decided, which ends the run.
import { sql } from "drizzle-orm";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { cancelWorkflowsStatement } from "../src/platform/workflows/engine.ts";
import { bumpAvailability } from "../src/scheduling/availability-version.ts";
import { ownerActionUrl } from "../src/scheduling/booking-links.ts";
import { bookingEmailData, declineMail } from "../src/scheduling/booking-notifications.ts";
import { cancelStatement } from "../src/scheduling/booking-store.ts";
import {
  AFTER_CALL,
  BOOKING_DECIDED,
  BOOKING_REMINDERS,
  PENDING_APPROVAL,
} from "../src/scheduling/booking-workflows.ts";
import { ownerPendingReminderEmail } from "../src/scheduling/emails/index.ts";
import { loadBookingContext } from "../src/scheduling/manage-booking.ts";
import { pendingDeadlines } from "../src/scheduling/reminder-policy.ts";
import { webhookEventsForBatch } from "../src/webhooks/emit.ts";
import { bookingEvent } from "../src/webhooks/payloads.ts";

export interface PendingApprovalInput {
  bookingId: string;
  startMs: number;
  bookedAtMs: number;
  remindAfterHours: number;
  declineAfterHours: number;
}

const DECIDED = BOOKING_DECIDED;

export const pendingApproval = defineWorkflow<PendingApprovalInput>({
  name: PENDING_APPROVAL,
  title: { fr: "Demandes à confirmer", en: "Pending approvals" },
  async run(ctx, deps) {
    const { bookingId, startMs, bookedAtMs } = ctx.input;
    const { remindAt, declineAt } = pendingDeadlines(bookedAtMs, startMs, ctx.input);
    const stillPending = async () => {
      const found = await loadBookingContext(deps, bookingId).catch(() => null);
      return found?.booking.status === "pending" ? found : null;
    };
    if (await ctx.waitForEvent("decided-early", { name: DECIDED, key: bookingId }, { timeoutAt: remindAt }))
      return;
    await ctx.sendEmail("remind-owner", async () => {
      const booking = await stillPending();
      if (!booking) return null;
      const locale = booking.owner.locale === "en" ? "en" : "fr";
      return {
        why: "workflow:pending-approval",
        to: { address: booking.owner.email, name: booking.owner.name },
        locale,
        ...ownerPendingReminderEmail({
          ...bookingEmailData(deps, booking, locale),
          approveUrl: ownerActionUrl(deps.config, bookingId, "approve", booking.booking.endMs),
          cancelUrl: ownerActionUrl(deps.config, bookingId, "cancel", booking.booking.endMs),
          declineAtMs: declineAt,
        }),
      };
    });
    if (await ctx.waitForEvent("decided-late", { name: DECIDED, key: bookingId }, { timeoutAt: declineAt }))
      return;
    const declined = await ctx.step("decline", async () => {
      const booking = await stillPending();
      if (!booking) return false;
      const now = ctx.now();
      const reason = "not approved in time";
      const events = webhookEventsForBatch(
        deps,
        bookingEvent("booking.cancelled", booking.booking, { by: "owner", reason }),
        sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${bookingId} AND status = 'cancelled' AND cancelled_at = ${now})`,
      );
      const results = await deps.database.batch([
        cancelStatement(deps.database, bookingId, "owner", reason, now),
        bumpAvailability(booking.owner.id),
        cancelWorkflowsStatement(deps, booking.owner.id, [BOOKING_REMINDERS, AFTER_CALL], bookingId),
        ...events.statements,
      ]);
      events.afterBatch(results);
      return (results[0]?.changes ?? 0) === 1;
    });
    if (!declined) return;
    // The booking as cancelled (SEQUENCE bumped), for the CANCEL if an invitation had gone out.
    await ctx.sendEmail("tell-prospect", async () =>
      declineMail(deps, await loadBookingContext(deps, bookingId), null, "workflow:pending-approval"),
    );
  },
});
