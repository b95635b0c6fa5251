// Where each booking was written: recorded before the write is attempted (updatedAt 0 = "maybe written"),
// completed after, so a crash between the two is found again and finished by the tick.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { preparedOnce } from "../platform/db/prepared.ts";
import { bookingCalendarEvents } from "../platform/db/schema.ts";

export type BookingEventRow = typeof bookingCalendarEvents.$inferSelect;

// Read after every booking change (the calendar write-back): prepared once per database.
const rowsQuery = preparedOnce((db) =>
  db
    .select()
    .from(bookingCalendarEvents)
    .where(eq(bookingCalendarEvents.bookingId, sql.placeholder("bookingId")))
    .prepare(),
);

export async function bookingEventRows(database: Database, bookingId: string): Promise<BookingEventRow[]> {
  return rowsQuery(database).all({ bookingId });
}

export async function recordPendingWrite(
  database: Database,
  row: { bookingId: string; connectionId: string; ownerId: string; externalId: string },
): Promise<void> {
  await database.db
    .insert(bookingCalendarEvents)
    .values({ ...row, updatedAt: 0 })
    .onConflictDoUpdate({
      target: [bookingCalendarEvents.bookingId, bookingCalendarEvents.connectionId],
      set: { externalId: row.externalId },
    });
}

export async function markWritten(
  database: Database,
  key: { bookingId: string; connectionId: string },
  written: { etag: string | null; meetUrl: string | null },
  now: number,
): Promise<void> {
  await database.db
    .update(bookingCalendarEvents)
    .set({ etag: written.etag, meetUrl: written.meetUrl, updatedAt: now })
    .where(
      and(
        eq(bookingCalendarEvents.bookingId, key.bookingId),
        eq(bookingCalendarEvents.connectionId, key.connectionId),
      ),
    );
}

export async function forgetWrite(
  database: Database,
  key: { bookingId: string; connectionId: string },
): Promise<void> {
  await database.db
    .delete(bookingCalendarEvents)
    .where(
      and(
        eq(bookingCalendarEvents.bookingId, key.bookingId),
        eq(bookingCalendarEvents.connectionId, key.connectionId),
      ),
    );
}

/**
 * Bookings whose calendar event is missing, stale (the booking changed after the last write) or must go
 * (cancelled), for owners who have a calendar receiving bookings. Upcoming bookings only.
 */
export async function bookingsNeedingWrite(
  database: Database,
  now: number,
  limit: number,
  ownerId?: string,
): Promise<string[]> {
  const owned = ownerId ? sql` AND b.owner_id = ${ownerId}` : sql``;
  const rows = await database.all<{ id: string }>(sql`
    SELECT b.id AS id FROM bookings b
      JOIN calendar_connections c ON c.owner_id = b.owner_id AND c.status <> 'broken'
        AND json_extract(c.settings, '$.bookingCalendarId') IS NOT NULL
      LEFT JOIN booking_calendar_events e ON e.booking_id = b.id AND e.connection_id = c.id
      WHERE b.status IN ('pending', 'confirmed') AND b.end_ms > ${now}${owned}
        AND (e.booking_id IS NULL OR e.updated_at < b.updated_at)
    UNION
    SELECT e.booking_id AS id FROM booking_calendar_events e JOIN bookings b ON b.id = e.booking_id
      WHERE b.status = 'cancelled'${owned}
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}
