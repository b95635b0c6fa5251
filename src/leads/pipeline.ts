// The pipeline a lead goes through, from first contact to a signed mission (or not). Pure.

export const STAGES = [
  "new",
  "call_scheduled",
  "call_done",
  "team_meeting",
  "technical_test",
  "proposal",
  "won",
  "lost",
  "declined",
] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a lead moves through while still open, in order. */
export const OPEN_STAGES = STAGES.slice(0, 6) as readonly Stage[];
export const CLOSED_STAGES = ["won", "lost", "declined"] as const satisfies readonly Stage[];
export type ClosedStage = (typeof CLOSED_STAGES)[number];

/** Every stage from the call on: a lead that reached one of these had a call with the owner. */
export const CALL_STAGES: readonly Stage[] = [
  "call_scheduled",
  "call_done",
  "team_meeting",
  "technical_test",
  "proposal",
  "won",
];

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}

export function isClosed(stage: Stage): stage is ClosedStage {
  return (CLOSED_STAGES as readonly string[]).includes(stage);
}

/** The next open stage (proposal → won); undefined once the lead is closed. */
export function nextStage(stage: Stage): Stage | undefined {
  if (isClosed(stage)) return undefined;
  const index = OPEN_STAGES.indexOf(stage);
  return index === OPEN_STAGES.length - 1 ? "won" : OPEN_STAGES[index + 1];
}

export type MoveProblem = "same_stage" | "reason_required";

/**
 * Any stage can follow any other: prospects skip the technical test, and a lost lead sometimes comes
 * back. Only a loss needs its reason, so the owner can later tell price from timing. The JSON API
 * (PATCH /api/leads/{id} takes stage and notes) does not require it, so existing scripts keep working.
 */
export function checkMove(
  from: Stage,
  to: Stage,
  lostReason: string | null | undefined,
  options: { requireLostReason: boolean } = { requireLostReason: true },
): MoveProblem | null {
  if (from === to) return "same_stage";
  if (to === "lost" && options.requireLostReason && !lostReason?.trim()) return "reason_required";
  return null;
}

/** Who did something to a lead: the owner (dashboard, one-click link) or not (prospect, triage, API). */
export type Actor = "owner" | "prospect" | "system" | "api";
