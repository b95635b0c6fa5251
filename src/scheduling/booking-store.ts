// Bookings in the database. Taking a slot is ONE guarded statement: it inserts nothing when any live
// booking's padded interval overlaps the new one, or when the day/week limit is reached. No read-then-write,
// so it holds on SQLite and on D1 alike, under any number of concurrent requests.
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { preparedOnce } from "../platform/db/prepared.ts";
import { bookings } from "../platform/db/schema.ts";
import type { ExistingBooking } from "./slot-types.ts";

export type BookingRow = typeof bookings.$inferSelect;
export const LIVE_STATUSES = ["pending", "confirmed"] as const;
const MINUTE = 60_000;
// Longest event (12 h) + largest buffers: lets the overlap test use the (owner_id, start_ms) index.
const SEARCH_MARGIN_MS = 24 * 3600_000;

export interface SlotGuard {
  ownerId: string;
  eventTypeId: string;
  startMs: number;
  endMs: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** the booking being moved, when rescheduling: it never conflicts with itself */
  excludeId?: string;
  limits: {
    maxPerDay?: number;
    day: { startMs: number; endMs: number };
    maxPerWeek?: number;
    week: { startMs: number; endMs: number };
  };
}

/** The condition under which the slot is still free, evaluated inside the writing statement. */
export function slotIsFree(g: SlotGuard): SQL {
  const paddedStart = g.startMs - g.bufferBeforeMinutes * MINUTE;
  const paddedEnd = g.endMs + g.bufferAfterMinutes * MINUTE;
  const notSelf = g.excludeId ? sql`AND b.id <> ${g.excludeId}` : sql``;
  const countIn = (range: { startMs: number; endMs: number }) => sql`(SELECT COUNT(*) FROM bookings b
      WHERE b.event_type_id = ${g.eventTypeId} AND b.status IN ('pending', 'confirmed') ${notSelf}
        AND b.start_ms >= ${range.startMs} AND b.start_ms < ${range.endMs})`;
  return sql`NOT EXISTS (SELECT 1 FROM bookings b
      WHERE b.owner_id = ${g.ownerId} AND b.status IN ('pending', 'confirmed') ${notSelf}
        AND b.start_ms > ${g.startMs - SEARCH_MARGIN_MS} AND b.start_ms < ${g.endMs + SEARCH_MARGIN_MS}
        AND b.start_ms - b.buffer_before_minutes * 60000 < ${paddedEnd}
        AND b.end_ms + b.buffer_after_minutes * 60000 > ${paddedStart})
    ${g.limits.maxPerDay ? sql`AND ${countIn(g.limits.day)} < ${g.limits.maxPerDay}` : sql``}
    ${g.limits.maxPerWeek ? sql`AND ${countIn(g.limits.week)} < ${g.limits.maxPerWeek}` : sql``}`;
}

/** INSERT … SELECT … WHERE <slot is free>: changes = 1 when the slot was taken, 0 when it was not free. */
export function guardedBookingInsert(row: BookingRow, guard: SlotGuard): SQL {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return sql`INSERT INTO bookings (id, owner_id, event_type_id, lead_id, status, start_ms, end_ms, buffer_before_minutes,
      buffer_after_minutes, name, email, time_zone, locale, answers, location, notes, flagged, sequence, created_at, updated_at)
    SELECT ${row.id}, ${row.ownerId}, ${row.eventTypeId}, ${row.leadId}, ${row.status}, ${row.startMs}, ${row.endMs},
      ${row.bufferBeforeMinutes}, ${row.bufferAfterMinutes}, ${row.name}, ${row.email}, ${row.timeZone}, ${row.locale},
      ${json(row.answers)}, ${json(row.location)}, ${row.notes}, ${row.flagged ? 1 : 0}, ${row.sequence}, ${row.createdAt}, ${row.updatedAt}
    WHERE ${slotIsFree(guard)}`;
}

/** Moves a live booking when the new slot is free (same identity, SEQUENCE + 1). */
export function guardedReschedule(id: string, guard: SlotGuard, now: number): SQL {
  return sql`UPDATE bookings SET start_ms = ${guard.startMs}, end_ms = ${guard.endMs}, sequence = sequence + 1, updated_at = ${now}
    WHERE id = ${id} AND owner_id = ${guard.ownerId} AND status IN ('pending', 'confirmed') AND ${slotIsFree({ ...guard, excludeId: id })}`;
}

