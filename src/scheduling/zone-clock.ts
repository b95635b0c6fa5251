// One time zone's UTC offsets over a span of instants, read from Temporal once per transition.
// A Temporal wall-time conversion costs ~15 µs in the polyfill; a slot query needs thousands of
// them, so we ask Temporal only where the offset changes and do the rest with those offsets.
import { Temporal } from "temporal-polyfill";
import { DAY_MS, formatIsoDate, MINUTE_MS } from "./calendar-days.ts";

/** Extra span read on each side whenever the clock has to look further, so it rarely looks twice. */
const READ_AHEAD_MS = 60 * DAY_MS;

/** Answers and clocks by zone name; bounded, since names come from untrusted requests. */
const zoneValidity = new Map<string, boolean>();
const clocks = new Map<string, ZoneClock>();
const MAX_REMEMBERED_ZONES = 1024;
/** A shared clock serves any dates a visitor asks for: its label caches start over past this size. */
const MAX_LABELS = 8192;

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  // Offsets like "+05:30" are valid Temporal zones, but the contract asks for IANA names.
  if (typeof timeZone !== "string" || timeZone === "" || /^[+-]/.test(timeZone)) return false;
  // Every slots request checks its zone, and asking Temporal (a new Intl.DateTimeFormat) costs ~100 µs.
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  } catch {
    valid = false;
  }
  if (zoneValidity.size < MAX_REMEMBERED_ZONES) zoneValidity.set(timeZone, valid);
  return valid;
}

/**
 * The clock of a zone, shared: its offsets and labels are facts about the zone, and reading them
 * from Temporal again was a tenth of each slots request. Throws RangeError like the constructor.
 */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new ZoneClock(timeZone);
    if (clocks.size < MAX_REMEMBERED_ZONES) clocks.set(timeZone, clock);
  }
  return clock;
}

export class ZoneClock {
  /** Temporal's spelling of the zone ("europe/paris" becomes "Europe/Paris"). */
  readonly timeZone: string;
  /** Segment i covers [segmentStarts[i], segmentStarts[i + 1]) with offset segmentOffsets[i]. */
  private segmentStarts: number[] = [];
  private segmentOffsets: number[] = [];
  private coveredFrom = Number.POSITIVE_INFINITY;
  private coveredTo = Number.NEGATIVE_INFINITY;
  /** "THH:MM:SS±HH:MM" by offset, then by second of the day. */
  private readonly timeLabels = new Map<number, Map<number, string>>();
  private readonly dateLabels = new Map<number, string>();

  /** Throws RangeError for an unknown zone; check with isValidTimeZone first. */
  constructor(timeZone: string) {
    this.timeZone = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  }

  /** Offset from UTC in ms at an instant (local wall time = instant + offset). */
  offsetAt(ms: number): number {
    if (ms < this.coveredFrom || ms > this.coveredTo) this.cover(ms);
    const starts = this.segmentStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return this.segmentOffsets[lo]!;
  }

  /** The date (epoch day) on the wall calendar of this zone at an instant. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /**
   * The first instant at which the wall clock of this zone shows that date and time or later.
   * Outside DST changes that is simply the instant of that wall time. In a fall-back fold, where
   * the time occurs twice, it is the first occurrence (as Temporal's "compatible"). In a
   * spring-forward gap, where the time never occurs, it is the instant the clocks jump
   * (02:30 in Paris on 2027-03-28 gives 03:00 CEST): a range lying wholly in the gap becomes
   * empty instead of sliding an hour later, and 00:00 gives the true start of day in zones
   * whose clocks jump at midnight.
   */
  wallToInstant(epochDay: number, minuteOfDay: number): number {
    const wall = epochDay * DAY_MS + minuteOfDay * MINUTE_MS;
    // Real offsets stay within ±14 h, so the instants a day either side of `wall` fall before and
    // after any transition near it.
    const offsetBefore = this.offsetAt(wall - DAY_MS);
    const offsetAfter = this.offsetAt(wall + DAY_MS);
    const earlier = wall - Math.max(offsetBefore, offsetAfter);
    if (this.offsetAt(earlier) === wall - earlier) return earlier;
    const later = wall - Math.min(offsetBefore, offsetAfter);
    if (this.offsetAt(later) === wall - later) return later;
    return this.firstTransitionAfter(earlier);
  }

  startOfDay(epochDay: number): number {
    return this.wallToInstant(epochDay, 0);
  }

  /** "YYYY-MM-DD" of the wall calendar at an instant. */
  dateLabel(ms: number): string {
    return this.labelOfDay(this.localDay(ms));
  }

