// Every bookable slot of an event type: the owner's hours, minus busy times and existing
// bookings (with buffers), within minimum notice, horizon and daily/weekly limits.
// Pure: the clock, bookings and busy times are all parameters.
import { fullDayCheck, LIMIT_MARGIN_MS } from "./booking-limits.ts";
import { MINUTE_MS, parseIsoDate } from "./calendar-days.ts";
import { blockedIntervals, overlapCursor } from "./intervals.ts";
import { MAX_DURATION_MINUTES, MAX_HORIZON_DAYS } from "./slot-rules-validation.ts";
import type { Slot, SlotQuery, SlotRules, SlotsResult } from "./slot-types.ts";
import { compileOpeningHours, openingWindows } from "./weekly-hours.ts";
import { type ZoneClock, zoneClock } from "./zone-clock.ts";

export { validateSlotRules } from "./slot-rules-validation.ts";
export type {
  BusyInterval,
  ExistingBooking,
  HoursRange,
  RuleIssue,
  Slot,
  SlotQuery,
  SlotRules,
  SlotsResult,
  Weekday,
} from "./slot-types.ts";
export { isValidTimeZone } from "./zone-clock.ts";
export type AvailabilityInput = Omit<SlotQuery, "from" | "to" | "visitorTimeZone">;

/**
 * Slots whose start falls on dates from..to of the visitor's zone, keyed and formatted in that
 * zone. Expects rules accepted by validateSlotRules, real dates and a valid visitor zone
 * (isValidTimeZone); throws RangeError otherwise. A `to` before `from` gives no slots.
 */
export function computeSlots(q: SlotQuery): SlotsResult {
  return computeSlotsUntil(q).result;
}

/**
 * computeSlots, and the instant until which that answer holds for the same rules, bookings and busy times:
 * time only ever removes slots (the first one falls under the minimum notice) until the owner's date turns
 * and the horizon moves a day. The slots cache serves the answer until then.
 */
export function computeSlotsUntil(q: SlotQuery): { result: SlotsResult; validUntilMs: number } {
  const visitorClock = zoneClock(q.visitorTimeZone);
  const ownerClock = zoneClock(q.rules.timeZone);
  const fromDay = parseIsoDate(q.from);
  const toDay = parseIsoDate(q.to);
  if (fromDay === null || toDay === null) throw new RangeError(`Invalid date range ${q.from}..${q.to}`);
  const result: SlotsResult = { timeZone: visitorClock.timeZone, slots: {} };
  const ownerDayEnds = ownerClock.startOfDay(ownerClock.localDay(q.nowMs) + 1);
  if (toDay < fromDay) return { result, validUntilMs: ownerDayEnds };

  const durationMs = q.rules.durationMinutes * MINUTE_MS;
  const starts = freeSlotStarts(
    q,
    ownerClock,
    visitorClock.startOfDay(fromDay),
    visitorClock.startOfDay(toDay + 1),
  );
  let dateLabel = "";
  let slotsOfDate: Slot[] = [];
  for (const start of starts) {
    const label = visitorClock.dateLabel(start);
    if (label !== dateLabel) {
      dateLabel = label;
      slotsOfDate = [];
      result.slots[label] = slotsOfDate;
    }
    slotsOfDate.push({ start: visitorClock.format(start), end: visitorClock.format(start + durationMs) });
  }
  // A slot is offered while start ≥ now + notice: the first one goes once now passes start − notice.
  const firstLeaves =
    starts.length > 0 ? starts[0]! - q.rules.minimumNoticeMinutes * MINUTE_MS + 1 : Infinity;
  return { result, validUntilMs: Math.min(ownerDayEnds, firstLeaves) };
}

/**
 * Whether a booking may start at this instant right now: the same rules as computeSlots, so a
 * start that was offered is accepted and one off the grid is not.
 */
