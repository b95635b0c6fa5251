import { describe, expect, it } from "vitest";
import { BLOCKING_MARGIN_MS } from "../../src/scheduling/availability.ts";
import { computeSlots, type ExistingBooking, type SlotRules } from "../../src/scheduling/slots.ts";
import { rangeInstants } from "../../src/scheduling/slots-request.ts";

const HOUR = 3_600_000;
// The widest rules the slot engine takes: a day long, a day of buffer on each side.
const rules: SlotRules = {
  timeZone: "UTC",
  durationMinutes: 1440,
  slotIntervalMinutes: 60,
  weeklyHours: Object.fromEntries(
    (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((d) => [d, [["00:00", "24:00"]]]),
  ),
  dateOverrides: [],
  bufferBeforeMinutes: 1440,
  bufferAfterMinutes: 1440,
  minimumNoticeMinutes: 0,
  horizonDays: 60,
};

describe("the booking margin of links without daily or weekly limits", () => {
  it("keeps every booking that can block a slot of the range, wherever it starts", () => {
    const query = { from: "2027-03-12", to: "2027-03-13", visitorTimeZone: "UTC" };
    const { fromMs, toMs } = rangeInstants(query.from, query.to);
    const nowMs = Date.parse("2027-03-01T00:00:00Z");
    const slotsWith = (bookings: ExistingBooking[]) =>
      computeSlots({ ...query, rules, bookings, busy: [], nowMs }).slots;
    const free = slotsWith([]);
    let blocking = 0;
    for (let offset = -120; offset <= 120; offset++) {
      const startMs = Date.parse("2027-03-12T00:00:00Z") + offset * HOUR;
      const booking = {
        startMs,
        endMs: startMs + 24 * HOUR,
        bufferBeforeMinutes: 1440,
        bufferAfterMinutes: 1440,
        sameEventType: false,
      };
      // What loadAvailability reads: bookings starting within the margin around the range.
      const read = startMs >= fromMs - BLOCKING_MARGIN_MS && startMs < toMs + BLOCKING_MARGIN_MS;
      expect(slotsWith(read ? [booking] : []), `booking at ${offset} h`).toEqual(slotsWith([booking]));
      if (JSON.stringify(slotsWith([booking])) !== JSON.stringify(free)) blocking++;
    }
    // The check is not vacuous: bookings days away from the range do block some of its slots.
    expect(blocking).toBeGreaterThan(150);
  });
});
