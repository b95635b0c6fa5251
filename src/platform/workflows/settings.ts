// The owner's switches and delays for the workflows: one JSON value under owner_settings "workflows" (pure).
// A switched-off workflow starts no new run (the engine's start statement checks `disabled` in SQL);
// runs already under way go on to their end unless the owner cancels them on the automations page.
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

export const WORKFLOW_SETTINGS_KEY = "workflows";

const whole = (min: number, max: number) => z.int().min(min).max(max);

export const workflowDelaysSchema = z.object({
  /** pending-approval: the owner is nudged after… */
  pendingRemindAfterHours: whole(1, 168),
  /** …and the request is declined after (never after the call would have started) */
  pendingDeclineAfterHours: whole(2, 336),
  /** after-call: days after asking the owner before the one reminder */
  afterCallReminderDays: whole(1, 14),
  /** abandoned-form: hours after the questions were answered before the nudge */
  abandonedFormHours: whole(1, 168),
  /** invoice-dunning: days after the due date of each reminder */
  dunningPoliteDays: whole(1, 60),
  dunningFirmDays: whole(2, 90),
  dunningFinalDays: whole(3, 120),
  /** re-engagement: months after a mission ends; 0 turns it off */
  reEngagementMonths: whole(0, 24),
});
export type WorkflowDelays = z.output<typeof workflowDelaysSchema>;
export type DelayName = keyof WorkflowDelays;

export const DEFAULT_DELAYS: WorkflowDelays = {
  pendingRemindAfterHours: 12,
  pendingDeclineAfterHours: 48,
  afterCallReminderDays: 3,
  abandonedFormHours: 24,
  dunningPoliteDays: 1,
  dunningFirmDays: 7,
  dunningFinalDays: 15,
  reEngagementMonths: 4,
};

export interface WorkflowSettings extends WorkflowDelays {
  /** names of the workflows the owner switched off */
  disabled: string[];
}

const disabledSchema = z.array(z.string().max(60)).max(50);

/** Each field on its own: one bad stored value falls back to its default, never the whole set. */
export function readWorkflowSettings(stored: unknown): WorkflowSettings {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const delays = { ...DEFAULT_DELAYS };
  for (const name of Object.keys(DEFAULT_DELAYS) as DelayName[]) {
    const parsed = workflowDelaysSchema.shape[name].safeParse(raw[name]);
    if (parsed.success) delays[name] = parsed.data;
  }
  const disabled = disabledSchema.safeParse(raw.disabled);
  return { ...delays, disabled: disabled.success ? disabled.data : [] };
}

export function isWorkflowEnabled(settings: Pick<WorkflowSettings, "disabled">, workflow: string): boolean {
  return !settings.disabled.includes(workflow);
}

/** Delays that only make sense in order: the nudge before the decline, the firm reminder after the polite one. */
export function delayOrderProblems(d: WorkflowDelays): DelayName[] {
  const problems: DelayName[] = [];
  if (d.pendingDeclineAfterHours <= d.pendingRemindAfterHours) problems.push("pendingDeclineAfterHours");
  if (d.dunningFirmDays <= d.dunningPoliteDays) problems.push("dunningFirmDays");
  if (d.dunningFinalDays <= d.dunningFirmDays) problems.push("dunningFinalDays");
  return problems;
}

/** The stored value after a change: other keys (written by other pages) are kept. */
export function mergeWorkflowSettings(
  stored: unknown,
  change: Partial<WorkflowSettings>,
): Record<string, unknown> {
  const base = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  return { ...(base as Record<string, unknown>), ...change };
}

/** SQL true unless the owner switched this workflow off: guards every start, in the same statement. */
export function workflowEnabledGuard(ownerId: string, workflow: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM owner_settings s, json_each(s.value, '$.disabled') d
    WHERE s.owner_id = ${ownerId} AND s.key = ${WORKFLOW_SETTINGS_KEY} AND d.value = ${workflow})`;
}
