// Use cases on an existing booking: read it through its signed token, cancel, reschedule, approve.

import { sql } from "drizzle-orm";
import { findOwnerById, type OwnerRow } from "../accounts/store.ts";
import { insertLeadEvent } from "../leads/lead-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { heldMailStatements } from "../platform/mail/send.ts";
import { verifyLink } from "../platform/security/signed-links.ts";
import { loadWorkflowSettings } from "../platform/workflows/settings-store.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { bookingEvent } from "../webhooks/payloads.ts";
import { type BusyLoader, loadAvailability } from "./availability.ts";
import { bumpAvailability } from "./availability-version.ts";
import { MANAGE_PURPOSE } from "./booking-links.ts";
import { approvedMail, cancellationMails, rescheduledMails } from "./booking-mails.ts";
import {
  approveStatement,
  type BookingRow,
  cancelStatement,
  getBooking,
  guardedReschedule,
} from "./booking-store.ts";
import { bookingDecided, cancelBookingWorkflows, moveBookingWorkflows } from "./booking-workflows.ts";
import { slotGuard } from "./create-booking.ts";
import type { StoredEventType } from "./event-type-input.ts";
import { getEventTypeByIdAnyState } from "./event-type-store.ts";
import { isSlotBookable } from "./slots.ts";

export interface BookingContext {
  booking: BookingRow;
  owner: OwnerRow;
  eventType: StoredEventType;
}

export async function loadBookingContext(deps: AppDeps, bookingId: string): Promise<BookingContext> {
  const booking = await getBooking(deps.database, bookingId);
  if (!booking) throw new AppError("not_found", { detail: "This booking does not exist." });
  const [owner, eventType] = await Promise.all([
    findOwnerById(deps.database, booking.ownerId),
    getEventTypeByIdAnyState(deps.database, booking.ownerId, booking.eventTypeId),
  ]);
  if (!owner || !eventType) throw new AppError("not_found");
  return { booking, owner, eventType };
}

/** Resolves a prospect's manage token; a tampered or expired token is a 404, not a hint. */
export async function bookingFromManageToken(deps: AppDeps, token: string): Promise<BookingContext> {
  const check = verifyLink(deps.config.secretKey, token, MANAGE_PURPOSE, deps.clock.now());
  if (!check.ok) throw new AppError("not_found", { detail: "This link is invalid or has expired." });
  return loadBookingContext(deps, check.claims.subject);
}

export function isLive(booking: BookingRow): boolean {
  return booking.status === "pending" || booking.status === "confirmed";
}

/** Prospects may change a booking until the event type's notice window; the owner always may. */
export function canChange(ctx: BookingContext, now: number): boolean {
  const notice = (ctx.eventType.cancelNoticeMinutes ?? 0) * 60_000;
  return isLive(ctx.booking) && now <= ctx.booking.startMs - notice && now < ctx.booking.startMs;
}

