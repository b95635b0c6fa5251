// The owner's switches and delays for the workflows: one JSON value under owner_settings "workflows" (pure).
// A switched-off workflow starts no new run (the engine's start statement checks `disabled` in SQL);
// runs already under way go on to their end unless the owner cancels them on the automations page.
import { type SQL, sql } from "drizzle-orm";
import * as z from "zod";

export const WORKFLOW_SETTINGS_KEY = "workflows";

const whole = (range: readonly [number, number]) => z.int().min(range[0]).max(range[1]);

/** The bounds the pages show and the schema enforces. */
export const DELAY_RANGES = {
  pendingRemindAfterHours: [1, 168],
  pendingDeclineAfterHours: [2, 336],
  afterCallReminderDays: [1, 14],
  abandonedFormHours: [1, 168],
  dunningPoliteDays: [1, 60],
  dunningFirmDays: [2, 90],
  dunningFinalDays: [3, 120],
  reEngagementMonths: [0, 24],
} as const;

export const workflowDelaysSchema = z.object({
  /** pending-approval: the owner is nudged after… */
  pendingRemindAfterHours: whole(DELAY_RANGES.pendingRemindAfterHours),
  /** …and the request is declined after (never after the call would have started) */
  pendingDeclineAfterHours: whole(DELAY_RANGES.pendingDeclineAfterHours),
  /** after-call: days after asking the owner before the one reminder */
  afterCallReminderDays: whole(DELAY_RANGES.afterCallReminderDays),
  /** abandoned-form: hours after the questions were answered before the nudge */
  abandonedFormHours: whole(DELAY_RANGES.abandonedFormHours),
  /** invoice-dunning: days after the due date of each reminder */
  dunningPoliteDays: whole(DELAY_RANGES.dunningPoliteDays),
  dunningFirmDays: whole(DELAY_RANGES.dunningFirmDays),
  dunningFinalDays: whole(DELAY_RANGES.dunningFinalDays),
  /** re-engagement: months after a mission ends; 0 turns it off */
  reEngagementMonths: whole(DELAY_RANGES.reEngagementMonths),
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
  // Every booking reads these: a field never set keeps its default without a failed parse (and its error).
  for (const name of Object.keys(DEFAULT_DELAYS) as DelayName[]) {
    if (raw[name] === undefined) continue;
    const parsed = workflowDelaysSchema.shape[name].safeParse(raw[name]);
    if (parsed.success) delays[name] = parsed.data;
  }
  if (raw.disabled === undefined) return { ...delays, disabled: [] };
  const disabled = disabledSchema.safeParse(raw.disabled);
  return { ...delays, disabled: disabled.success ? disabled.data : [] };
}

export function isWorkflowEnabled(settings: Pick<WorkflowSettings, "disabled">, workflow: string): boolean {
  return !settings.disabled.includes(workflow);
}

/** Delays that only make sense in order: the nudge before the decline, the firm reminder after the polite one. */
export const ORDERED_DELAYS: readonly (readonly [DelayName, DelayName])[] = [
  ["pendingRemindAfterHours", "pendingDeclineAfterHours"],
  ["dunningPoliteDays", "dunningFirmDays"],
  ["dunningFirmDays", "dunningFinalDays"],
];

/** The later delay of each pair that is not longer than the one before it. */
export function delayOrderProblems(d: Partial<WorkflowDelays>): DelayName[] {
  return ORDERED_DELAYS.filter(([before, after]) => {
    const a = d[before];
    const b = d[after];
    return a !== undefined && b !== undefined && b <= a;
  }).map(([, after]) => after);
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
