import { describe, expect, it } from "vitest";
import type { SlotQuery, SlotRules } from "../../src/scheduling/slots.ts";
import { computeSlots } from "../../src/scheduling/slots.ts";

const NOW = Date.parse("2027-01-01T00:00:00Z");

function rules(
  timeZone: string,
  weeklyHours: SlotRules["weeklyHours"],
  extra: Partial<SlotRules> = {},
): SlotRules {
  return {
    timeZone,
    durationMinutes: 60,
    weeklyHours,
    dateOverrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 365,
    ...extra,
  };
}

function slots(r: SlotRules, from: string, to: string, visitorTimeZone = r.timeZone) {
  const q: SlotQuery = { rules: r, bookings: [], busy: [], nowMs: NOW, from, to, visitorTimeZone };
  return computeSlots(q).slots;
}

function startsOn(r: SlotRules, date: string, visitorTimeZone = r.timeZone): string[] {
  return (slots(r, date, date, visitorTimeZone)[date] ?? []).map((s) => s.start);
}

describe("Europe/Paris across DST", () => {
  it("spring forward (2027-03-28): the missing hour yields no slot and no duplicate", () => {
    const r = rules("Europe/Paris", { sun: [["00:00", "06:00"]] });
    expect(startsOn(r, "2027-03-28")).toEqual([
      "2027-03-28T00:00:00+01:00",
      "2027-03-28T01:00:00+01:00",
      "2027-03-28T03:00:00+02:00",
      "2027-03-28T04:00:00+02:00",
      "2027-03-28T05:00:00+02:00",
    ]);
  });

  it("a window wholly inside the gap is closed that day, not slid an hour later", () => {
    const r = rules("Europe/Paris", { sun: [["02:15", "02:45"]] }, { durationMinutes: 30 });
    expect(startsOn(r, "2027-03-28")).toEqual([]);
    expect(startsOn(r, "2027-04-04")).toEqual(["2027-04-04T02:15:00+02:00"]);
  });

  it("a window starting inside the gap opens when the clocks jump", () => {
    const r = rules("Europe/Paris", { sun: [["02:30", "05:00"]] });
    expect(startsOn(r, "2027-03-28")).toEqual(["2027-03-28T03:00:00+02:00", "2027-03-28T04:00:00+02:00"]);
  });

  it("fall back (2027-10-31): the repeated hour is offered twice, as two distinct instants", () => {
    const r = rules("Europe/Paris", { sun: [["00:00", "04:00"]] });
    expect(startsOn(r, "2027-10-31")).toEqual([
      "2027-10-31T00:00:00+02:00",
      "2027-10-31T01:00:00+02:00",
      "2027-10-31T02:00:00+02:00",
      "2027-10-31T02:00:00+01:00",
      "2027-10-31T03:00:00+01:00",
    ]);
  });

  it("keeps weekly hours on the wall clock, so their UTC instants move by an hour", () => {
    const r = rules("Europe/Paris", { mon: [["09:00", "10:00"]] });
    expect(startsOn(r, "2027-03-22", "UTC")).toEqual(["2027-03-22T08:00:00+00:00"]);
    expect(startsOn(r, "2027-03-29", "UTC")).toEqual(["2027-03-29T07:00:00+00:00"]);
    expect(startsOn(r, "2027-11-01", "UTC")).toEqual(["2027-11-01T08:00:00+00:00"]);
  });

  it("shows a visitor whose own DST differs the right local time in each week", () => {
    // The US moves on 2027-03-14, Europe on 2027-03-28.
    const r = rules("Europe/Paris", { mon: [["09:00", "10:00"]] });
    expect(startsOn(r, "2027-03-08", "America/Los_Angeles")).toEqual(["2027-03-08T00:00:00-08:00"]);
    expect(startsOn(r, "2027-03-15", "America/Los_Angeles")).toEqual(["2027-03-15T01:00:00-07:00"]);
    expect(startsOn(r, "2027-03-29", "America/Los_Angeles")).toEqual(["2027-03-29T00:00:00-07:00"]);
  });
});

