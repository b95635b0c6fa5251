// Whether the one nudge about an unfinished booking form goes out (pure). Never to someone who booked
// since, asked for no more emails, or about a link that no longer takes bookings; never days late.
const HOUR_MS = 3_600_000;
/** A nudge this long after its moment (the scheduler was down) would feel odd: it is skipped. */
const LATE_TOLERANCE_HOURS = 48;

export function nudgeAt(startedAtMs: number, nudgeAfterHours: number): number {
  return startedAtMs + nudgeAfterHours * HOUR_MS;
}

export type NudgeDecision = "send" | "booked" | "opted-out" | "link-gone" | "stale";

export function nudgeDecision(
  facts: { bookedSince: boolean; optedOut: boolean; linkActive: boolean; nudgeAt: number },
  nowMs: number,
): NudgeDecision {
  if (facts.bookedSince) return "booked";
  if (facts.optedOut) return "opted-out";
  if (!facts.linkActive) return "link-gone";
  if (nowMs >= facts.nudgeAt + LATE_TOLERANCE_HOURS * HOUR_MS) return "stale";
  return "send";
}
