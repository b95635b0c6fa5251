import { describe, expect, it } from "vitest";
import type { ExistingBooking, SlotQuery, SlotRules } from "../../src/scheduling/slots.ts";
import { computeSlots, isSlotBookable } from "../../src/scheduling/slots.ts";

// Owner in Paris; 2027-05-03 is a Monday (CEST, +02:00).
const NOW = Date.parse("2027-05-01T00:00:00Z");

function rules(overrides: Partial<SlotRules> = {}): SlotRules {
  return {
    timeZone: "Europe/Paris",
    durationMinutes: 60,
    weeklyHours: { mon: [["09:00", "12:00"]] },
    dateOverrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 60,
    ...overrides,
  };
}

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    rules: rules(),
    bookings: [],
    busy: [],
    nowMs: NOW,
    from: "2027-05-03",
    to: "2027-05-03",
    visitorTimeZone: "Europe/Paris",
    ...overrides,
  };
}

/** Wall times "HH:MM" of the slots on one visitor date. */
function timesOn(q: SlotQuery, date: string): string[] {
  return (computeSlots(q).slots[date] ?? []).map((slot) => slot.start.slice(11, 16));
}

function paris(local: string): number {
  return Date.parse(`${local}+02:00`);
}

function booking(
  startLocal: string,
  endLocal: string,
  extra: Partial<ExistingBooking> = {},
): ExistingBooking {
  return {
    startMs: paris(startLocal),
    endMs: paris(endLocal),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    sameEventType: true,
    ...extra,
  };
}