export async function cancelBooking(
  deps: AppDeps,
  ctx: BookingContext,
  by: "owner" | "prospect",
  reason: string | null,
): Promise<{ cancelled: boolean }> {
  const now = deps.clock.now();
  if (!isLive(ctx.booking)) return { cancelled: false };
  if (by === "prospect" && !canChange(ctx, now)) {
    throw new AppError("too_late", {
      title: "Too late to cancel this booking",
      detail: "The cancellation window has passed. Please contact the organiser directly.",
    });
  }
  // Recorded only if this very batch cancelled it (a second cancel finds it cancelled at another time).
  const cancelledHere = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${ctx.booking.id} AND status = 'cancelled' AND cancelled_at = ${now})`;
  const events = webhookEventsForBatch(
    deps,
    bookingEvent("booking.cancelled", ctx.booking, { by, reason }),
    cancelledHere,
  );
  const mails = heldMailStatements(deps, await cancellationMails(deps, ctx, by, reason), cancelledHere);
  const results = await deps.database.batch([
    cancelStatement(deps.database, ctx.booking.id, by, reason, now),
    bumpAvailability(ctx.owner.id),
    cancelBookingWorkflows(deps, ctx.owner.id, ctx.booking.id),
    ...bookingDecided(deps, ctx.owner.id, ctx.booking.id, "cancelled"),
    ...(ctx.booking.leadId
      ? [
          insertLeadEvent({
            id: deps.newId(),
            ownerId: ctx.owner.id,
            leadId: ctx.booking.leadId,
            kind: "booking.cancelled",
            data: { by, reason },
            at: now,
          }),
        ]
      : []),
    ...mails,
    ...events.statements,
  ]);
  const cancelled = (results[0]?.changes ?? 0) === 1;
  events.afterBatch(results);
  return { cancelled };
}

export async function rescheduleBooking(
  deps: AppDeps,
  ctx: BookingContext,
  startIso: string,
  busyLoader?: BusyLoader,
): Promise<{ previousStartMs: number; booking: BookingRow }> {
  const now = deps.clock.now();
  if (!canChange(ctx, now)) {
    throw new AppError("too_late", {
      title: "Too late to reschedule this booking",
      detail: "The rescheduling window has passed. Please contact the organiser directly.",
    });
  }
  const startMs = Date.parse(startIso);
  const availability = await loadAvailability(
    deps,
    ctx.owner.id,
    ctx.eventType,
    startMs,
    startMs,
    busyLoader,
  );
  // The booking being moved must not block its own new time.
  availability.bookings = availability.bookings.filter(
    (b) => !(b.startMs === ctx.booking.startMs && b.endMs === ctx.booking.endMs),
  );
  if (!isSlotBookable(availability, startMs))
    throw new AppError("slot_unavailable", { detail: "This time is not available. Pick another slot." });
  const guard = slotGuard(ctx.owner, ctx.eventType, startMs);
  const delays = await loadWorkflowSettings(deps.database, ctx.owner.id);
  const sequence = ctx.booking.sequence + 1;
  const movedRow = { ...ctx.booking, startMs, endMs: guard.endMs, sequence, updatedAt: now };
  const movedHere = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${ctx.booking.id} AND sequence = ${sequence} AND start_ms = ${startMs})`;
  const events = webhookEventsForBatch(
    deps,
    bookingEvent("booking.rescheduled", movedRow, { previousStartMs: ctx.booking.startMs }),
    movedHere,
  );
  const mails = heldMailStatements(
    deps,
    await rescheduledMails(deps, { ...ctx, booking: movedRow }, ctx.booking.startMs),
    movedHere,
  );
  const results = await deps.database.batch([
    guardedReschedule(ctx.booking.id, guard, now),
    bumpAvailability(ctx.owner.id),
    ...moveBookingWorkflows(deps, ctx.booking, startMs, delays),
    ...(ctx.booking.leadId
      ? [
          insertLeadEvent({
            id: deps.newId(),
            ownerId: ctx.owner.id,
            leadId: ctx.booking.leadId,
            kind: "booking.rescheduled",
            data: { from: ctx.booking.startMs, to: startMs },
            at: now,
          }),
        ]
      : []),
    ...mails,
    ...events.statements,
  ]);
  if ((results[0]?.changes ?? 0) !== 1)
    throw new AppError("slot_unavailable", {
      detail: "Someone booked this time a moment ago. Pick another slot.",
    });
  events.afterBatch(results);
  const booking = (await getBooking(deps.database, ctx.booking.id))!;
  return { previousStartMs: ctx.booking.startMs, booking };
}

/** The approval and the prospect's confirmation (held until notifyBookingApproved) are one batch. */
export async function approveBooking(deps: AppDeps, ctx: BookingContext): Promise<{ approved: boolean }> {
  const now = deps.clock.now();
  const { booking } = ctx;
  const approved = {
    ...booking,
    status: "confirmed" as const,
    sequence: booking.sequence + 1,
    updatedAt: now,
  };
  const approvedHere = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id} AND status = 'confirmed' AND sequence = ${approved.sequence} AND updated_at = ${now})`;
  const [result] = await deps.database.batch([
    approveStatement(deps.database, booking.id, now),
    bumpAvailability(ctx.owner.id),
    ...bookingDecided(deps, ctx.owner.id, booking.id, "approved"),
    ...(booking.status === "pending"
      ? heldMailStatements(deps, [approvedMail(deps, { ...ctx, booking: approved })], approvedHere)
      : []),
  ]);
  return { approved: (result?.changes ?? 0) === 1 };
}
