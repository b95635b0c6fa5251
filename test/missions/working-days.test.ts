import { describe, expect, it } from "vitest";
import {
  prefillActivityDays,
  sumDays,
  unusualActivityDays,
  validateActivityDays,
} from "../../src/missions/working-days.ts";

const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe("prefillActivityDays", () => {
  it("proposes the weekdays of the month minus public holidays (March 2027: Easter Monday on the 29th)", () => {
    const days = prefillActivityDays("2027-03", [], "2026-01-01");
    expect(days).toHaveLength(22);
    expect(days.every((d) => d.fraction === 1)).toBe(true);
    expect(dates(days)).not.toContain("2027-03-29");
    expect(dates(days)).not.toContain("2027-03-06"); // a Saturday
    expect(sumDays(days)).toBe(22);
  });

  it("skips Ascension and Whit Monday in May 2027, and the owner's days off", () => {
    const days = prefillActivityDays("2027-05", ["2027-05-07", "2027-05-31"], "2027-01-01");
    expect(days).toHaveLength(17);
    for (const excluded of ["2027-05-06", "2027-05-17", "2027-05-07", "2027-05-31"]) {
      expect(dates(days)).not.toContain(excluded);
    }
  });

  it("stays within the mission dates", () => {
    const days = prefillActivityDays("2027-03", ["2027-03-12"], "2027-03-10", "2027-03-24");
    expect(dates(days)).toEqual([
      "2027-03-10",
      "2027-03-11",
      "2027-03-15",
      "2027-03-16",
      "2027-03-17",
      "2027-03-18",
      "2027-03-19",
      "2027-03-22",
      "2027-03-23",
      "2027-03-24",
    ]);
    expect(prefillActivityDays("2027-03", [], "2027-04-01")).toEqual([]);
  });

  it("refuses malformed months and dates", () => {
    expect(() => prefillActivityDays("2027-13", [], "2027-01-01")).toThrow(RangeError);
    expect(() => prefillActivityDays("2027-03", [], "2027-02-30")).toThrow(RangeError);
  });
});

describe("validateActivityDays", () => {
  it("accepts whole and half days, weekends included", () => {
    const days = [
      { date: "2027-03-01", fraction: 1 },
      { date: "2027-03-02", fraction: 0.5 },
      { date: "2027-03-06", fraction: 1 },
    ];
    expect(validateActivityDays("2027-03", days)).toEqual([]);
    expect(sumDays(days)).toBe(2.5);
  });

  it("reports days outside the month, duplicates, bad fractions and bad dates, each with its path", () => {
    const errors = validateActivityDays("2027-03", [
      { date: "2027-04-01", fraction: 1 },
      { date: "2027-03-02", fraction: 0.25 },
      { date: "2027-03-02", fraction: 1 },
      { date: "2027-02-30", fraction: 1 },
      { date: "2027-03-03", fraction: 0 },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      "days[0].date",
      "days[1].fraction",
      "days[2].date",
      "days[3].date",
      "days[4].fraction",
    ]);
    expect(errors[0]?.message).toMatch(/outside 2027-03/);
    expect(errors[2]?.message).toMatch(/twice/);
  });

  it("reports days before the mission starts or after it ends", () => {
    const errors = validateActivityDays(
      "2027-03",
      [
        { date: "2027-03-01", fraction: 1 },
        { date: "2027-03-15", fraction: 1 },
        { date: "2027-03-31", fraction: 1 },
      ],
      { start: "2027-03-10", end: "2027-03-20" },
    );
    expect(errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      "days[0].date 2027-03-01 is before the mission starts (2027-03-10)",
      "days[2].date 2027-03-31 is after the mission ends (2027-03-20)",
    ]);
  });

  it("refuses a malformed month outright", () => {
    expect(validateActivityDays("03/2027", [])).toEqual([{ path: "month", message: expect.any(String) }]);
  });
});

describe("unusualActivityDays", () => {
  it("flags weekends and public holidays, not ordinary weekdays", () => {
    expect(
      unusualActivityDays([
        { date: "2027-03-06" },
        { date: "2027-03-29" },
        { date: "2027-03-30" },
        { date: "2027-07-14" },
      ]),
    ).toEqual([
      { date: "2027-03-06", reason: "weekend" },
      { date: "2027-03-29", reason: "public-holiday" },
      { date: "2027-07-14", reason: "public-holiday" },
    ]);
  });
});
