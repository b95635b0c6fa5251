// An iCalendar text → the owner's busy pieces in a window: recurrences expanded in their own zone, EXDATE and
// RECURRENCE-ID overrides honoured, free/cancelled/declined events left out. Pure (ical.js parses).
import ICAL from "ical.js";
import {
  type AllDayPolicy,
  type BusyPiece,
  busyPiece,
  type EventFacts,
  looksWrittenByCreneau,
} from "./busy-rules.ts";
import { eventOccurrences, type Occurrence, occurrenceKey } from "./ics-occurrences.ts";

type Component = InstanceType<typeof ICAL.Component>;

export class CalendarDataError extends Error {}

export interface ExpandOptions {
  window: { startMs: number; endMs: number };
  ownerTimeZone: string;
  /** the owner's addresses, lower case: an ATTENDEE among them with PARTSTAT=DECLINED is not busy */
  selfAddresses: readonly string[];
  allDayPolicy: AllDayPolicy;
  /** every piece gets this key (a CalDAV object's href); else each event's UID */
  objectKey?: string;
  /** recurrence steps allowed for the whole text, so FREQ=SECONDLY since 1970 cannot hang a sync */
  stepBudget?: { remaining: number };
}

export interface ExpandResult {
  pieces: BusyPiece[];
  events: number;
  /** events that could not be read (bad dates, unknown rules) and were left out */
  skipped: number;
}

export function parseCalendars(text: string): Component[] {
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096))) throw new CalendarDataError("not an iCalendar file");
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw new CalendarDataError(`unreadable iCalendar: ${(error as Error).message}`.slice(0, 300));
  }
  const roots = (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[][];
  const calendars = roots.map((root) => new ICAL.Component(root)).filter((c) => c.name === "vcalendar");
  if (calendars.length === 0) throw new CalendarDataError("no VCALENDAR in the file");
  return calendars;
}

function text(component: Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value.trim().toUpperCase() : "";
}

export function eventFacts(event: Component, selfAddresses: readonly string[]): EventFacts {
  const busyStatus = text(event, "x-microsoft-cdo-busystatus");
  const declinedBySelf = event.getAllProperties("attendee").some((attendee) => {
    const address = String(attendee.getFirstValue() ?? "")
      .replace(/^mailto:/i, "")
      .toLowerCase();
    return (
      selfAddresses.includes(address) &&
      String(attendee.getFirstParameter("partstat")).toUpperCase() === "DECLINED"
    );
  });
  const uid = event.getFirstPropertyValue("uid");
  return {
    cancelled: text(event, "status") === "CANCELLED",
    transparent:
      text(event, "transp") === "TRANSPARENT" || busyStatus === "FREE" || busyStatus === "WORKINGELSEWHERE",
    declinedBySelf,
    writtenByCreneau:
      event.hasProperty("x-creneau-booking") || looksWrittenByCreneau(typeof uid === "string" ? uid : null),
  };
}

interface EventGroup {
  master: Component | null;
  overrides: Component[];
}

function groupByUid(calendars: Component[]): Map<string, EventGroup> {
  const groups = new Map<string, EventGroup>();
  let anonymous = 0;
  for (const calendar of calendars) {
    for (const event of calendar.getAllSubcomponents("vevent")) {
      const uidValue = event.getFirstPropertyValue("uid");
      const uid = typeof uidValue === "string" && uidValue ? uidValue : `(no uid ${anonymous++})`;
      const group = groups.get(uid) ?? { master: null, overrides: [] };
      groups.set(uid, group);
      if (event.hasProperty("recurrence-id")) group.overrides.push(event);
      else if (!group.master) group.master = event;
    }
  }
  return groups;
}

export function busyFromICalendar(textValue: string, options: ExpandOptions): ExpandResult {
  const calendars = parseCalendars(textValue);
  const budget = options.stepBudget ?? { remaining: 200_000 };
  const pieces: BusyPiece[] = [];
  let events = 0;
  let skipped = 0;
  for (const [uid, group] of groupByUid(calendars)) {
    events++;
    const key = options.objectKey ?? `uid:${uid}`;
    try {
      const overridden = new Map<string, Component>();
      for (const override of group.overrides) {
        const id = occurrenceKey(override, "recurrence-id", options.ownerTimeZone);
        if (id) overridden.set(id, override);
      }
      const emit = (occurrence: Occurrence, facts: EventFacts) => {
        const piece = busyPiece(facts, key, occurrence, options.allDayPolicy, options.window);
        if (piece) pieces.push(piece);
      };
      if (group.master) {
        const facts = eventFacts(group.master, options.selfAddresses);
        for (const occurrence of eventOccurrences(group.master, options, budget)) {
          if (!overridden.has(occurrence.key)) emit(occurrence, facts);
        }
      }
      // Overrides stand on their own: a moved occurrence may land in the window while its original did not.
      for (const override of group.overrides) {
        const facts = eventFacts(override, options.selfAddresses);
        for (const occurrence of eventOccurrences(override, options, budget, { single: true }))
          emit(occurrence, facts);
      }
    } catch (error) {
      if (error instanceof CalendarDataError) throw error;
      skipped++;
    }
  }
  return { pieces, events, skipped };
}
