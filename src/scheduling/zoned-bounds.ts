// The owner's day and Monday-to-Sunday week around an instant, as UTC instants (DST-aware).
import { Temporal } from "temporal-polyfill";

export function dayBounds(ms: number, timeZone: string): { startMs: number; endMs: number } {
  const day = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();
  return {
    startMs: day.toZonedDateTime({ timeZone }).epochMilliseconds,
    endMs: day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}

export function weekBounds(ms: number, timeZone: string): { startMs: number; endMs: number } {
  const day = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  return {
    startMs: monday.toZonedDateTime({ timeZone }).epochMilliseconds,
    endMs: monday.add({ days: 7 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}

/** "2027-03-29T09:00:00+02:00": the instant with the zone's offset, as API.md wants. */
export function isoInZone(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: "never", smallestUnit: "second" });
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
