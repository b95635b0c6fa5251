import { describe, expect, it } from "vitest";
import { dueReminders, reminderKey } from "../../src/calendars/reminders.ts";

const START = Date.parse("2027-03-29T07:00:00Z");
const MIN = 60_000;
const call = (over: Partial<{ id: string; status: string; startMs: number }> = {}) => ({
  id: "b1",
  status: "confirmed",
  startMs: START,
  ...over,
});

describe("dueReminders (pure)", () => {
  it("is due from N minutes before the call until it starts, never after", () => {
    const settings = { reminderMinutes: 30 as const };
    expect(dueReminders([call()], settings, START - 31 * MIN)).toEqual([]);
    expect(dueReminders([call()], settings, START - 30 * MIN)).toEqual([
      { bookingId: "b1", startMs: START, idempotencyKey: "reminder:b1:1806303600000" },
    ]);
    // a late tick still reminds while the call is ahead…
    expect(dueReminders([call()], settings, START - 1 * MIN)).toHaveLength(1);
    // …but once it started the reminder is skipped, not sent late
    expect(dueReminders([call()], settings, START)).toEqual([]);
    expect(dueReminders([call()], settings, START + 5 * MIN)).toEqual([]);
  });

  it("honours the lead, skips cancelled calls and stays silent when reminders are off", () => {
    const calls = [
      call(),
      call({ id: "b2", status: "cancelled" }),
      call({ id: "b3", status: "pending", startMs: START + 10 * MIN }),
    ];
    expect(dueReminders(calls, { reminderMinutes: 15 }, START - 20 * MIN)).toEqual([]);
    expect(dueReminders(calls, { reminderMinutes: 60 }, START - 50 * MIN).map((r) => r.bookingId)).toEqual([
      "b1",
      "b3",
    ]);
    expect(dueReminders(calls, { reminderMinutes: 0 }, START - 5 * MIN)).toEqual([]);
  });

  it("keys each reminder by booking and start, so a rescheduled call gets its own", () => {
    expect(reminderKey("b1", START)).not.toBe(reminderKey("b1", START + 60 * MIN));
    const moved = dueReminders(
      [call({ startMs: START + 60 * MIN })],
      { reminderMinutes: 30 },
      START + 40 * MIN,
    );
    expect(moved[0]?.idempotencyKey).toBe(reminderKey("b1", START + 60 * MIN));
  });
});
