// The plain data the slot engine works on. Instants are epoch milliseconds (UTC);
// wall-clock times and dates are strings read in the zone named beside them.

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** ["HH:MM", "HH:MM"] wall clock; "24:00" is allowed as an end and means the next midnight. */
export type HoursRange = [string, string];

export interface SlotRules {
  /** IANA zone the weekly hours and overrides are written in (the owner's). */
  timeZone: string;
  durationMinutes: number;
  /** Distance between two slot starts; defaults to durationMinutes. */
  slotIntervalMinutes?: number;
  /** A missing day is closed. */
  weeklyHours: Partial<Record<Weekday, HoursRange[]>>;
  /** Replaces that date's weekly hours; hours [] closes the date. */
  dateOverrides: { date: string; hours: HoursRange[] }[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  /** Last bookable date = today in the owner's zone + horizonDays (that date included). */
  horizonDays: number;
  /** Counted over bookings of the same event type, per date in the owner's zone. */
  maxPerDay?: number;
  /** Counted over bookings of the same event type, per Monday-to-Sunday week in the owner's zone. */
  maxPerWeek?: number;
}

/** A booking still holding its time (callers leave cancelled ones out). */
export interface ExistingBooking {
  startMs: number;
  endMs: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** True when it was booked through the event type being computed; only those count toward limits. */
  sameEventType: boolean;
}

/** Time the owner is busy elsewhere (calendar sync). */
export interface BusyInterval {
  startMs: number;
  endMs: number;
}

export interface SlotQuery {
  rules: SlotRules;
  bookings: ExistingBooking[];
  busy: BusyInterval[];
  nowMs: number;
  /** YYYY-MM-DD, inclusive, a date in the visitor's zone. */
  from: string;
  /** YYYY-MM-DD, inclusive, a date in the visitor's zone. */
  to: string;
  visitorTimeZone: string;
}

/** ISO 8601 instants carrying the visitor zone's offset, e.g. "2027-03-29T09:00:00+02:00". */
export interface Slot {
  start: string;
  end: string;
}

export interface SlotsResult {
  timeZone: string;
  /** Keys are dates in the visitor's zone, sorted, only dates that have slots. */
  slots: Record<string, Slot[]>;
}

export interface RuleIssue {
  path: string;
  message: string;
}

/** Half-open [startMs, endMs). */
export interface Interval {
  startMs: number;
  endMs: number;
}