describe("computeSlots: the grid", () => {
  it("lays slots on the duration grid of each window, as ISO instants with the visitor's offset", () => {
    const result = computeSlots(
      query({
        rules: rules({
          weeklyHours: {
            mon: [
              ["09:00", "12:00"],
              ["14:00", "16:00"],
            ],
          },
        }),
      }),
    );
    expect(result.timeZone).toBe("Europe/Paris");
    expect(result.slots).toEqual({
      "2027-05-03": [
        { start: "2027-05-03T09:00:00+02:00", end: "2027-05-03T10:00:00+02:00" },
        { start: "2027-05-03T10:00:00+02:00", end: "2027-05-03T11:00:00+02:00" },
        { start: "2027-05-03T11:00:00+02:00", end: "2027-05-03T12:00:00+02:00" },
        { start: "2027-05-03T14:00:00+02:00", end: "2027-05-03T15:00:00+02:00" },
        { start: "2027-05-03T15:00:00+02:00", end: "2027-05-03T16:00:00+02:00" },
      ],
    });
  });

  it("steps by slotIntervalMinutes from the window's start and drops a slot that would end after the window", () => {
    const r = rules({
      durationMinutes: 45,
      slotIntervalMinutes: 30,
      weeklyHours: { mon: [["09:00", "11:00"]], tue: [["09:10", "10:30"]] },
    });
    expect(timesOn(query({ rules: r }), "2027-05-03")).toEqual(["09:00", "09:30", "10:00"]);
    expect(timesOn(query({ rules: r, from: "2027-05-04", to: "2027-05-04" }), "2027-05-04")).toEqual([
      "09:10",
      "09:40",
    ]);
  });

  it("merges overlapping windows and counts the grid from the merged start, without duplicates", () => {
    const r = rules({
      durationMinutes: 45,
      weeklyHours: {
        mon: [
          ["10:00", "12:00"],
          ["09:00", "10:30"],
        ],
      },
    });
    // Separate grids would also offer 10:00 and 10:45.
    expect(timesOn(query({ rules: r }), "2027-05-03")).toEqual(["09:00", "09:45", "10:30", "11:15"]);
  });

  it("joins a window ending at 24:00 with the next day's 00:00 window, so a slot can cross midnight", () => {
    const r = rules({
      durationMinutes: 90,
      slotIntervalMinutes: 30,
      weeklyHours: { mon: [["22:00", "24:00"]], tue: [["00:00", "01:30"]] },
    });
    const result = computeSlots(query({ rules: r, to: "2027-05-04" }));
    expect(result.slots["2027-05-03"]!.map((s) => [s.start.slice(11, 16), s.end])).toEqual([
      ["22:00", "2027-05-03T23:30:00+02:00"],
      ["22:30", "2027-05-04T00:00:00+02:00"],
      ["23:00", "2027-05-04T00:30:00+02:00"],
      ["23:30", "2027-05-04T01:00:00+02:00"],
    ]);
    expect(result.slots["2027-05-04"]!.map((s) => s.start)).toEqual(["2027-05-04T00:00:00+02:00"]);
  });

  it("keeps the grid of a window begun the day before when asked only for the next day", () => {
    const r = rules({
      durationMinutes: 45,
      weeklyHours: { mon: [["23:00", "24:00"]], tue: [["00:00", "02:00"]] },
    });
    // The merged window opens Monday 23:00: 23:00, 23:45, 00:30, 01:15 — not 00:00, 00:45.
    const tuesday = query({ rules: r, from: "2027-05-04", to: "2027-05-04" });
    expect(timesOn(tuesday, "2027-05-04")).toEqual(["00:30", "01:15"]);
    const availability = { rules: r, bookings: [], busy: [], nowMs: NOW };
    expect(isSlotBookable(availability, paris("2027-05-04T00:30:00"))).toBe(true);
    expect(isSlotBookable(availability, paris("2027-05-04T00:00:00"))).toBe(false);
  });

  it("does not join windows across a gap, so nothing crosses a closed midnight", () => {
    const r = rules({
      durationMinutes: 90,
      slotIntervalMinutes: 30,
      weeklyHours: { mon: [["22:00", "23:59"]], tue: [["00:00", "01:30"]] },
    });
    const result = computeSlots(query({ rules: r, to: "2027-05-04" }));
    expect(result.slots["2027-05-03"]!.map((s) => s.start.slice(11, 16))).toEqual(["22:00"]);
    expect(result.slots["2027-05-04"]!.map((s) => s.start.slice(11, 16))).toEqual(["00:00"]);
  });

  it("lets a date override replace that date's weekly hours, and [] close it", () => {
    const r = rules({
      weeklyHours: { mon: [["09:00", "12:00"]] },
      dateOverrides: [
        { date: "2027-05-03", hours: [["15:00", "17:00"]] },
        { date: "2027-05-10", hours: [] },
        { date: "2027-05-08", hours: [["10:00", "11:00"]] },
      ],
    });
    const result = computeSlots(query({ rules: r, to: "2027-05-17" }));
    expect(Object.keys(result.slots)).toEqual(["2027-05-03", "2027-05-08", "2027-05-17"]);
    expect(result.slots["2027-05-03"]!.map((s) => s.start.slice(11, 16))).toEqual(["15:00", "16:00"]);
    expect(result.slots["2027-05-08"]!.map((s) => s.start.slice(11, 16))).toEqual(["10:00"]);
  });

  it("returns nothing when to is before from, and rejects malformed dates", () => {
    expect(computeSlots(query({ from: "2027-05-04", to: "2027-05-03" })).slots).toEqual({});
    expect(() => computeSlots(query({ from: "2027-02-30" }))).toThrow(RangeError);
    expect(() => computeSlots(query({ visitorTimeZone: "Mars/Olympus" }))).toThrow(RangeError);
  });

  it("clamps an enormous visitor range to the horizon without walking the years in between", () => {
    const startedAt = performance.now();
    const result = computeSlots(
      query({ rules: rules({ horizonDays: 7 }), from: "0001-01-01", to: "9999-12-31" }),
    );
    expect(Object.keys(result.slots)).toEqual(["2027-05-03"]);
    expect(performance.now() - startedAt).toBeLessThan(500);
  });

  it("skips malformed hours that slipped past validation instead of throwing", () => {
    const sloppy = {
      ...rules(),
      weeklyHours: { mon: [["9h", "12:00"], null, ["10:00", "11:00"]] },
      dateOverrides: undefined,
    } as unknown as SlotRules;
    expect(timesOn(query({ rules: sloppy }), "2027-05-03")).toEqual(["10:00"]);
  });

  it("refuses rules that would never finish instead of looping", () => {
    expect(() => computeSlots(query({ rules: rules({ slotIntervalMinutes: 0 }) }))).toThrow(RangeError);
    expect(() => computeSlots(query({ rules: rules({ durationMinutes: Number.NaN }) }))).toThrow(RangeError);
  });
});

