// Which calendar events make the owner busy, and when an all-day event starts and ends. Pure.
import { Temporal } from "temporal-polyfill";

/** What every source tells us about one event, reduced to the questions that decide "busy". */
export interface EventFacts {
  cancelled: boolean;
  /** TRANSP:TRANSPARENT, Google "transparency: transparent", Outlook BUSYSTATUS FREE: shown as free */
  transparent: boolean;
  /** the owner was invited and said no */
  declinedBySelf: boolean;
  /** an event Créneau itself wrote for a booking: the booking already blocks its time */
  writtenByCreneau: boolean;
}

export type AllDayPolicy = "busy" | "free";

/** One stretch of busy time, tagged with the object it came from so a change replaces just that object. */
export interface BusyPiece {
  objectKey: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
}

export function isBusy(facts: EventFacts): boolean {
  return !facts.cancelled && !facts.transparent && !facts.declinedBySelf && !facts.writtenByCreneau;
}

/** An all-day event blocks from midnight of its first date to midnight after its last, in the owner's zone. */
export function allDayBounds(
  startDate: string,
  endDateExclusive: string | null,
  ownerTimeZone: string,
): { startMs: number; endMs: number } {
  const start = Temporal.PlainDate.from(startDate);
  let end = endDateExclusive ? Temporal.PlainDate.from(endDateExclusive) : start.add({ days: 1 });
  // A DTEND equal to (or before) DTSTART is a one-day event written carelessly, not an empty one.
  if (Temporal.PlainDate.compare(end, start) <= 0) end = start.add({ days: 1 });
  return {
    startMs: start.toZonedDateTime({ timeZone: ownerTimeZone }).epochMilliseconds,
    endMs: end.toZonedDateTime({ timeZone: ownerTimeZone }).epochMilliseconds,
  };
}

export function overlapsWindow(
  piece: { startMs: number; endMs: number },
  window: { startMs: number; endMs: number },
): boolean {
  return piece.endMs > piece.startMs && piece.startMs < window.endMs && piece.endMs > window.startMs;
}

/**
 * The busy pieces of one event, or none: `allDay` events follow the owner's policy.
 * Timed events keep their exact instants.
 */
export function busyPiece(
  facts: EventFacts,
  objectKey: string,
  time: { startMs: number; endMs: number; allDay: boolean },
  allDayPolicy: AllDayPolicy,
  window: { startMs: number; endMs: number },
): BusyPiece | null {
  if (!isBusy(facts)) return null;
  if (time.allDay && allDayPolicy === "free") return null;
  if (!overlapsWindow(time, window)) return null;
  return { objectKey, startMs: time.startMs, endMs: time.endMs, allDay: time.allDay };
}

const CRENEAU_GOOGLE_UID = /^crn[0-9a-v]{20,}@google\.com$/i;
const CRENEAU_EVENT_ID = /^crn[0-9a-v]{20,}$/i;

/** Booking events we wrote, seen again through an export (Google's secret iCal address) or a list. */
export function looksWrittenByCreneau(uidOrId: string | null | undefined): boolean {
  if (!uidOrId) return false;
  return CRENEAU_GOOGLE_UID.test(uidOrId) || CRENEAU_EVENT_ID.test(uidOrId);
}
