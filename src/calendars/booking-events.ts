// Keeps each booking's event in the owner's chosen calendar in step with the booking: written when it is
// made, moved when rescheduled, removed when cancelled. Called right after each change (and by the tick
// for anything that failed), never failing the booking itself.
import { sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { mailDomain } from "../platform/deps.ts";
import { displayAnswers } from "../scheduling/answer-display.ts";
import { manageUrl } from "../scheduling/booking-links.ts";
import { type BookingRow, getBooking } from "../scheduling/booking-store.ts";
import { eventTitle } from "../scheduling/event-type-view.ts";
import type { BookingContext } from "../scheduling/manage-booking.ts";
import { bookingEventContent, caldavObjectUrl, googleEventId } from "./booking-event-content.ts";
import {
  type BookingEventRow,
  bookingEventRows,
  forgetWrite,
  markWritten,
  recordPendingWrite,
} from "./booking-event-store.ts";
import { caldavAccessFor, withGoogleSession } from "./connection-access.ts";
import { getConnectionById, listConnections } from "./connection-store.ts";
import { type ConnectionRow, settingsOf } from "./connection-types.ts";
import { buildCalendarObject } from "./invite.ts";
import { deleteObjectAt, putObject } from "./providers/caldav-client.ts";
import { deleteGoogleEvent, writeGoogleEvent } from "./providers/google-events.ts";

async function bookingTarget(deps: AppDeps, ownerId: string) {
  for (const connection of await listConnections(deps.database, ownerId)) {
    const calendarId = settingsOf(connection).bookingCalendarId;
    if (calendarId && connection.status !== "broken") return { connection, calendarId };
  }
  return null;
}

function externalIdFor(connection: ConnectionRow, calendarId: string, bookingId: string): string {
  return connection.type === "google"
    ? JSON.stringify([calendarId, googleEventId(bookingId)])
    : caldavObjectUrl(calendarId, bookingId);
}

async function removeRemote(deps: AppDeps, row: BookingEventRow): Promise<void> {
  const connection = await getConnectionById(deps.database, row.connectionId);
  if (connection?.type === "google") {
    const [calendarId, eventId] = JSON.parse(row.externalId) as [string, string];
    await withGoogleSession(deps, connection, (session) => deleteGoogleEvent(session, calendarId, eventId));
  } else if (connection?.type === "caldav") {
    await deleteObjectAt(caldavAccessFor(deps, connection), row.externalId);
  }
  await forgetWrite(deps.database, row);
}

async function writeRemote(
  deps: AppDeps,
  ctx: BookingContext,
  connection: ConnectionRow,
  calendarId: string,
): Promise<{ etag: string | null; meetUrl: string | null }> {
  const { booking, owner, eventType } = ctx;
  const locale = owner.locale === "en" ? "en" : "fr";
  const title = eventTitle(eventType, locale).title;
  const status = booking.status === "pending" ? "pending" : "confirmed";
  const link = manageUrl(deps.config, booking.id, booking.endMs);
  const content = bookingEventContent({
    bookingId: booking.id,
    title,
    ownerName: owner.name,
    prospect: { name: booking.name, email: booking.email },
    startMs: booking.startMs,
    endMs: booking.endMs,
    timeZone: owner.timeZone,
    status,
    location: booking.location,
    answers: displayAnswers(eventType.questions, booking.answers, locale),
    notes: booking.notes,
    manageUrl: link,
  });
  if (connection.type === "google") {
    return withGoogleSession(deps, connection, (session) =>
      writeGoogleEvent(session, {
        calendarId,
        eventId: googleEventId(booking.id),
        bookingId: booking.id,
        startMs: booking.startMs,
        endMs: booking.endMs,
        timeZone: owner.timeZone,
        status,
        attendee: { name: booking.name, email: booking.email },
        content,
      }),
    );
  }
  const ics = buildCalendarObject({
    bookingId: booking.id,
    uid: `${booking.id}@${mailDomain(deps.config)}`,
    sequence: booking.sequence,
    startMs: booking.startMs,
    endMs: booking.endMs,
    summary: content.summary,
    description: content.description,
    location: content.location,
    url: link,
    status: status === "pending" ? "TENTATIVE" : "CONFIRMED",
    organizer: { name: owner.name, email: owner.email },
    attendee: { name: booking.name, email: booking.email },
    stampMs: deps.clock.now(),
  });
  const { etag } = await putObject(
    caldavAccessFor(deps, connection),
    caldavObjectUrl(calendarId, booking.id),
    ics,
  );
  return { etag, meetUrl: null };
}

/** The Meet link Google made becomes the booking's location, so emails, reminders and pages show it. */
async function recordMeetLink(
  deps: AppDeps,
  booking: BookingRow,
  meetUrl: string | null,
): Promise<BookingRow> {
  if (!meetUrl || booking.location?.type !== "google_meet" || booking.location.details === meetUrl)
    return booking;
  const location = { ...booking.location, details: meetUrl };
  await deps.database.run(
    sql`UPDATE bookings SET location = ${JSON.stringify(location)} WHERE id = ${booking.id}`,
  );
  return { ...booking, location };
}

async function pushBooking(deps: AppDeps, given: BookingContext): Promise<BookingRow> {
  // The database, not the caller's copy, says what the booking is now (a cancel passes the pre-cancel row).
  const booking = (await getBooking(deps.database, given.booking.id)) ?? given.booking;
  const ctx = { ...given, booking };
  const rows = await bookingEventRows(deps.database, booking.id);
  if (booking.status === "cancelled") {
    for (const row of rows) await removeRemote(deps, row);
    return booking;
  }
  if (booking.status !== "pending" && booking.status !== "confirmed") return booking;
  const target = await bookingTarget(deps, booking.ownerId);
  if (!target) return booking;
  const externalId = externalIdFor(target.connection, target.calendarId, booking.id);
  const previous = rows.find((r) => r.connectionId === target.connection.id);
  // The owner moved bookings to another calendar of the same account: take it out of the old one first.
  if (previous && previous.externalId !== externalId) await removeRemote(deps, previous);
  const key = { bookingId: booking.id, connectionId: target.connection.id };
  await recordPendingWrite(deps.database, { ...key, ownerId: booking.ownerId, externalId });
  const written = await writeRemote(deps, ctx, target.connection, target.calendarId);
  await markWritten(deps.database, key, written, Math.max(deps.clock.now(), booking.updatedAt));
  return recordMeetLink(deps, booking, written.meetUrl);
}

/**
 * Brings the booking's calendar event in line with the booking. Returns the booking, with the Meet link
 * as its location when Google made one. A failure is logged and left to the tick to retry.
 */
export async function syncBookingToCalendar(deps: AppDeps, ctx: BookingContext): Promise<BookingRow> {
  try {
    return await pushBooking(deps, ctx);
  } catch (error) {
    deps.logger.warn("booking calendar event not written", {
      bookingId: ctx.booking.id,
      error: String(error),
    });
    return ctx.booking;
  }
}