  /** ISO 8601 to the second with this zone's offset at that instant, e.g. "2027-03-29T09:00:00+02:00". */
  format(ms: number): string {
    const offset = this.offsetAt(ms);
    const wall = ms + offset;
    const day = Math.floor(wall / DAY_MS);
    const secondOfDay = Math.floor((wall - day * DAY_MS) / 1000);
    // Slots repeat a few times of day, so "T09:00:00+02:00" is built once and each slot costs one concatenation.
    let labels = this.timeLabels.get(offset);
    if (labels === undefined) {
      labels = new Map();
      this.timeLabels.set(offset, labels);
    }
    let timeAndOffset = labels.get(secondOfDay);
    if (timeAndOffset === undefined) {
      const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
      timeAndOffset = `T${time}${offsetLabel(offset)}`;
      if (labels.size >= MAX_LABELS) labels.clear();
      labels.set(secondOfDay, timeAndOffset);
    }
    return this.labelOfDay(day) + timeAndOffset;
  }

  private firstTransitionAfter(ms: number): number {
    const starts = this.segmentStarts;
    let lo = 1;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! > ms) hi = mid;
      else lo = mid + 1;
    }
    return starts[lo] ?? ms;
  }

  private labelOfDay(day: number): string {
    let label = this.dateLabels.get(day);
    if (label === undefined) {
      label = formatIsoDate(day);
      if (this.dateLabels.size >= MAX_LABELS) this.dateLabels.clear();
      this.dateLabels.set(day, label);
    }
    return label;
  }

  private cover(ms: number): void {
    // Far from what was read (or nothing read yet), start afresh rather than read every
    // transition in between: a date range in year 0001 must not walk two thousand years.
    if (ms < this.coveredFrom - 2 * READ_AHEAD_MS || ms > this.coveredTo + 2 * READ_AHEAD_MS) {
      this.replaceWith(readSegments(this.timeZone, ms - READ_AHEAD_MS, ms + READ_AHEAD_MS));
      return;
    }
    const starts = [...this.segmentStarts];
    const offsets = [...this.segmentOffsets];
    if (ms < this.coveredFrom) {
      const earlier = readSegments(this.timeZone, ms - READ_AHEAD_MS, this.coveredFrom);
      starts.unshift(...earlier.starts);
      offsets.unshift(...earlier.offsets);
    }
    if (ms > this.coveredTo) {
      const later = readSegments(this.timeZone, this.coveredTo, ms + READ_AHEAD_MS);
      starts.push(...later.starts);
      offsets.push(...later.offsets);
    }
    this.replaceWith(
      withoutRepeatedOffsets({
        from: ms < this.coveredFrom ? ms - READ_AHEAD_MS : this.coveredFrom,
        to: ms > this.coveredTo ? ms + READ_AHEAD_MS : this.coveredTo,
        starts,
        offsets,
      }),
    );
  }

  private replaceWith(segments: Segments): void {
    this.segmentStarts = segments.starts;
    this.segmentOffsets = segments.offsets;
    this.coveredFrom = segments.from;
    this.coveredTo = segments.to;
  }
}

interface Segments {
  from: number;
  to: number;
  starts: number[];
  offsets: number[];
}

function readSegments(timeZone: string, from: number, to: number): Segments {
  let zoned = Temporal.Instant.fromEpochMilliseconds(Math.floor(from)).toZonedDateTimeISO(timeZone);
  const starts = [from];
  const offsets = [zoned.offsetNanoseconds / 1e6];
  for (;;) {
    const next = zoned.getTimeZoneTransition("next");
    if (!next || next.epochMilliseconds > to) break;
    starts.push(next.epochMilliseconds);
    offsets.push(next.offsetNanoseconds / 1e6);
    zoned = next;
  }
  return { from, to, starts, offsets };
}

/** Joined readings repeat an offset at the seam; only real changes may start a segment. */
function withoutRepeatedOffsets(segments: Segments): Segments {
  const starts: number[] = [];
  const offsets: number[] = [];
  segments.starts.forEach((start, i) => {
    const offset = segments.offsets[i]!;
    if (offsets.length > 0 && offsets[offsets.length - 1] === offset) return;
    starts.push(start);
    offsets.push(offset);
  });
  return { ...segments, starts, offsets };
}

function offsetLabel(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const totalSeconds = Math.abs(offsetMs) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  return `${sign}${pad2(hours)}:${pad2(minutes)}${seconds ? `:${pad2(seconds)}` : ""}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
