// The owner's day and week bounds decide the daily and weekly booking limits: they must agree with Temporal's
// reading of the zone, DST days (23 and 25 hours) and zones whose clocks jump at midnight included.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dayBounds, isoInZone, todayIn, weekBounds } from "../../src/scheduling/zoned-bounds.ts";

const ZONES = [
  "Europe/Paris",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Havana",
  "Asia/Beirut",
  "Pacific/Kiritimati",
  "UTC",
];

function temporalBounds(ms: number, timeZone: string) {
  const day = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  const start = (d: Temporal.PlainDate) => d.toZonedDateTime({ timeZone }).epochMilliseconds;
  return {
    day: { startMs: start(day), endMs: start(day.add({ days: 1 })) },
    week: { startMs: start(monday), endMs: start(monday.add({ days: 7 })) },
    today: day.toString(),
    iso: Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(timeZone)
      .toString({ timeZoneName: "never", smallestUnit: "second" }),
  };
}

describe("zoned bounds", () => {
  it.each(ZONES)("%s: day, week, date and ISO text agree with Temporal over three years", (timeZone) => {
    // Every 7 h 13 min from 2026 to 2028: every weekday, hour of the day and DST change is met.
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2029, 0, 1);
    for (let ms = from; ms < to; ms += 7 * 3_600_000 + 13 * 60_000 + 17_000) {
      const expected = temporalBounds(ms, timeZone);
      expect(dayBounds(ms, timeZone), `${timeZone} ${ms}`).toEqual(expected.day);
      expect(weekBounds(ms, timeZone), `${timeZone} ${ms}`).toEqual(expected.week);
      expect(todayIn(ms, timeZone)).toBe(expected.today);
      expect(isoInZone(ms, timeZone)).toBe(expected.iso);
    }
  });

  it("a DST day in Paris lasts 23 and 25 hours, and the week holding it 167 and 169", () => {
    const spring = dayBounds(Date.parse("2027-03-28T12:00:00Z"), "Europe/Paris");
    expect((spring.endMs - spring.startMs) / 3_600_000).toBe(23);
    const autumn = dayBounds(Date.parse("2027-10-31T12:00:00Z"), "Europe/Paris");
    expect((autumn.endMs - autumn.startMs) / 3_600_000).toBe(25);
    const week = weekBounds(Date.parse("2027-03-28T12:00:00Z"), "Europe/Paris");
    expect(new Date(week.startMs).toISOString()).toBe("2027-03-21T23:00:00.000Z");
    expect((week.endMs - week.startMs) / 3_600_000).toBe(167);
    const fallWeek = weekBounds(Date.parse("2027-10-31T12:00:00Z"), "Europe/Paris");
    expect((fallWeek.endMs - fallWeek.startMs) / 3_600_000).toBe(169);
  });
});
