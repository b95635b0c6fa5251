// What becomes of an email left "unsent" (the deployment had no mail transport) once the owner asks to send
// them: an email keeps its worth for a while that depends on what it says. A reminder of a call that has
// started, or that was moved or cancelled, would mislead; an invoice is still the invoice. Pure: time is passed in.

export interface UnsentMessage {
  /** what sent it, e.g. "booking.confirmation" or "workflow:booking-reminders" */
  why: string;
  createdAt: number;
  /**
   * The call the email is about, when it is about one and it is known: the start it speaks of, and whether
   * the booking still takes place then (not cancelled, not moved).
   */
  call: { startMs: number; stillOn: boolean } | null;
}

export type UnsentFate = { fate: "requeue" } | { fate: "expired"; reason: string };

type Rule =
  /** a reminder: worth sending only while its call is still on, and before it starts */
  | { kind: "reminder" }
  /** news about a call (booked, moved, cancelled, awaiting approval): worth sending before the call's time */
  | { kind: "about-call" }
  /** a notice that goes stale: worth sending for some days after it was written */
  | { kind: "fresh-for"; days: number }
  /** a document the owner sent on purpose (an invoice): still what they asked for */
  | { kind: "lasting" };

const DAY_MS = 86_400_000;

/** The first rule whose prefix starts `why` applies; anything else is treated as a week-long notice. */
const RULES: [prefix: string, rule: Rule][] = [
  ["workflow:booking-reminders", { kind: "reminder" }],
  ["workflow:pending-approval", { kind: "about-call" }],
  ["booking.", { kind: "about-call" }],
  ["invoice.send", { kind: "lasting" }],
  ["credit-note.send", { kind: "lasting" }],
  // A payment may have come in since: a late "your invoice is overdue" would be wrong.
  ["workflow:invoice-dunning", { kind: "fresh-for", days: 2 }],
  ["workflow:abandoned-form", { kind: "fresh-for", days: 3 }],
  ["activity-report.", { kind: "fresh-for", days: 14 }],
  ["workflow:monthly-activity-report", { kind: "fresh-for", days: 14 }],
  ["workflow:end-of-mission", { kind: "fresh-for", days: 30 }],
  ["workflow:re-engagement", { kind: "fresh-for", days: 30 }],
];
const OTHERWISE: Rule = { kind: "fresh-for", days: 7 };

export function ruleFor(why: string): Rule {
  return RULES.find(([prefix]) => why.startsWith(prefix))?.[1] ?? OTHERWISE;
}

export function unsentFate(message: UnsentMessage, now: number): UnsentFate {
  const rule = ruleFor(message.why);
  const expired = (reason: string): UnsentFate => ({ fate: "expired", reason: `Expired: ${reason}` });
  switch (rule.kind) {
    case "lasting":
      return { fate: "requeue" };
    case "fresh-for":
      return now - message.createdAt <= rule.days * DAY_MS
        ? { fate: "requeue" }
        : expired(
            `written more than ${rule.days} day${rule.days > 1 ? "s" : ""} ago; it would arrive out of date.`,
          );
    case "reminder":
    case "about-call": {
      const call = message.call;
      if (!call) return expired("the call it is about no longer exists.");
      if (rule.kind === "reminder" && !call.stillOn)
        return expired("the call it reminds of was cancelled or moved.");
      if (now >= call.startMs) return expired("the time of the call it is about has passed.");
      return { fate: "requeue" };
    }
  }
}
