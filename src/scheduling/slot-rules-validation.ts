// Checks slot rules as they arrive from the outside (owner API, imports): every field is read
// as unknown, so even a malformed body yields issues, never an exception.
import { parseIsoDate, WEEKDAYS } from "./calendar-days.ts";
import type { RuleIssue, SlotRules } from "./slot-types.ts";
import { parseWallTime } from "./weekly-hours.ts";
import { isValidTimeZone } from "./zone-clock.ts";

/** A slot longer than a day is not a meeting; the engine relies on this bound. */
export const MAX_DURATION_MINUTES = 24 * 60;
/** Ten years: far enough for anyone, near enough for time-zone data and loops. */
export const MAX_HORIZON_DAYS = 3660;

export function validateSlotRules(rules: SlotRules): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const input: Record<string, unknown> = isRecord(rules) ? rules : {};
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  if (!isValidTimeZone(input["timeZone"])) add("timeZone", "must be an IANA time zone such as Europe/Paris");
  checkCount(input, "durationMinutes", { min: 1, max: MAX_DURATION_MINUTES, required: true }, add);
  checkCount(input, "slotIntervalMinutes", { min: 1, max: MAX_DURATION_MINUTES, required: false }, add);
  checkCount(input, "bufferBeforeMinutes", { min: 0, max: MAX_DURATION_MINUTES, required: true }, add);
  checkCount(input, "bufferAfterMinutes", { min: 0, max: MAX_DURATION_MINUTES, required: true }, add);
  checkCount(input, "minimumNoticeMinutes", { min: 0, max: MAX_HORIZON_DAYS * 1440, required: true }, add);
  checkCount(input, "horizonDays", { min: 0, max: MAX_HORIZON_DAYS, required: true }, add);
  checkCount(input, "maxPerDay", { min: 1, max: Number.POSITIVE_INFINITY, required: false }, add);
  checkCount(input, "maxPerWeek", { min: 1, max: Number.POSITIVE_INFINITY, required: false }, add);

  const weeklyHours = input["weeklyHours"];
  if (!isRecord(weeklyHours)) {
    add("weeklyHours", "must be an object keyed by mon, tue, wed, thu, fri, sat, sun");
  } else {
    for (const [day, ranges] of Object.entries(weeklyHours)) {
      if (!(WEEKDAYS as readonly string[]).includes(day)) add(`weeklyHours.${day}`, "is not a weekday key");
      else checkRanges(ranges, `weeklyHours.${day}`, add);
    }
  }

  const overrides = input["dateOverrides"];
  if (!Array.isArray(overrides)) {
    add("dateOverrides", "must be a list of { date, hours }");
  } else {
    const seen = new Set<string>();
    overrides.forEach((override: unknown, i) => {
      const path = `dateOverrides.${i}`;
      if (!isRecord(override)) {
        add(path, "must be an object { date, hours }");
        return;
      }
      const date = override["date"];
      if (typeof date !== "string" || parseIsoDate(date) === null)
        add(`${path}.date`, "must be a date YYYY-MM-DD");
      else if (seen.has(date)) add(`${path}.date`, `${date} is overridden twice`);
      else seen.add(date);
      checkRanges(override["hours"], `${path}.hours`, add);
    });
  }
  return issues;
}

type AddIssue = (path: string, message: string) => void;

function checkRanges(ranges: unknown, path: string, add: AddIssue): void {
  if (!Array.isArray(ranges)) {
    add(path, 'must be a list of ["HH:MM", "HH:MM"] ranges');
    return;
  }
  ranges.forEach((range: unknown, i) => {
    const at = `${path}.${i}`;
    if (!Array.isArray(range) || range.length !== 2) {
      add(at, 'must be a pair ["HH:MM", "HH:MM"]');
      return;
    }
    const [start, end] = range as unknown[];
    const startMinute = typeof start === "string" ? parseWallTime(start, false) : null;
    const endMinute = typeof end === "string" ? parseWallTime(end, true) : null;
    if (startMinute === null) add(`${at}.0`, "must be a time HH:MM from 00:00 to 23:59");
    if (endMinute === null) add(`${at}.1`, "must be a time HH:MM from 00:01 to 24:00");
    if (startMinute !== null && endMinute !== null && startMinute >= endMinute) {
      add(at, "must end after it starts (use 24:00 to end at midnight)");
    }
  });
}

function checkCount(
  input: Record<string, unknown>,
  field: string,
  bounds: { min: number; max: number; required: boolean },
  add: AddIssue,
): void {
  const value = input[field];
  if (value === undefined && !bounds.required) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    const range = Number.isFinite(bounds.max)
      ? `from ${bounds.min} to ${bounds.max}`
      : `of at least ${bounds.min}`;
    add(field, `must be a whole number ${range}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
