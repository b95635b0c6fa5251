// A Google Calendar API event → the owner's busy piece, by the same rules as every other source. Pure.
import { type AllDayPolicy, allDayBounds, type BusyPiece, busyPiece, type EventFacts } from "./busy-rules.ts";

/** The fields of Calendar API v3's Event resource that decide busy time. */
export interface GoogleEventLike {
  id?: string | null;
  status?: string | null;
  transparency?: string | null;
  eventType?: string | null;
  start?: { date?: string | null; dateTime?: string | null } | null;
  end?: { date?: string | null; dateTime?: string | null } | null;
  attendees?: { self?: boolean | null; responseStatus?: string | null }[] | null;
  extendedProperties?: { private?: Record<string, string> | null } | null;
}

export const CRENEAU_BOOKING_PROPERTY = "creneauBooking";

export function googleEventFacts(event: GoogleEventLike): EventFacts {
  return {
    cancelled: event.status === "cancelled",
    // Working-location entries sit on the calendar all day but Google itself reports them as free.
    transparent: event.transparency === "transparent" || event.eventType === "workingLocation",
    declinedBySelf: event.attendees?.some((a) => a.self && a.responseStatus === "declined") ?? false,
    writtenByCreneau: Boolean(event.extendedProperties?.private?.[CRENEAU_BOOKING_PROPERTY]),
  };
}

export function googleEventTime(
  event: GoogleEventLike,
  ownerTimeZone: string,
): { startMs: number; endMs: number; allDay: boolean } | null {
  if (event.start?.date) {
    return { ...allDayBounds(event.start.date, event.end?.date ?? null, ownerTimeZone), allDay: true };
  }
  const startMs = Date.parse(event.start?.dateTime ?? "");
  const endMs = Date.parse(event.end?.dateTime ?? "");
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return null;
  return { startMs, endMs, allDay: false };
}

export function googleEventPiece(
  event: GoogleEventLike,
  objectKey: string,
  options: { ownerTimeZone: string; allDayPolicy: AllDayPolicy; window: { startMs: number; endMs: number } },
): BusyPiece | null {
  const time = googleEventTime(event, options.ownerTimeZone);
  if (!time) return null;
  return busyPiece(googleEventFacts(event), objectKey, time, options.allDayPolicy, options.window);
}
