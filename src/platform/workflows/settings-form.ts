// The automations settings form, read and checked (pure): which workflows are on, each delay in its
// bounds and in order, and the owner's reminder before calls (kept with the calendar settings).
import {
  DELAY_RANGES,
  type DelayName,
  delayOrderProblems,
  type WorkflowDelays,
  workflowDelaysSchema,
} from "./settings.ts";

export const REMINDER_CHOICES = [0, 15, 30, 60] as const;
export type ReminderChoice = (typeof REMINDER_CHOICES)[number];

export type SettingsFieldError = { code: "range"; min: number; max: number } | { code: "order" };

export type SettingsForm =
  | { ok: true; delays: WorkflowDelays; disabled: string[]; reminderMinutes: ReminderChoice }
  | { ok: false; errors: Partial<Record<DelayName | "reminderMinutes", SettingsFieldError>> };

/** Each workflow's checkbox is its own field, `on-{name}`: an unchecked box sends nothing. */
export function switchedOn(form: Record<string, string | string[]>, workflow: string): boolean {
  return form[`on-${workflow}`] !== undefined;
}

export function readSettingsForm(
  form: Record<string, string | string[]>,
  workflowNames: readonly string[],
): SettingsForm {
  const text = (key: string) => {
    const v = form[key];
    return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
  };
  const errors: Partial<Record<DelayName | "reminderMinutes", SettingsFieldError>> = {};
  const delays: Partial<WorkflowDelays> = {};
  for (const name of Object.keys(DELAY_RANGES) as DelayName[]) {
    const raw = text(name);
    const parsed = workflowDelaysSchema.shape[name].safeParse(raw === "" ? Number.NaN : Number(raw));
    const [min, max] = DELAY_RANGES[name];
    if (parsed.success) delays[name] = parsed.data;
    else errors[name] = { code: "range", min, max };
  }
  // Pairs with both delays readable are checked even when another field is wrong: one round trip shows all.
  for (const name of delayOrderProblems(delays)) errors[name] = { code: "order" };
  const minutes = Number(text("reminderMinutes"));
  const reminderMinutes = REMINDER_CHOICES.find((m) => m === minutes);
  if (reminderMinutes === undefined) errors.reminderMinutes = { code: "range", min: 0, max: 60 };
  if (Object.keys(errors).length > 0 || reminderMinutes === undefined) return { ok: false, errors };
  const complete = delays as WorkflowDelays; // every delay parsed, or an error was returned above
  return {
    ok: true,
    delays: complete,
    disabled: workflowNames.filter((n) => !switchedOn(form, n)),
    reminderMinutes,
  };
}