describe("computeSlots: busy times, bookings and buffers", () => {
  const morning = rules({ weeklyHours: { mon: [["09:00", "13:00"]] } });

  it("removes only the slots a busy block touches and never shifts the grid", () => {
    const busy = [{ startMs: paris("2027-05-03T10:15:00"), endMs: paris("2027-05-03T10:45:00") }];
    expect(timesOn(query({ rules: morning, busy }), "2027-05-03")).toEqual(["09:00", "11:00", "12:00"]);
  });

  it("treats intervals as half-open: touching is not overlapping", () => {
    const busy = [
      { startMs: paris("2027-05-03T08:00:00"), endMs: paris("2027-05-03T09:00:00") },
      { startMs: paris("2027-05-03T11:00:00"), endMs: paris("2027-05-03T11:00:01") },
    ];
    expect(timesOn(query({ rules: morning, busy }), "2027-05-03")).toEqual(["09:00", "10:00", "12:00"]);
  });

  it("keeps the event's own buffers clear of busy time without trimming the owner's hours", () => {
    const buffered = { ...morning, bufferBeforeMinutes: 15, bufferAfterMinutes: 10 };
    expect(timesOn(query({ rules: buffered }), "2027-05-03")).toEqual(["09:00", "10:00", "11:00", "12:00"]);
    const busy = [{ startMs: paris("2027-05-03T11:05:00"), endMs: paris("2027-05-03T11:30:00") }];
    // 10:00 ends 11:00 + 10 min after-buffer → overlaps 11:05; 12:00 starts 15 min after 11:30.
    expect(timesOn(query({ rules: buffered, busy }), "2027-05-03")).toEqual(["09:00", "12:00"]);
    const touching = [{ startMs: paris("2027-05-03T11:10:00"), endMs: paris("2027-05-03T11:45:00") }];
    expect(timesOn(query({ rules: buffered, busy: touching }), "2027-05-03")).toEqual([
      "09:00",
      "10:00",
      "12:00",
    ]);
  });

  it("widens an existing booking by its own buffers", () => {
    const bookings = [
      booking("2027-05-03T10:00:00", "2027-05-03T11:00:00", {
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 30,
      }),
    ];
    // Blocked span 09:45–11:30 removes 09:00 (ends 10:00), 10:00 and 11:00.
    expect(timesOn(query({ rules: morning, bookings }), "2027-05-03")).toEqual(["12:00"]);
  });

  it("blocks with bookings of other event types too, but ignores malformed busy entries", () => {
    const bookings = [booking("2027-05-03T09:00:00", "2027-05-03T10:00:00", { sameEventType: false })];
    const busy = [{ startMs: Number.NaN, endMs: Number.NaN }];
    expect(timesOn(query({ rules: morning, bookings, busy }), "2027-05-03")).toEqual([
      "10:00",
      "11:00",
      "12:00",
    ]);
  });

  it("handles thousands of unsorted busy intervals", () => {
    const busy = Array.from({ length: 3000 }, (_, i) => {
      const startMs = paris("2027-05-03T11:59:00") - i * 60_000;
      return { startMs, endMs: startMs + 30_000 };
    }).reverse();
    busy.sort((a, b) => (a.startMs % 7) - (b.startMs % 7));
    // Every minute from two days before until 11:59 is touched: only 12:00 survives.
    expect(timesOn(query({ rules: morning, busy }), "2027-05-03")).toEqual(["12:00"]);
  });
});

describe("computeSlots: notice, horizon and limits", () => {
  const week = rules({
    weeklyHours: {
      mon: [["09:00", "11:00"]],
      tue: [["09:00", "11:00"]],
      wed: [["00:00", "02:00"]],
      sun: [["09:00", "10:00"]],
    },
  });

  it("applies minimum notice from nowMs, a start exactly at the notice boundary included", () => {
    const r = { ...week, slotIntervalMinutes: 30, minimumNoticeMinutes: 60 };
    const nowMs = paris("2027-05-03T08:30:00");
    expect(timesOn(query({ rules: r, nowMs }), "2027-05-03")).toEqual(["09:30", "10:00"]);
  });

  it("never offers a slot in the past", () => {
    expect(timesOn(query({ rules: week, nowMs: paris("2027-05-03T09:00:01") }), "2027-05-03")).toEqual([
      "10:00",
    ]);
  });

  it("counts the horizon in owner dates, the last date (today + horizonDays) included", () => {
    const nowMs = paris("2027-05-03T00:30:00"); // Monday in Paris, still Sunday in UTC
    const within = (horizonDays: number) =>
      Object.keys(computeSlots(query({ rules: { ...week, horizonDays }, nowMs, to: "2027-05-09" })).slots);
    expect(within(0)).toEqual(["2027-05-03"]);
    expect(within(1)).toEqual(["2027-05-03", "2027-05-04"]);
    expect(within(2)).toEqual(["2027-05-03", "2027-05-04", "2027-05-05"]);
  });

  it("fills a date at maxPerDay bookings of the same event type, dated in the owner's zone", () => {
    const r = { ...week, maxPerDay: 1 };
    // 00:30 in Paris on Wednesday is still Tuesday in UTC: it must fill Wednesday.
    const bookings = [booking("2027-05-05T00:30:00", "2027-05-05T01:00:00", { bufferAfterMinutes: 0 })];
    const result = computeSlots(query({ rules: r, bookings, from: "2027-05-03", to: "2027-05-05" }));
    expect(Object.keys(result.slots)).toEqual(["2027-05-03", "2027-05-04"]);
  });

  it("counts only bookings of the same event type toward maxPerDay", () => {
    const r = { ...week, maxPerDay: 2 };
    const other = booking("2027-05-04T15:00:00", "2027-05-04T16:00:00", { sameEventType: false });
    const same = booking("2027-05-04T17:00:00", "2027-05-04T18:00:00");
    const oneSame = query({ rules: r, bookings: [other, same], from: "2027-05-04", to: "2027-05-04" });
    expect(timesOn(oneSame, "2027-05-04")).toEqual(["09:00", "10:00"]);
    const twoSame = query({
      rules: r,
      bookings: [same, { ...other, sameEventType: true }],
      from: "2027-05-04",
      to: "2027-05-04",
    });
    expect(computeSlots(twoSame).slots).toEqual({});
  });

  it("fills a Monday-to-Sunday owner week at maxPerWeek", () => {
    const r = { ...week, maxPerWeek: 1 };
    // Sunday 23:30 Paris belongs to the week of Monday 3 May; Monday 00:30 Paris (Sunday in UTC) to the next one.
    const sundayNight = booking("2027-05-09T23:30:00", "2027-05-09T23:45:00");
    const q = query({ rules: r, bookings: [sundayNight], from: "2027-05-03", to: "2027-05-16" });
    expect(Object.keys(computeSlots(q).slots)).toEqual([
      "2027-05-10",
      "2027-05-11",
      "2027-05-12",
      "2027-05-16",
    ]);
    const mondayEarly = booking("2027-05-10T00:30:00", "2027-05-10T00:45:00");
    const q2 = query({ rules: r, bookings: [mondayEarly], from: "2027-05-03", to: "2027-05-16" });
    expect(Object.keys(computeSlots(q2).slots)).toEqual([
      "2027-05-03",
      "2027-05-04",
      "2027-05-05",
      "2027-05-09",
    ]);
  });
});

