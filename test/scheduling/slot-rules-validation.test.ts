import { describe, expect, it } from "vitest";
import type { SlotRules } from "../../src/scheduling/slots.ts";
import { validateSlotRules } from "../../src/scheduling/slots.ts";

const valid: SlotRules = {
  timeZone: "Europe/Paris",
  durationMinutes: 30,
  slotIntervalMinutes: 15,
  weeklyHours: {
    mon: [
      ["09:00", "12:00"],
      ["14:00", "24:00"],
    ],
    tue: [["00:00", "02:00"]],
  },
  dateOverrides: [
    { date: "2027-12-25", hours: [] },
    { date: "2028-02-29", hours: [["10:00", "11:00"]] },
  ],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 240,
  horizonDays: 60,
  maxPerDay: 4,
  maxPerWeek: 10,
};

function pathsOf(rules: unknown): string[] {
  return validateSlotRules(rules as SlotRules).map((issue) => issue.path);
}

describe("validateSlotRules", () => {
  it("accepts well-formed rules, including 24:00 as an end and an empty day", () => {
    expect(validateSlotRules(valid)).toEqual([]);
    expect(validateSlotRules({ ...valid, weeklyHours: {}, slotIntervalMinutes: undefined })).toEqual([]);
  });

  it("rejects malformed wall times with the path of the offending bound", () => {
    const weeklyHours = {
      mon: [
        ["9:00", "12:00"],
        ["14:00", "25:00"],
        ["12:60", "13:00"],
        ["24:00", "24:00"],
      ],
    };
    expect(pathsOf({ ...valid, weeklyHours })).toEqual([
      "weeklyHours.mon.0.0",
      "weeklyHours.mon.1.1",
      "weeklyHours.mon.2.0",
      "weeklyHours.mon.3.0",
    ]);
  });

  it("rejects a range that does not end after it starts, but not one ending at 24:00", () => {
    const weeklyHours = {
      wed: [
        ["12:00", "12:00"],
        ["18:00", "09:00"],
        ["18:00", "24:00"],
        ["00:00", "24:00"],
      ],
    };
    const issues = validateSlotRules({ ...valid, weeklyHours } as SlotRules);
    expect(issues.map((i) => i.path)).toEqual(["weeklyHours.wed.0", "weeklyHours.wed.1"]);
    expect(issues[0]!.message).toMatch(/24:00/);
  });

  it("rejects unknown weekdays and shapes that are not lists of pairs", () => {
    const weeklyHours = { monday: [["09:00", "10:00"]], tue: "09:00-10:00", wed: [["09:00"]] };
    expect(pathsOf({ ...valid, weeklyHours })).toEqual([
      "weeklyHours.monday",
      "weeklyHours.tue",
      "weeklyHours.wed.0",
    ]);
  });

  it("rejects an unknown or offset time zone", () => {
    expect(pathsOf({ ...valid, timeZone: "Europe/Pariss" })).toEqual(["timeZone"]);
    expect(pathsOf({ ...valid, timeZone: "+02:00" })).toEqual(["timeZone"]);
    expect(pathsOf({ ...valid, timeZone: undefined })).toEqual(["timeZone"]);
  });

  it("rejects non-positive or fractional duration and interval, and negative buffers or notice", () => {
    expect(pathsOf({ ...valid, durationMinutes: 0, slotIntervalMinutes: -15 })).toEqual([
      "durationMinutes",
      "slotIntervalMinutes",
    ]);
    expect(pathsOf({ ...valid, durationMinutes: 22.5 })).toEqual(["durationMinutes"]);
    expect(pathsOf({ ...valid, durationMinutes: 1441 })).toEqual(["durationMinutes"]);
    expect(pathsOf({ ...valid, bufferBeforeMinutes: -5, minimumNoticeMinutes: Number.NaN })).toEqual([
      "bufferBeforeMinutes",
      "minimumNoticeMinutes",
    ]);
    expect(pathsOf({ ...valid, horizonDays: -1, maxPerDay: 0, maxPerWeek: "3" })).toEqual([
      "horizonDays",
      "maxPerDay",
      "maxPerWeek",
    ]);
  });

  it("rejects impossible and repeated override dates and bad override hours", () => {
    const dateOverrides = [
      { date: "2027-02-29", hours: [] },
      { date: "2027-12-25", hours: [["10:00", "09:00"]] },
      { date: "2027-12-25", hours: [] },
      { date: "25/12/2027" },
    ];
    expect(pathsOf({ ...valid, dateOverrides })).toEqual([
      "dateOverrides.0.date",
      "dateOverrides.1.hours.0",
      "dateOverrides.2.date",
      "dateOverrides.3.date",
      "dateOverrides.3.hours",
    ]);
  });

  it("reports every missing field of an empty or non-object body instead of throwing", () => {
    const required = [
      "timeZone",
      "durationMinutes",
      "bufferBeforeMinutes",
      "bufferAfterMinutes",
      "minimumNoticeMinutes",
      "horizonDays",
      "weeklyHours",
      "dateOverrides",
    ];
    expect(pathsOf({})).toEqual(required);
    expect(pathsOf(null)).toEqual(required);
    expect(pathsOf("rules")).toEqual(required);
  });
});
