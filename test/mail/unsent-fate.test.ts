// The rule deciding which emails left "unsent" are still worth sending once a transport exists.
import { describe, expect, it } from "vitest";
import { ruleFor, unsentFate } from "../../src/platform/mail/unsent-fate.ts";

const NOW = Date.parse("2027-03-29T09:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const message = (
  why: string,
  options: { ageMs?: number; call?: { startMs: number; stillOn: boolean } | null } = {},
) => ({
  why,
  createdAt: NOW - (options.ageMs ?? HOUR),
  call: options.call ?? null,
});

describe("unsentFate", () => {
  it("sends a reminder only while its call is still on and has not started", () => {
    const why = "workflow:booking-reminders";
    const soon = { startMs: NOW + 20 * 60_000, stillOn: true };
    expect(unsentFate(message(why, { call: soon }), NOW)).toEqual({ fate: "requeue" });
    const started = unsentFate(message(why, { call: { startMs: NOW, stillOn: true } }), NOW);
    expect(started).toMatchObject({ fate: "expired", reason: expect.stringContaining("has passed") });
    const moved = unsentFate(message(why, { call: { ...soon, stillOn: false } }), NOW);
    expect(moved).toMatchObject({ fate: "expired", reason: expect.stringContaining("cancelled or moved") });
    expect(unsentFate(message(why), NOW)).toMatchObject({ fate: "expired" });
  });

  it("sends news about a call (even a cancellation) until the call's time, whatever the age", () => {
    const cancelled = { startMs: NOW + 2 * DAY, stillOn: false };
    for (const why of ["booking.confirmation", "booking.cancelled-by-owner", "workflow:pending-approval"]) {
      expect(unsentFate(message(why, { ageMs: 20 * DAY, call: cancelled }), NOW), why).toEqual({
        fate: "requeue",
      });
      expect(unsentFate(message(why, { call: { startMs: NOW - 1, stillOn: true } }), NOW).fate).toBe(
        "expired",
      );
      expect(unsentFate(message(why, { call: null }), NOW).fate).toBe("expired");
    }
  });

  it("always sends an invoice or credit note the owner sent, however old", () => {
    expect(unsentFate(message("invoice.send", { ageMs: 90 * DAY }), NOW)).toEqual({ fate: "requeue" });
    expect(unsentFate(message("credit-note.send", { ageMs: 90 * DAY }), NOW)).toEqual({ fate: "requeue" });
  });

  it("sends a notice only while it is fresh: two days for dunning, a week by default, a month for a check-in", () => {
    const fate = (why: string, ageMs: number) => unsentFate(message(why, { ageMs }), NOW).fate;
    expect(fate("workflow:invoice-dunning", 2 * DAY)).toBe("requeue");
    expect(fate("workflow:invoice-dunning", 2 * DAY + 1)).toBe("expired");
    expect(fate("lead.new", 7 * DAY)).toBe("requeue");
    expect(fate("lead.new", 7 * DAY + 1)).toBe("expired");
    expect(fate("something.unknown", 8 * DAY)).toBe("expired");
    expect(fate("workflow:re-engagement", 29 * DAY)).toBe("requeue");
    const stale = unsentFate(message("calendar.broken", { ageMs: 8 * DAY }), NOW);
    expect(stale).toMatchObject({
      fate: "expired",
      reason: "Expired: written more than 7 days ago; it would arrive out of date.",
    });
  });

  it("matches kinds by the start of `why`, so a reminder is never taken for a generic notice", () => {
    expect(ruleFor("workflow:booking-reminders")).toEqual({ kind: "reminder" });
    expect(ruleFor("booking.rescheduled")).toEqual({ kind: "about-call" });
    expect(ruleFor("activity-report.approved")).toEqual({ kind: "fresh-for", days: 14 });
    expect(ruleFor("webhook.disabled")).toEqual({ kind: "fresh-for", days: 7 });
  });
});
