import { describe, expect, it } from "vitest";
import {
  easterSunday,
  frenchPublicHolidays,
  publicHolidayDates,
} from "../../src/missions/french-holidays.ts";

describe("easterSunday", () => {
  it.each([
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2038, "2038-04-25"], // the latest possible date
    [2285, "2285-03-22"], // the earliest possible date
    [1954, "1954-04-18"],
  ])("falls in %i on %s", (year, date) => {
    expect(easterSunday(year).toString()).toBe(date);
  });

  it("refuses years before the Gregorian calendar", () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe("frenchPublicHolidays", () => {
  it("lists the eleven days of 2027 in date order", () => {
    expect(frenchPublicHolidays(2027).map((h) => `${h.date} ${h.name.fr}`)).toEqual([
      "2027-01-01 Jour de l'an",
      "2027-03-29 Lundi de Pâques",
      "2027-05-01 Fête du Travail",
      "2027-05-06 Ascension",
      "2027-05-08 Victoire 1945",
      "2027-05-17 Lundi de Pentecôte",
      "2027-07-14 Fête nationale",
      "2027-08-15 Assomption",
      "2027-11-01 Toussaint",
      "2027-11-11 Armistice 1918",
      "2027-12-25 Noël",
    ]);
  });

  it("moves the Easter-based days each year", () => {
    const movable = (year: number) =>
      frenchPublicHolidays(year)
        .filter((h) => ["Easter Monday", "Ascension Day", "Whit Monday"].includes(h.name.en))
        .map((h) => h.date);
    expect(movable(2026)).toEqual(["2026-04-06", "2026-05-14", "2026-05-25"]);
    expect(movable(2028)).toEqual(["2028-04-17", "2028-05-25", "2028-06-05"]);
  });

  it("keeps both days when Ascension falls on 1 May (2008)", () => {
    expect(frenchPublicHolidays(2008).filter((h) => h.date === "2008-05-01")).toHaveLength(2);
  });

  it("adds Good Friday and 26 December in Alsace-Moselle", () => {
    const dates = frenchPublicHolidays(2027, { alsaceMoselle: true }).map((h) => h.date);
    expect(dates).toHaveLength(13);
    expect(dates).toEqual(expect.arrayContaining(["2027-03-26", "2027-12-26"]));
  });

  it("collects the dates of several years", () => {
    const dates = publicHolidayDates(2027, 2028);
    expect(dates.size).toBe(22);
    expect(dates.has("2028-04-17")).toBe(true);
  });
});
