// Slot engine latency on realistic and heavy calendars. Run alone with `node bench/slots.ts`.
import type { BusyInterval, ExistingBooking, SlotQuery, SlotRules } from "../src/scheduling/slots.ts";
import { computeSlots, isSlotBookable } from "../src/scheduling/slots.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

const MINUTE = 60_000;
// Monday 2027-03-01 06:00 UTC; the 60 days ahead cross both the US and the EU spring DST change.
const NOW = Date.parse("2027-03-01T06:00:00Z");

const rules: SlotRules = {
  timeZone: "Europe/Paris",
  durationMinutes: 30,
  slotIntervalMinutes: 15,
  weeklyHours: Object.fromEntries(
    (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((day) => [
      day,
      [
        ["09:00", "12:30"],
        ["14:00", "18:30"],
      ],
    ]),
  ),
  dateOverrides: [
    { date: "2027-04-05", hours: [] },
    { date: "2027-04-10", hours: [["10:00", "13:00"]] },
  ],
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 240,
  horizonDays: 90,
  maxPerDay: 12,
  maxPerWeek: 60,
};

/** Deterministic so every run measures the same calendars. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** `count` busy times over the 60 days, at random minutes, each up to `longestMinutes` long. */
function busyIntervals(count: number, longestMinutes: number, seed: number): BusyInterval[] {
  const random = lcg(seed);
  return Array.from({ length: count }, () => {
    const startMs = NOW + Math.floor(random() * 60 * 1440) * MINUTE;
    return { startMs, endMs: startMs + (1 + Math.floor(random() * longestMinutes)) * MINUTE };
  });
}

function bookings(count: number, seed: number): ExistingBooking[] {
  const random = lcg(seed);
  return Array.from({ length: count }, () => {
    const startMs = NOW + Math.floor(random() * 60 * 96) * 15 * MINUTE;
    return {
      startMs,
      endMs: startMs + 30 * MINUTE,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      sameEventType: random() < 0.5,
    };
  });
}

function sixtyDays(busy: BusyInterval[], existing: ExistingBooking[]): SlotQuery {
  return {
    rules,
    bookings: existing,
    busy,
    nowMs: NOW,
    from: "2027-03-01",
    to: "2027-04-29",
    visitorTimeZone: "America/New_York",
  };
}

function figure(name: string, value: number, limitMs: number): Figure {
  return { name, value, unit: "ms", budget: `≤ ${limitMs} ms`, ok: value <= limitMs };
}

export async function run(): Promise<Figure[]> {
  const usual = sixtyDays(busyIntervals(500, 120, 1), bookings(200, 2));
  const heavy = sixtyDays(busyIntervals(5000, 10, 3), bookings(200, 4));
  const slotCount = Object.values(computeSlots(usual).slots).flat().length;
  const heavyCount = Object.values(computeSlots(heavy).slots).flat().length;

  const usualTimes = await sample(() => computeSlots(usual), 1000, 200);
  const heavyTimes = await sample(() => computeSlots(heavy), 300, 20);
  // A start that is offered, so the check walks the whole path instead of failing early.
  const probe = Date.parse(Object.values(computeSlots(usual).slots).flat()[slotCount >> 1]!.start);
  if (!isSlotBookable(usual, probe)) throw new Error("bench probe should be bookable");
  const bookableTimes = await sample(() => isSlotBookable(usual, probe), 1000, 50);

  return [
    figure(`slots 60 days, 500 busy + 200 bookings (${slotCount} slots) p50`, percentile(usualTimes, 50), 2),
    figure("slots 60 days, 500 busy + 200 bookings p99", percentile(usualTimes, 99), 5),
    figure(
      `slots 60 days, 5,000 busy + 200 bookings (${heavyCount} slots) p50`,
      percentile(heavyTimes, 50),
      5,
    ),
    figure("isSlotBookable, 500 busy + 200 bookings p50", percentile(bookableTimes, 50), 2),
  ];
}

if (import.meta.main) printFigures(await run());
