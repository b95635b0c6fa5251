// The rating request at the end of a mission (pure): where the client is asked to rate, when, and
// whether each email is still worth sending.

const DAY_MS = 86_400_000;
/** The request follows the final invoice by this many days, so the two never land together. */
export const RATING_REQUEST_DELAY_DAYS = 3;
/** Reminders, counted from the request. */
export const RATING_REMINDER_DAYS = [4, 15] as const;
/** How long an email may be late before it is skipped rather than sent (the scheduler was down). */
const LATE_TOLERANCE_DAYS = { request: 30, reminder: 10 } as const;

export type RatingPlatform = "malt" | "comet" | "linkedin" | "google" | "other";

/** Where the rating link leads (that is where the client goes), else the platform the mission came from. */
export function ratingPlatform(source: string, ratingUrl: string): RatingPlatform {
  const fromSource: RatingPlatform =
    source === "malt" || source === "comet" || source === "linkedin" ? source : "other";
  let labels: string[];
  try {
    labels = new URL(ratingUrl).hostname.toLowerCase().split(".");
  } catch {
    return fromSource;
  }
  if (labels.includes("malt")) return "malt";
  if (labels.includes("comet")) return "comet";
  if (labels.includes("linkedin")) return "linkedin";
  if (labels.includes("google") || labels.includes("goo") || labels.join(".") === "g.page") return "google";
  return fromSource;
}

export function ratingRequestAt(invoicePhaseEndedAt: number): number {
  return invoicePhaseEndedAt + RATING_REQUEST_DELAY_DAYS * DAY_MS;
}

export function ratingReminderAts(requestedAt: number): [number, number] {
  return [requestedAt + RATING_REMINDER_DAYS[0] * DAY_MS, requestedAt + RATING_REMINDER_DAYS[1] * DAY_MS];
}

export interface MissionForRating {
  status: "planned" | "active" | "ended" | "cancelled";
  ratingUrl: string | null;
  ratingReceivedAt: number | null;
}

export type RatingDecision =
  | "send"
  | "received"
  | "no-link"
  | "not-ended"
  | "opted-out"
  | "stale"
  | "superseded";

/**
 * One rating email: only while the mission is still ended, has a link, the rating has not come and the
 * client did not opt out; a reminder whose next one is already due is superseded by it.
 */
export function ratingDecision(
  input: {
    kind: "request" | "reminder";
    mission: MissionForRating;
    optedOut: boolean;
    dueAt: number;
    nextDueAt?: number;
  },
  nowMs: number,
): RatingDecision {
  const { mission } = input;
  if (mission.ratingReceivedAt !== null) return "received";
  if (mission.status !== "ended") return "not-ended";
  if (!mission.ratingUrl) return "no-link";
  if (input.optedOut) return "opted-out";
  if (input.nextDueAt !== undefined && nowMs >= input.nextDueAt) return "superseded";
  if (nowMs >= input.dueAt + LATE_TOLERANCE_DAYS[input.kind] * DAY_MS) return "stale";
  return "send";
}
