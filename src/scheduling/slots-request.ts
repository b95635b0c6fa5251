// GET …/slots query: a date range of at most 62 days in a valid zone, else 400.
import { isValidTimeZone } from "../accounts/owner-input.ts";
import { AppError, type FieldError } from "../platform/http/problems.ts";
import { parseIsoDate } from "./calendar-days.ts";

export const MAX_RANGE_DAYS = 62;

// Epoch-day arithmetic rather than Temporal: this runs on every slots request.
function epochDay(value: string | undefined): number | null {
  return value ? parseIsoDate(value) : null;
}

export function parseSlotsQuery(q: { from?: string; to?: string; timeZone?: string }): {
  from: string;
  to: string;
  timeZone: string;
} {
  const errors: FieldError[] = [];
  const from = epochDay(q.from);
  const to = epochDay(q.to);
  if (from === null) errors.push({ path: "from", message: "use a date as YYYY-MM-DD" });
  if (to === null) errors.push({ path: "to", message: "use a date as YYYY-MM-DD" });
  if (!q.timeZone || !isValidTimeZone(q.timeZone))
    errors.push({ path: "timeZone", message: "is not a known IANA time zone" });
  if (from !== null && to !== null) {
    const days = to - from;
    if (days < 0) errors.push({ path: "to", message: "must not be before from" });
    else if (days + 1 > MAX_RANGE_DAYS)
      errors.push({ path: "to", message: `the range must be at most ${MAX_RANGE_DAYS} days` });
  }
  if (errors.length)
    throw new AppError("bad_request", {
      detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
      errors,
    });
  return { from: q.from!, to: q.to!, timeZone: q.timeZone! };
}

/** Instants bounding the visitor's date range, with a day of margin on each side for any offset. */
export function rangeInstants(from: string, to: string): { fromMs: number; toMs: number } {
  return {
    fromMs: Date.parse(`${from}T00:00:00Z`) - 86_400_000,
    toMs: Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000,
  };
}
