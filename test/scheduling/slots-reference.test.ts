// The fast engine against a slow, obvious one written with Temporal for every conversion and
// plain O(n²) scans, on seeded random schedules around DST changes in many zones.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type {
  ExistingBooking,
  HoursRange,
  Slot,
  SlotQuery,
  SlotRules,
  Weekday,
} from "../../src/scheduling/slots.ts";
import { computeSlots, isSlotBookable, validateSlotRules } from "../../src/scheduling/slots.ts";

const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const ZONES = [
  "Europe/Paris",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "America/Santiago",
  "UTC",
];
const AROUND = [
  "2027-03-10",
  "2027-03-24",
  "2027-04-01",
  "2027-09-01",
  "2027-09-30",
  "2027-10-27",
  "2027-11-04",
];
const MINUTE = 60_000;

/** The first instant whose wall clock shows `time` on `date` or later. */
function wallInstant(date: Temporal.PlainDate, time: string, timeZone: string): number {
  const wall = time === "24:00" ? date.add({ days: 1 }).toPlainDateTime() : date.toPlainDateTime(time);
  const first = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (first.toPlainDateTime().equals(wall)) return first.epochMilliseconds;
  return first.getTimeZoneTransition("next")!.epochMilliseconds;
}

function referenceSlots(q: SlotQuery): Record<string, Slot[]> {
  const { rules } = q;
  const zone = rules.timeZone;
  const ownerDate = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
  const today = ownerDate(q.nowMs);
  const horizonEnd = today.add({ days: rules.horizonDays + 1 }).toZonedDateTime(zone).epochMilliseconds;
  const rangeStart = Temporal.PlainDate.from(q.from).toZonedDateTime(q.visitorTimeZone).epochMilliseconds;
  const rangeEnd = Temporal.PlainDate.from(q.to)
    .add({ days: 1 })
    .toZonedDateTime(q.visitorTimeZone).epochMilliseconds;

  const raw: [number, number][] = [];
  for (
    let d = today.subtract({ days: 1 });
    Temporal.PlainDate.compare(d, today.add({ days: rules.horizonDays + 3 })) <= 0;
    d = d.add({ days: 1 })
  ) {
    const override = rules.dateOverrides.find((o) => o.date === d.toString());
    const hours = override ? override.hours : (rules.weeklyHours[WEEKDAYS[d.dayOfWeek - 1]!] ?? []);
    for (const [start, end] of hours) raw.push([wallInstant(d, start, zone), wallInstant(d, end, zone)]);
  }
  const windows: [number, number][] = [];
  for (const [s, e] of raw.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])) {
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }

  const duration = rules.durationMinutes * MINUTE;
  const interval = (rules.slotIntervalMinutes ?? rules.durationMinutes) * MINUTE;
  const same = q.bookings.filter((b) => b.sameEventType).map((b) => ownerDate(b.startMs));
  const result: Record<string, Slot[]> = {};
  for (const [windowStart, windowEnd] of windows) {
    for (let t = windowStart; t + duration <= windowEnd; t += interval) {
      if (
        t < rangeStart ||
        t < q.nowMs + rules.minimumNoticeMinutes * MINUTE ||
        t >= rangeEnd ||
        t >= horizonEnd
      )
        continue;
      const from = t - rules.bufferBeforeMinutes * MINUTE;
      const to = t + duration + rules.bufferAfterMinutes * MINUTE;
      if (q.busy.some((b) => b.startMs < to && from < b.endMs)) continue;
      const clash = (b: ExistingBooking) =>
        b.startMs - b.bufferBeforeMinutes * MINUTE < to && from < b.endMs + b.bufferAfterMinutes * MINUTE;
      if (q.bookings.some(clash)) continue;
      const date = ownerDate(t);
      const monday = date.subtract({ days: date.dayOfWeek - 1 });
      if (rules.maxPerDay !== undefined && same.filter((d) => d.equals(date)).length >= rules.maxPerDay)
        continue;
      const sameWeek = same.filter((d) => d.subtract({ days: d.dayOfWeek - 1 }).equals(monday)).length;
      if (rules.maxPerWeek !== undefined && sameWeek >= rules.maxPerWeek) continue;
      const show = (ms: number) =>
        Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(q.visitorTimeZone);
      const key = show(t).toPlainDate().toString();
      const slots = result[key] ?? [];
      result[key] = slots;
      slots.push({
        start: show(t).toString({ timeZoneName: "never" }),
        end: show(t + duration).toString({ timeZoneName: "never" }),
      });
    }
  }
  return result;
}

