// Booking events in Google Calendar: inserted under an id we derive from the booking (a retry can never
// duplicate it), with the prospect as guest and a Meet link when asked; patched on reschedule, deleted on
// cancel. sendUpdates "none": Créneau sends its own invitation, Google must not send a second one.
import type { calendar_v3 } from "@googleapis/calendar";
import type { BookingEventContent } from "../booking-event-content.ts";
import { CRENEAU_BOOKING_PROPERTY } from "../google-event-busy.ts";
import type { GoogleSession } from "./google-api.ts";

export interface GoogleBookingEvent {
  calendarId: string;
  eventId: string;
  bookingId: string;
  startMs: number;
  endMs: number;
  timeZone: string;
  status: "pending" | "confirmed";
  attendee: { name: string; email: string };
  content: BookingEventContent;
}

function eventBody(e: GoogleBookingEvent): calendar_v3.Schema$Event {
  return {
    id: e.eventId,
    summary: e.content.summary,
    description: e.content.description,
    ...(e.content.location && !e.content.wantsMeet ? { location: e.content.location } : {}),
    start: { dateTime: new Date(e.startMs).toISOString(), timeZone: e.timeZone },
    end: { dateTime: new Date(e.endMs).toISOString(), timeZone: e.timeZone },
    status: e.status === "pending" ? "tentative" : "confirmed",
    transparency: "opaque",
    attendees: [{ email: e.attendee.email, displayName: e.attendee.name }],
    guestsCanModify: false,
    extendedProperties: { private: { [CRENEAU_BOOKING_PROPERTY]: e.bookingId } },
    ...(e.content.wantsMeet
      ? {
          conferenceData: {
            // Same request id on every retry: Google creates one conference, not one per attempt.
            createRequest: {
              requestId: `crn-${e.bookingId}`,
              conferenceSolutionKey: { type: "hangoutsMeet" },
            },
          },
        }
      : {}),
  };
}

function meetUrlOf(event: calendar_v3.Schema$Event | undefined): string | null {
  const video = event?.conferenceData?.entryPoints?.find((p) => p.entryPointType === "video")?.uri;
  return event?.hangoutLink ?? video ?? null;
}

export async function writeGoogleEvent(
  session: GoogleSession,
  e: GoogleBookingEvent,
): Promise<{ etag: string | null; meetUrl: string | null }> {
  const body = eventBody(e);
  const common = { calendarId: e.calendarId, conferenceDataVersion: 1, sendUpdates: "none" as const };
  const inserted = await session.callTolerating(
    "add the booking to the calendar",
    (api) => api.events.insert({ ...common, requestBody: body }),
    [409],
  );
  const written =
    inserted ??
    // 409: it exists already (an earlier attempt, or a reschedule): bring it up to date.
    (await session.call("update the booking in the calendar", (api) =>
      api.events.patch({ ...common, eventId: e.eventId, requestBody: { ...body, id: undefined } }),
    ));
  return { etag: written.data.etag ?? null, meetUrl: meetUrlOf(written.data) };
}

export async function deleteGoogleEvent(
  session: GoogleSession,
  calendarId: string,
  eventId: string,
): Promise<void> {
  // 404/410: already gone, which is what we wanted.
  await session.callTolerating(
    "remove the booking from the calendar",
    (api) => api.events.delete({ calendarId, eventId, sendUpdates: "none" }),
    [404, 410],
  );
}

/** Busy stretches Google knows for these calendars in [startMs, endMs), straight from freeBusy. */
export async function googleFreeBusy(
  session: GoogleSession,
  calendarIds: string[],
  startMs: number,
  endMs: number,
): Promise<{ startMs: number; endMs: number }[]> {
  if (calendarIds.length === 0) return [];
  const response = await session.call("check free/busy", (api) =>
    api.freebusy.query({
      requestBody: {
        timeMin: new Date(startMs).toISOString(),
        timeMax: new Date(endMs).toISOString(),
        items: calendarIds.map((id) => ({ id })),
      },
    }),
  );
  return Object.values(response.data.calendars ?? {}).flatMap((c) =>
    (c.busy ?? []).map((b) => ({ startMs: Date.parse(b.start ?? ""), endMs: Date.parse(b.end ?? "") })),
  );
}