describe("other zones", () => {
  it("America/New_York: 09:00–17:00 stays 09:00 local on both sides of 2027-03-14", () => {
    const r = rules("America/New_York", { fri: [["09:00", "10:00"]], mon: [["09:00", "10:00"]] });
    const result = slots(r, "2027-03-12", "2027-03-15", "UTC");
    expect(Object.values(result).flatMap((day) => day.map((s) => s.start))).toEqual([
      "2027-03-12T14:00:00+00:00",
      "2027-03-15T13:00:00+00:00",
    ]);
  });

  it("America/New_York spring forward night: 01:00–04:00 holds two real hours", () => {
    const r = rules("America/New_York", { sun: [["01:00", "04:00"]] });
    expect(startsOn(r, "2027-03-14")).toEqual(["2027-03-14T01:00:00-05:00", "2027-03-14T03:00:00-04:00"]);
  });

  it("America/New_York fall back (2027-11-07): 01:00–03:00 holds three real hours", () => {
    const r = rules("America/New_York", { sun: [["01:00", "03:00"]] });
    expect(startsOn(r, "2027-11-07")).toEqual([
      "2027-11-07T01:00:00-04:00",
      "2027-11-07T01:00:00-05:00",
      "2027-11-07T02:00:00-05:00",
    ]);
  });

  it("Asia/Kolkata: half-hour offset in output and for a visitor in Paris", () => {
    const r = rules("Asia/Kolkata", { mon: [["09:00", "11:00"]] });
    expect(startsOn(r, "2027-05-03")).toEqual(["2027-05-03T09:00:00+05:30", "2027-05-03T10:00:00+05:30"]);
    expect(slots(r, "2027-05-03", "2027-05-03", "Europe/Paris")["2027-05-03"]).toEqual([
      { start: "2027-05-03T05:30:00+02:00", end: "2027-05-03T06:30:00+02:00" },
      { start: "2027-05-03T06:30:00+02:00", end: "2027-05-03T07:30:00+02:00" },
    ]);
  });

  it("Australia/Lord_Howe: the 30-minute fall back (2027-04-04) repeats 01:30–02:00", () => {
    const r = rules("Australia/Lord_Howe", { sun: [["01:00", "03:00"]] }, { durationMinutes: 30 });
    expect(startsOn(r, "2027-04-04")).toEqual([
      "2027-04-04T01:00:00+11:00",
      "2027-04-04T01:30:00+11:00",
      "2027-04-04T01:30:00+10:30",
      "2027-04-04T02:00:00+10:30",
      "2027-04-04T02:30:00+10:30",
    ]);
  });

  it("Australia/Lord_Howe: the 30-minute spring forward (2027-10-03) keeps elapsed-time spacing", () => {
    const r = rules("Australia/Lord_Howe", { sun: [["01:00", "04:00"]] });
    // 01:00 + 60 real minutes is 02:30 on the new clock; 03:30 would end after 04:00.
    expect(startsOn(r, "2027-10-03")).toEqual(["2027-10-03T01:00:00+10:30", "2027-10-03T02:30:00+11:00"]);
    expect(startsOn(r, "2027-10-10")).toEqual([
      "2027-10-10T01:00:00+11:00",
      "2027-10-10T02:00:00+11:00",
      "2027-10-10T03:00:00+11:00",
    ]);
  });
});

describe("visitors far from the owner", () => {
  const parisMorning = rules("Europe/Paris", { mon: [["08:00", "10:00"]], tue: [["14:00", "16:00"]] });

  it("America/Los_Angeles: a Paris morning straddles the visitor's midnight and lands on two dates", () => {
    const result = slots(parisMorning, "2027-05-02", "2027-05-03", "America/Los_Angeles");
    expect(result).toEqual({
      "2027-05-02": [{ start: "2027-05-02T23:00:00-07:00", end: "2027-05-03T00:00:00-07:00" }],
      "2027-05-03": [{ start: "2027-05-03T00:00:00-07:00", end: "2027-05-03T01:00:00-07:00" }],
    });
  });

  it("from..to are the visitor's dates: a one-day range cuts the owner's window at the visitor's midnight", () => {
    expect(startsOn(parisMorning, "2027-05-03", "America/Los_Angeles")).toEqual([
      "2027-05-03T00:00:00-07:00",
    ]);
  });

  it("Pacific/Auckland: a Paris afternoon is the next morning, keyed on the visitor's date", () => {
    const result = slots(parisMorning, "2027-05-04", "2027-05-05", "Pacific/Auckland");
    expect(result).toEqual({
      "2027-05-05": [
        { start: "2027-05-05T00:00:00+12:00", end: "2027-05-05T01:00:00+12:00" },
        { start: "2027-05-05T01:00:00+12:00", end: "2027-05-05T02:00:00+12:00" },
      ],
    });
  });
});
