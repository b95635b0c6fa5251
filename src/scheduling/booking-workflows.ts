// The workflow runs a booking owns: started with it, moved with it, cancelled with it.
import { type SQL, sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import {
  cancelWorkflowsStatement,
  emitEventStatements,
  startWorkflowStatement,
} from "../platform/workflows/engine.ts";
import type { BookingRow } from "./booking-store.ts";

export const BOOKING_REMINDERS = "booking-reminders";
export const PENDING_APPROVAL = "pending-approval";
export const BOOKING_DECIDED = "booking.decided";
const PENDING_SETTINGS = { remindAfterHours: 12, declineAfterHours: 48 };

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

/** Statements to batch with the booking insert: they take effect only if the booking row exists. */
export function startBookingWorkflows(deps: Deps, booking: BookingRow): SQL[] {
  const exists = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id} AND start_ms = ${booking.startMs})`;
  const input = { bookingId: booking.id, startMs: booking.startMs, bookedAtMs: booking.createdAt };
  const statements = [
    startWorkflowStatement(
      deps,
      {
        workflow: BOOKING_REMINDERS,
        ownerId: booking.ownerId,
        key: `${booking.id}@${booking.startMs}`,
        input,
      },
      exists,
    ) as SQL,
  ];
  if (booking.status === "pending") {
    statements.push(
      startWorkflowStatement(
        deps,
        {
          workflow: PENDING_APPROVAL,
          ownerId: booking.ownerId,
          key: booking.id,
          input: { ...input, ...PENDING_SETTINGS },
        },
        exists,
      ) as SQL,
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
  workflows = [BOOKING_REMINDERS, PENDING_APPROVAL],
  onlyIf?: SQL,
) {
  return cancelWorkflowsStatement(deps, ownerId, workflows, bookingId, onlyIf);
}

/** After a reschedule: the old reminders stop, new ones follow the new time. */
export function moveBookingWorkflows(deps: Deps, booking: BookingRow, newStartMs: number) {
  return [
    // Only if the move happened (same batch as the guarded UPDATE), and never the run for the new time.
    cancelBookingWorkflows(
      deps,
      booking.ownerId,
      booking.id,
      [BOOKING_REMINDERS],
      sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id} AND start_ms = ${newStartMs}) AND workflow_runs.key <> ${`${booking.id}@${newStartMs}`}`,
    ),
    ...startBookingWorkflows(deps, { ...booking, startMs: newStartMs, createdAt: deps.clock.now() }).slice(
      0,
      1,
    ),
  ];
}
