// Whether the prospect holds a calendar invitation for a booking: an .ics about a booking (update or
// CANCEL) only goes to someone who has one, never out of the blue.
import { sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import type { BookingRow } from "./booking-store.ts";

/** True when an email about this booking carried a METHOD:REQUEST invitation (the outbox keeps them all). */
async function invitationSent(database: Database, ownerId: string, bookingId: string): Promise<boolean> {
  // Every booking email's key starts with `booking:{id}:`; ';' sorts right after ':', closing the range.
  const rows = await database.all<{
    one: number;
  }>(sql`SELECT 1 AS one FROM outbox o, json_each(o.attachments) a
    WHERE o.owner_id = ${ownerId}
      AND o.idempotency_key >= ${`booking:${bookingId}:`} AND o.idempotency_key < ${`booking:${bookingId};`}
      AND json_extract(a.value, '$.method') = 'REQUEST'
    LIMIT 1`);
  return rows.length > 0;
}

/**
 * A confirmed booking's prospect got its invitation (at booking or approval). A pending one's did only if
 * an older version of Créneau sent a tentative one at booking time.
 */
export async function prospectHasInvitation(database: Database, booking: BookingRow): Promise<boolean> {
  if (booking.status === "confirmed") return true;
  return invitationSent(database, booking.ownerId, booking.id);
}
