// The check-in a few months after a mission ends (pure): when it is drafted, and whether it still makes
// sense (not if the client already works with the owner again, nor if they asked for no more emails).
import { Temporal } from "temporal-polyfill";
import * as z from "zod";

/** owner_settings key of the workflow switches. */
export const WORKFLOW_SETTINGS_KEY = "workflows";
export const DEFAULT_RE_ENGAGEMENT_MONTHS = 4;
/** The draft is offered in the morning of the owner's day. */
const CHECK_IN_HOUR = 9;
/** A draft later than this after its moment is not offered (the scheduler was down for long). */
const CHECK_IN_LATE_TOLERANCE_DAYS = 30;
/** How long the owner's one-click link to send the check-in stays valid. */
export const CHECK_IN_APPROVAL_DAYS = 30;

export const workflowSettingsSchema = z.object({
  /** Months after a mission ends before the check-in is drafted; 0 turns the check-in off. */
  reEngagementMonths: z.int("must be a whole number of months").min(0).max(24),
});
export type WorkflowSettings = z.output<typeof workflowSettingsSchema>;

export function workflowSettings(stored: unknown): WorkflowSettings {
  const parsed = workflowSettingsSchema.partial().safeParse(stored ?? {});
  const value = parsed.success ? parsed.data : {};
  return { reEngagementMonths: value.reEngagementMonths ?? DEFAULT_RE_ENGAGEMENT_MONTHS };
}

/** The check-in moment: `months` after the mission's last day, at CHECK_IN_HOUR in the owner's zone. */
export function checkInAt(endDate: string, months: number, timeZone: string): number {
  return Temporal.PlainDate.from(endDate)
    .add({ months })
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour: CHECK_IN_HOUR }) })
    .toInstant().epochMilliseconds;
}

export type CheckInDecision =
  | "draft"
  | "mission-not-ended"
  | "working-together-again"
  | "opted-out"
  | "stale";

export function checkInDecision(
  input: {
    missionStatus: "planned" | "active" | "ended" | "cancelled";
    /** the client has another mission planned or under way */
    clientHasLiveMission: boolean;
    optedOut: boolean;
    dueAt: number;
  },
  nowMs: number,
): CheckInDecision {
  if (input.missionStatus !== "ended") return "mission-not-ended";
  if (input.clientHasLiveMission) return "working-together-again";
  if (input.optedOut) return "opted-out";
  if (nowMs >= input.dueAt + CHECK_IN_LATE_TOLERANCE_DAYS * 86_400_000) return "stale";
  return "draft";
}
