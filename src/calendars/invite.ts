import {
  type ICalAttendeeData,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendar,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";

// ical-generator prepends the leading "-" itself, giving "PRODID:-//Créneau//Créneau//FR".
export const CRENEAU_PRODID = "//Créneau//Créneau//FR";

export type BookingEventStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export interface BookingEventFields {
  uid: string;
  sequence: number;
  startMs: number;
  endMs: number;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  status: BookingEventStatus;
}

export interface InviteInput {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  startMs: number;
  endMs: number;
  /**
   * The owner's zone. Deliberately not written as TZID: RFC 5545 requires a VTIMEZONE block for
   * every TZID, ical-generator only emits one through an extra generator package, and Outlook
   * misplaces or rejects TZIDs it cannot resolve. A booking never recurs, so UTC instants
   * (DTSTART:...Z) carry everything needed and Google, Apple and Outlook all show them in the
   * reader's own zone.
   */
  timeZone: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  organizer: { name: string; email: string };
  /** `locale` belongs to the email around the invite; ical-generator has no LANGUAGE parameter. */
  attendee: { name: string; email: string; locale?: string };
  stampMs: number;
  status?: BookingEventStatus;
}

const EVENT_STATUS: Record<BookingEventStatus, ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** The VEVENT fields shared by invitations and the bookings feed; every instant is written in UTC. */
export function bookingEventData(fields: BookingEventFields, stampMs: number): ICalEventData {
  if (!Number.isInteger(fields.sequence) || fields.sequence < 0) {
    throw new RangeError(`sequence must be a non-negative integer, got ${fields.sequence}`);
  }
  // ical-generator silently swaps an inverted range; a booking that ends before it starts is a bug upstream.
  if (!(fields.endMs > fields.startMs)) {
    throw new RangeError(`event ${fields.uid} must end after it starts`);
  }
  return {
    id: fields.uid,
    sequence: fields.sequence,
    stamp: new Date(stampMs),
    start: new Date(fields.startMs),
    end: new Date(fields.endMs),
    summary: fields.summary,
    description: fields.description,
    location: fields.location ?? null,
    url: fields.url ?? null,
    status: EVENT_STATUS[fields.status],
  };
}

function inviteStatus(input: InviteInput): BookingEventStatus {
  if (input.method === "CANCEL") return "CANCELLED";
  if (input.status === "CANCELLED") {
    throw new RangeError("a cancelled booking is sent with method CANCEL, not REQUEST");
  }
  return input.status ?? "CONFIRMED";
}

/** An iMIP-ready VCALENDAR (RFC 5546) inviting the prospect to, or cancelling, one booking. */
export function buildInvite(input: InviteInput): string {
  const isCancel = input.method === "CANCEL";
  const calendar = new ICalCalendar({
    prodId: CRENEAU_PRODID,
    method: isCancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    ...bookingEventData({ ...input, status: inviteStatus(input) }, input.stampMs),
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // A cancellation expects no reply.
        rsvp: !isCancel,
      },
    ],
  });
  // RFC 5545 ends every content line, the last included, with CRLF; the library stops at END:VCALENDAR.
  return calendar.toString() + "\r\n";
}

export interface CalendarObjectInput extends BookingEventFields {
  bookingId: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  stampMs: number;
}

/**
 * The booking as a CalDAV calendar object (RFC 4791: no METHOD). SCHEDULE-AGENT=CLIENT tells servers that
 * schedule on their own (Nextcloud, SOGo) not to email the prospect: Créneau already sent the invitation.
 * X-CRENEAU-BOOKING marks it as ours, so calendar sync never counts it as busy time a second time.
 */
export function buildCalendarObject(input: CalendarObjectInput): string {
  const calendar = new ICalCalendar({ prodId: CRENEAU_PRODID });
  calendar.createEvent({
    ...bookingEventData(input, input.stampMs),
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        // ical-generator exports this enum as a type only; its value is the RFC 6638 keyword.
        scheduleAgent: "CLIENT" as ICalAttendeeData["scheduleAgent"],
      },
    ],
    x: [{ key: "X-CRENEAU-BOOKING", value: input.bookingId }],
  });
  return calendar.toString() + "\r\n";
}