// Read again after every booking, cancel and reschedule (calendar write-back, emails): prepared once.
const bookingByIdQuery = preparedOnce((db) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder("id")))
    .prepare(),
);

export async function getBooking(database: Database, id: string): Promise<BookingRow | undefined> {
  return bookingByIdQuery(database).get({ id });
}

export async function getOwnedBooking(
  database: Database,
  ownerId: string,
  id: string,
): Promise<BookingRow | undefined> {
  return database.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.ownerId, ownerId), eq(bookings.id, id)))
    .get();
}

// Every slots request and every booking reads these: prepared once per database.
const liveBookingsQuery = preparedOnce((db) =>
  db
    .select({
      startMs: bookings.startMs,
      endMs: bookings.endMs,
      bufferBeforeMinutes: bookings.bufferBeforeMinutes,
      bufferAfterMinutes: bookings.bufferAfterMinutes,
      eventTypeId: bookings.eventTypeId,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.ownerId, sql.placeholder("ownerId")),
        inArray(bookings.status, [...LIVE_STATUSES]),
        gte(bookings.startMs, sql.placeholder("fromMs")),
        lt(bookings.startMs, sql.placeholder("toMs")),
      ),
    )
    .orderBy(asc(bookings.startMs))
    .prepare(),
);

/** Live bookings of the owner starting in [fromMs, toMs), as the slot engine wants them. */
export async function liveBookingsBetween(
  database: Database,
  ownerId: string,
  eventTypeId: string,
  fromMs: number,
  toMs: number,
): Promise<ExistingBooking[]> {
  // Rows as arrays, in the order selected above: drizzle's own mapping cost as much as SQLite's reading.
  const rows = (await liveBookingsQuery(database).values({ ownerId, fromMs, toMs })) as [
    number,
    number,
    number,
    number,
    string,
  ][];
  return rows.map(([startMs, endMs, bufferBeforeMinutes, bufferAfterMinutes, bookedEventTypeId]) => ({
    startMs,
    endMs,
    bufferBeforeMinutes,
    bufferAfterMinutes,
    sameEventType: bookedEventTypeId === eventTypeId,
  }));
}

/** Cancels a live booking; changes = 0 when it was already cancelled (so effects run once). */
export function cancelStatement(
  database: Database,
  id: string,
  by: "owner" | "prospect",
  reason: string | null,
  now: number,
) {
  return database.db
    .update(bookings)
    .set({
      status: "cancelled",
      cancelledBy: by,
      cancelReason: reason,
      cancelledAt: now,
      updatedAt: now,
      sequence: sql`${bookings.sequence} + 1`,
    })
    .where(and(eq(bookings.id, id), inArray(bookings.status, [...LIVE_STATUSES])));
}

/**
 * Confirms a pending booking. SEQUENCE goes up: STATUS is a significant property (RFC 5545 §3.8.7.4), and a
 * tentative copy may exist (the owner's CalDAV event, an .ics from the manage page, an older invitation) that
 * the confirmation must supersede. A gap in SEQUENCE is harmless; clients only compare.
 */
export function approveStatement(database: Database, id: string, now: number) {
  return database.db
    .update(bookings)
    .set({ status: "confirmed", updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
    .where(and(eq(bookings.id, id), eq(bookings.status, "pending")));
}

export async function listBookings(
  database: Database,
  ownerId: string,
  filter: {
    fromMs?: number;
    toMs?: number;
    status?: BookingRow["status"][];
    limit: number;
    afterStart?: number;
    afterId?: string;
  },
): Promise<BookingRow[]> {
  const conditions = [eq(bookings.ownerId, ownerId)];
  if (filter.fromMs !== undefined) conditions.push(gte(bookings.startMs, filter.fromMs));
  if (filter.toMs !== undefined) conditions.push(lt(bookings.startMs, filter.toMs));
  if (filter.status?.length) conditions.push(inArray(bookings.status, filter.status));
  if (filter.afterStart !== undefined && filter.afterId !== undefined) {
    conditions.push(sql`(${bookings.startMs}, ${bookings.id}) > (${filter.afterStart}, ${filter.afterId})`);
  }
  return database.db
    .select()
    .from(bookings)
    .where(and(...conditions))
    .orderBy(asc(bookings.startMs), asc(bookings.id))
    .limit(filter.limit);
}
