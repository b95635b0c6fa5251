import { describe, expect, it } from "vitest";
import { type OwnerReminderFacts, ownerReminderDecision } from "../../src/calendars/reminders.ts";

const START = Date.parse("2027-03-29T07:00:00Z");
const MIN = 60_000;
const facts = (over: Partial<OwnerReminderFacts> = {}): OwnerReminderFacts => ({
  reminderMinutes: 30,
  booking: { status: "confirmed", startMs: START },
  runStartMs: START,
  ...over,
});

describe("ownerReminderDecision (pure)", () => {
  it("sends while the call is ahead, never once it started", () => {
    expect(ownerReminderDecision(facts(), START - 30 * MIN)).toBe("send");
    // a late tick still reminds while the call is ahead…
    expect(ownerReminderDecision(facts(), START - MIN)).toBe("send");
    // …but once it started the reminder is skipped, not sent late
    expect(ownerReminderDecision(facts(), START)).toBe("started");
    expect(ownerReminderDecision(facts(), START + 5 * MIN)).toBe("started");
  });

  it("skips cancelled, vanished and moved calls, and stays silent when reminders are off", () => {
    expect(
      ownerReminderDecision(facts({ booking: { status: "pending", startMs: START } }), START - MIN),
    ).toBe("send");
    expect(
      ownerReminderDecision(facts({ booking: { status: "cancelled", startMs: START } }), START - MIN),
    ).toBe("not-live");
    expect(ownerReminderDecision(facts({ booking: undefined }), START - MIN)).toBe("not-live");
    expect(
      ownerReminderDecision(
        facts({ booking: { status: "confirmed", startMs: START + 60 * MIN } }),
        START - MIN,
      ),
    ).toBe("moved");
    expect(ownerReminderDecision(facts({ reminderMinutes: 0 }), START - MIN)).toBe("off");
  });
});
