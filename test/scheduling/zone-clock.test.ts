import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { DAY_MS, formatIsoDate, parseIsoDate } from "../../src/scheduling/calendar-days.ts";
import { isValidTimeZone, ZoneClock } from "../../src/scheduling/zone-clock.ts";

const ZONES = [
  "Europe/Paris",
  "America/New_York",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "America/Santiago",
  "America/Havana",
  "UTC",
];

const FIRST_DAY = parseIsoDate("2026-01-01")!;
const LAST_DAY = parseIsoDate("2028-12-31")!;

function zoned(ms: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

describe("ZoneClock agrees with Temporal", () => {
  it.each(ZONES)("%s: offset, local date and ISO text of instants over three years", (timeZone) => {
    const clock = new ZoneClock(timeZone);
    // Start in the middle so the clock has to extend its reading both ways.
    clock.offsetAt(parseIsoDate("2027-06-15")! * DAY_MS);
    for (let ms = FIRST_DAY * DAY_MS; ms < LAST_DAY * DAY_MS; ms += 7 * 3_600_000 + 13 * 60_000) {
      const expected = zoned(ms, timeZone);
      expect(clock.offsetAt(ms)).toBe(expected.offsetNanoseconds / 1e6);
      expect(clock.dateLabel(ms)).toBe(expected.toPlainDate().toString());
      expect(clock.format(ms)).toBe(expected.toString({ timeZoneName: "never" }));
    }
  });

  it.each(ZONES)("%s: wall times, with folds taking the first occurrence and gaps the jump", (timeZone) => {
    const clock = new ZoneClock(timeZone);
    let gaps = 0;
    for (let day = parseIsoDate("2027-01-01")!; day <= parseIsoDate("2027-12-31")!; day++) {
      const date = Temporal.PlainDate.from(formatIsoDate(day));
      for (const minute of [0, 30, 60, 90, 120, 150, 180, 570, 1439]) {
        const wall = date.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
        const compatible = wall.toZonedDateTime(timeZone, { disambiguation: "compatible" });
        const exists = compatible.toPlainDateTime().equals(wall);
        const expected = exists
          ? compatible.epochMilliseconds
          : wall.toZonedDateTime(timeZone, { disambiguation: "earlier" }).getTimeZoneTransition("next")!
              .epochMilliseconds;
        if (!exists) gaps++;
        expect(clock.wallToInstant(day, minute)).toBe(expected);
      }
    }
    if (timeZone === "Europe/Paris") expect(gaps).toBe(2); // 02:00 and 02:30 on 2027-03-28
  });

  it.each(ZONES)("%s: start of day is Temporal's, even where clocks jump at midnight", (timeZone) => {
    const clock = new ZoneClock(timeZone);
    for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
      const expected = Temporal.PlainDate.from(formatIsoDate(day)).toZonedDateTime(timeZone);
      expect(clock.startOfDay(day)).toBe(expected.epochMilliseconds);
    }
  });

  it("stays right when asked about instants centuries apart, in any order", () => {
    const clock = new ZoneClock("Europe/Paris");
    for (const iso of [
      "2027-07-01T12:00:00Z",
      "1900-01-01T00:00:00Z",
      "2027-01-01T12:00:00Z",
      "2300-07-01T00:00:00Z",
    ]) {
      const ms = Date.parse(iso);
      expect(clock.offsetAt(ms), iso).toBe(zoned(ms, "Europe/Paris").offsetNanoseconds / 1e6);
    }
  });

  it("knows Santiago skips a midnight, so the test above covers that case", () => {
    const missing = Temporal.PlainDateTime.from("2027-09-05T00:00").toZonedDateTime("America/Santiago");
    expect(missing.hour).toBe(1);
    expect(new ZoneClock("America/Santiago").startOfDay(parseIsoDate("2027-09-05")!)).toBe(
      missing.epochMilliseconds,
    );
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names (any case) and refuses offsets, unknown names and non-strings", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("europe/paris")).toBe(true);
    expect(new ZoneClock("europe/paris").timeZone).toBe("Europe/Paris");
    for (const bad of ["+05:30", "-03:00", "", "Mars/Olympus", "Europe/Paris\n", 42, null, undefined]) {
      expect(isValidTimeZone(bad)).toBe(false);
    }
  });
});

describe("calendar days", () => {
  it("round-trips dates from year 0000 to 9999 and refuses impossible ones", () => {
    for (const date of ["0000-01-01", "0001-01-01", "0099-12-31", "1970-01-01", "2028-02-29", "9999-12-31"]) {
      const day = parseIsoDate(date);
      expect(day, date).toBe(Temporal.PlainDate.from(date).since("1970-01-01").days);
      expect(formatIsoDate(day!)).toBe(date);
    }
    for (const bad of [
      "2027-02-29",
      "2027-13-01",
      "2027-00-10",
      "2027-1-01",
      "27-01-01",
      "2027-01-01T00:00",
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });
});