export function isSlotBookable(q: AvailabilityInput, startMs: number): boolean {
  if (!Number.isSafeInteger(startMs)) return false;
  const starts = freeSlotStarts(q, zoneClock(q.rules.timeZone), startMs, startMs + 1);
  return starts[0] === startMs;
}

/** Free slot starts in [fromMs, toMs), ascending epoch ms. */
function freeSlotStarts(q: AvailabilityInput, ownerClock: ZoneClock, fromMs: number, toMs: number): number[] {
  const { rules } = q;
  assertComputable(rules, q.nowMs);
  const durationMs = rules.durationMinutes * MINUTE_MS;
  const intervalMs = (rules.slotIntervalMinutes ?? rules.durationMinutes) * MINUTE_MS;
  const bufferBeforeMs = rules.bufferBeforeMinutes * MINUTE_MS;
  const bufferAfterMs = rules.bufferAfterMinutes * MINUTE_MS;

  // Horizon: the last bookable date is today + horizonDays in the owner's zone, that whole date included.
  const today = ownerClock.localDay(q.nowMs);
  const earliest = Math.max(fromMs, q.nowMs + rules.minimumNoticeMinutes * MINUTE_MS);
  const latest = Math.min(toMs, ownerClock.startOfDay(today + rules.horizonDays + 1));
  if (earliest >= latest) return [];

  // Two days past the last start's date: a slot of up to 24 h may run through a 23-hour DST day.
  const lastDay = ownerClock.localDay(latest - 1) + 2;
  const windows = openingWindows(
    compileOpeningHours(rules),
    ownerClock,
    ownerClock.localDay(earliest),
    lastDay,
    today - 1,
  );
  const overlapsBlocked = overlapCursor(
    blockedIntervals(q.bookings, q.busy, earliest - bufferBeforeMs, latest + durationMs + bufferAfterMs),
  );
  const dateIsFull = fullDayCheck(
    rules,
    q.bookings,
    ownerClock,
    earliest - LIMIT_MARGIN_MS,
    latest + LIMIT_MARGIN_MS,
  );

  const starts: number[] = [];
  for (const window of windows) {
    if (window.startMs >= latest) break;
    // The grid is counted from the window's start and nothing else: a busy block or a booking
    // removes the slots it touches but never shifts the ones after it. Slot times thus depend
    // only on the owner's hours, so the start a visitor was shown is still on the grid when they
    // book it, whatever was booked or synced in between, and the times stay round (10:00, not
    // 10:37 after a meeting ending at 10:37 minus its buffer). Elapsed time, not wall time, makes
    // the grid: a window spanning a DST change keeps evenly spaced, distinct instants.
    const firstStep = Math.max(0, Math.ceil((earliest - window.startMs) / intervalMs));
    for (
      let start = window.startMs + firstStep * intervalMs;
      start < latest && start + durationMs <= window.endMs;
      start += intervalMs
    ) {
      // Buffers keep other commitments at a distance but never trim the owner's own hours.
      if (overlapsBlocked(start - bufferBeforeMs, start + durationMs + bufferAfterMs)) continue;
      if (dateIsFull?.(start)) continue;
      starts.push(start);
    }
  }
  return starts;
}

/** Guards the loops above: a zero interval would never end, a NaN would silently offer nothing. */
function assertComputable(rules: SlotRules, nowMs: number): void {
  const interval = rules.slotIntervalMinutes ?? rules.durationMinutes;
  const counts = [rules.bufferBeforeMinutes, rules.bufferAfterMinutes, rules.minimumNoticeMinutes];
  if (
    !(rules.durationMinutes > 0 && rules.durationMinutes <= MAX_DURATION_MINUTES) ||
    !(interval > 0 && interval <= MAX_DURATION_MINUTES) ||
    !(rules.horizonDays >= 0 && rules.horizonDays <= MAX_HORIZON_DAYS) ||
    !counts.every((n) => Number.isFinite(n) && n >= 0) ||
    !Number.isSafeInteger(nowMs)
  ) {
    throw new RangeError("Slot rules or clock out of range; check them with validateSlotRules");
  }
}
