import { escape as escapeText, ICalCalendar, ICalCalendarMethod } from "ical-generator";
import { type BookingEventFields, bookingEventData, CRENEAU_PRODID } from "./invite.ts";

export interface BookingsFeedInput {
  ownerName: string;
  calendarName: string;
  stampMs: number;
  events: BookingEventFields[];
}

// Clients that honour it (Apple, Outlook, Thunderbird) re-fetch every 15 minutes; Google ignores it.
const REFRESH_SECONDS = 15 * 60;

/**
 * ical-generator writes the calendar name and description (NAME, X-WR-CALNAME, X-WR-CALDESC) without
 * the TEXT escaping it applies to event properties, so a line break there would inject properties.
 * Running them through the library's own escaper closes that; a round-trip test guards against the
 * library starting to escape them itself (which would show up as doubled backslashes).
 */
function calendarText(text: string): string {
  return escapeText(text, false);
}

/**
 * The owner's subscribable bookings calendar (METHOD:PUBLISH). Events carry no ORGANIZER or
 * ATTENDEE, so no client mistakes them for invitations it should answer. Which bookings to list
 * (e.g. recent cancellations, as STATUS:CANCELLED) is the caller's choice.
 */
export function buildBookingsFeed(input: BookingsFeedInput): string {
  const calendar = new ICalCalendar({
    prodId: CRENEAU_PRODID,
    method: ICalCalendarMethod.PUBLISH,
    name: calendarText(input.calendarName),
    description: calendarText(input.ownerName),
    ttl: REFRESH_SECONDS,
  });
  for (const event of input.events) {
    calendar.createEvent(bookingEventData(event, input.stampMs));
  }
  return calendar.toString() + "\r\n";
}