/** mulberry32: a tiny seeded generator, so a failure replays identically. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function randomQuery(seed: number): SlotQuery {
  const rnd = randomSource(seed);
  const ranges = (): HoursRange[] =>
    Array.from({ length: rnd.int(0, 3) }, () => {
      const start = rnd.next() < 0.25 ? 0 : rnd.int(0, 95) * 15;
      const end = rnd.next() < 0.25 ? 1440 : Math.min(1440, start + rnd.int(1, 40) * 15);
      return [hhmm(start), end === 1440 ? "24:00" : hhmm(end)];
    });
  const nowMs =
    Temporal.PlainDate.from(rnd.pick(AROUND)).toZonedDateTime("UTC").epochMilliseconds +
    rnd.int(0, 24 * 60) * MINUTE;
  const visitorTimeZone = rnd.pick(ZONES);
  const from = Temporal.Instant.fromEpochMilliseconds(nowMs)
    .toZonedDateTimeISO(visitorTimeZone)
    .toPlainDate()
    .add({ days: rnd.int(-1, 3) });
  const to = from.add({ days: rnd.int(0, 16) });
  const spanStart = nowMs - 2 * 86_400_000;
  const instant = () => spanStart + rnd.int(0, 24 * 24 * 4) * 15 * MINUTE;
  const rules: SlotRules = {
    timeZone: rnd.pick(ZONES),
    durationMinutes: rnd.pick([15, 30, 45, 50, 60, 90, 120]),
    weeklyHours: Object.fromEntries(WEEKDAYS.filter(() => rnd.next() < 0.8).map((day) => [day, ranges()])),
    dateOverrides: Array.from({ length: rnd.int(0, 2) }, (_, i) => ({
      date: from.add({ days: rnd.int(0, 10) * 2 + i }).toString(),
      hours: ranges(),
    })).filter((o, i, all) => all.findIndex((x) => x.date === o.date) === i),
    bufferBeforeMinutes: rnd.pick([0, 0, 5, 15, 30]),
    bufferAfterMinutes: rnd.pick([0, 0, 10, 15]),
    minimumNoticeMinutes: rnd.pick([0, 30, 240, 1440]),
    horizonDays: rnd.int(0, 20),
  };
  const interval = rnd.pick([undefined, 10, 15, 20, 30, 45, 60]);
  if (interval !== undefined) rules.slotIntervalMinutes = interval;
  if (rnd.next() < 0.4) rules.maxPerDay = rnd.int(1, 3);
  if (rnd.next() < 0.4) rules.maxPerWeek = rnd.int(1, 6);
  const busy = Array.from({ length: rnd.int(0, 25) }, () => {
    const startMs = instant();
    return { startMs, endMs: startMs + rnd.int(1, 12) * 10 * MINUTE };
  });
  const bookings = Array.from({ length: rnd.int(0, 12) }, () => {
    const startMs = instant();
    return {
      startMs,
      endMs: startMs + rnd.int(1, 8) * 15 * MINUTE,
      bufferBeforeMinutes: rnd.pick([0, 10]),
      bufferAfterMinutes: rnd.pick([0, 5, 30]),
      sameEventType: rnd.next() < 0.7,
    };
  });
  return { rules, bookings, busy, nowMs, from: from.toString(), to: to.toString(), visitorTimeZone };
}

describe("computeSlots matches a naive Temporal reference", () => {
  it("on 300 random schedules around DST changes in eight zones", () => {
    let slotCount = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const q = randomQuery(seed);
      expect(validateSlotRules(q.rules)).toEqual([]);
      const expected = referenceSlots(q);
      const actual = computeSlots(q);
      expect(actual.slots, `seed ${seed}`).toEqual(expected);
      const starts = Object.values(actual.slots).flat();
      slotCount += starts.length;
      for (const slot of starts.slice(0, 3)) {
        expect(isSlotBookable(q, Date.parse(slot.start)), `seed ${seed} ${slot.start}`).toBe(true);
        expect(isSlotBookable(q, Date.parse(slot.start) + 5 * MINUTE), `seed ${seed}`).toBe(false);
      }
    }
    // Guard against a generator that only produces empty calendars.
    expect(slotCount).toBeGreaterThan(3000);
  });
});