describe("isSlotBookable", () => {
  const base = {
    rules: rules({ weeklyHours: { mon: [["09:00", "12:00"]] } }),
    bookings: [],
    busy: [],
    nowMs: NOW,
  };

  it("accepts exactly the starts computeSlots offers over several weeks", () => {
    const r = rules({
      durationMinutes: 50,
      slotIntervalMinutes: 20,
      weeklyHours: { mon: [["09:00", "12:00"]], tue: [["22:00", "24:00"]], wed: [["00:00", "03:00"]] },
      bufferAfterMinutes: 10,
      maxPerDay: 3,
    });
    const bookings = [booking("2027-05-11T23:00:00", "2027-05-11T23:50:00")];
    const busy = [{ startMs: paris("2027-05-03T10:05:00"), endMs: paris("2027-05-03T10:40:00") }];
    const offered = Object.values(
      computeSlots({
        rules: r,
        bookings,
        busy,
        nowMs: NOW,
        from: "2027-05-01",
        to: "2027-05-21",
        visitorTimeZone: "UTC",
      }).slots,
    )
      .flat()
      .map((slot) => Date.parse(slot.start));
    expect(offered.length).toBeGreaterThan(50);
    const candidates = new Set<number>();
    for (let ms = paris("2027-05-03T00:00:00"); ms < paris("2027-05-20T00:00:00"); ms += 10 * 60_000)
      candidates.add(ms);
    for (const ms of offered) candidates.add(ms);
    const accepted = [...candidates]
      .filter((ms) => isSlotBookable({ rules: r, bookings, busy, nowMs: NOW }, ms))
      .sort((a, b) => a - b);
    expect(accepted).toEqual(offered);
  });

  it("rejects a start off the grid, in the past, beyond the horizon, or taken", () => {
    expect(isSlotBookable(base, paris("2027-05-03T10:00:00"))).toBe(true);
    expect(isSlotBookable(base, paris("2027-05-03T10:30:00"))).toBe(false);
    expect(isSlotBookable(base, paris("2027-05-03T11:30:00"))).toBe(false);
    expect(
      isSlotBookable({ ...base, nowMs: paris("2027-05-03T10:00:01") }, paris("2027-05-03T10:00:00")),
    ).toBe(false);
    expect(
      isSlotBookable({ ...base, rules: { ...base.rules, horizonDays: 1 } }, paris("2027-05-03T10:00:00")),
    ).toBe(false);
    const taken = { ...base, bookings: [booking("2027-05-03T10:00:00", "2027-05-03T11:00:00")] };
    expect(isSlotBookable(taken, paris("2027-05-03T10:00:00"))).toBe(false);
    expect(isSlotBookable(taken, paris("2027-05-03T11:00:00"))).toBe(true);
    expect(isSlotBookable(base, Number.NaN)).toBe(false);
  });
});
