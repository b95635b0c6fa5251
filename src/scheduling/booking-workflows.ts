// The workflow runs a booking owns: started with it, moved with it, cancelled with it.
import { type SQL, sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import {
  cancelWorkflowsStatement,
  emitEventStatements,
  startWorkflowStatement,
} from "../platform/workflows/engine.ts";
import { DEFAULT_DELAYS, type WorkflowDelays } from "../platform/workflows/settings.ts";
import type { BookingRow } from "./booking-store.ts";

export const BOOKING_REMINDERS = "booking-reminders";
export const PENDING_APPROVAL = "pending-approval";
export const AFTER_CALL = "after-call";
export const BOOKING_DECIDED = "booking.decided";
/** The runs that follow the booking's time: a reschedule replaces them, a cancel stops them. */
const TIMED_WORKFLOWS = [BOOKING_REMINDERS, AFTER_CALL];

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;
export type BookingWorkflowDelays = Pick<
  WorkflowDelays,
  "pendingRemindAfterHours" | "pendingDeclineAfterHours" | "afterCallReminderDays"
>;

function timedStarts(deps: Deps, booking: BookingRow, delays: BookingWorkflowDelays, exists: SQL): SQL[] {
  const input = { bookingId: booking.id, startMs: booking.startMs, bookedAtMs: booking.createdAt };
  const key = `${booking.id}@${booking.startMs}`;
  const { ownerId } = booking;
  // Moved back to a time it had before: that time's run was cancelled but keeps its key, so it is reopened
  // (its journal says which reminders already went out) rather than left cancelled or run a second time.
  const reopen = { reopenCancelled: true };
  return [
    startWorkflowStatement(deps, { workflow: BOOKING_REMINDERS, ownerId, key, input }, exists, reopen),
    startWorkflowStatement(
      deps,
      {
        workflow: AFTER_CALL,
        ownerId,
        key,
        input: { ...input, reminderDays: delays.afterCallReminderDays },
      },
      exists,
      reopen,
    ),
  ];
}

/**
 * Statements to batch with the booking insert: they take effect only if the booking row exists (and, for
 * each workflow, only if the owner has not switched it off).
 */
export function startBookingWorkflows(
  deps: Deps,
  booking: BookingRow,
  delays: BookingWorkflowDelays = DEFAULT_DELAYS,
): SQL[] {
  const exists = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id} AND start_ms = ${booking.startMs})`;
  const statements = timedStarts(deps, booking, delays, exists);
  if (booking.status === "pending") {
    const input = {
      bookingId: booking.id,
      startMs: booking.startMs,
      bookedAtMs: booking.createdAt,
      remindAfterHours: delays.pendingRemindAfterHours,
      declineAfterHours: delays.pendingDeclineAfterHours,
    };
    statements.push(
      startWorkflowStatement(
        deps,
        { workflow: PENDING_APPROVAL, ownerId: booking.ownerId, key: booking.id, input },
        exists,
      ),
    );
  }
  return statements;
}

export function bookingDecided(
  deps: Deps,
  ownerId: string,
  bookingId: string,
  decision: "approved" | "cancelled",
) {
  return emitEventStatements(deps, { ownerId, name: BOOKING_DECIDED, key: bookingId, payload: { decision } });
}

export function cancelBookingWorkflows(
  deps: Deps,
  ownerId: string,
  bookingId: string,
  workflows = [...TIMED_WORKFLOWS, PENDING_APPROVAL],
  onlyIf?: SQL,
) {
  return cancelWorkflowsStatement(deps, ownerId, workflows, bookingId, onlyIf);
}

/** After a reschedule: the old reminders and after-call follow-up stop, new ones follow the new time. */
export function moveBookingWorkflows(
  deps: Deps,
  booking: BookingRow,
  newStartMs: number,
  delays: BookingWorkflowDelays = DEFAULT_DELAYS,
) {
  const moved = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id} AND start_ms = ${newStartMs})`;
  return [
    // Only if the move happened (same batch as the guarded UPDATE), and never the runs for the new time.
    cancelBookingWorkflows(
      deps,
      booking.ownerId,
      booking.id,
      TIMED_WORKFLOWS,
      sql`${moved} AND workflow_runs.key <> ${`${booking.id}@${newStartMs}`}`,
    ),
    ...timedStarts(deps, { ...booking, startMs: newStartMs, createdAt: deps.clock.now() }, delays, moved),
  ];
}
