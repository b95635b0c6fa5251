// Automation settings: each workflow switched on or off, with its delays, in one plain form.
import { html } from "hono/html";
import type { CurrentOwner } from "../../http/context.ts";
import { csrfInput, field, notice } from "../../http/views/forms.ts";
import { type Html, page } from "../../http/views/layout.ts";
import { DELAY_RANGES, type DelayName } from "../settings.ts";
import type { SettingsFieldError } from "../settings-form.ts";
import { type AutomationKey, type AutomationT, automationMessages } from "./automation-messages.ts";

/** The delays each workflow has, in the order the form shows them. */
const DELAYS_OF: Record<string, readonly DelayName[]> = {
  "pending-approval": ["pendingRemindAfterHours", "pendingDeclineAfterHours"],
  "after-call": ["afterCallReminderDays"],
  "abandoned-form": ["abandonedFormHours"],
  "invoice-dunning": ["dunningPoliteDays", "dunningFirmDays", "dunningFinalDays"],
  "re-engagement": ["reEngagementMonths"],
};

export interface AutomationSettingsData {
  owner: CurrentOwner;
  csrfToken: string;
  workflows: { name: string; title: string }[];
  enabled: readonly string[];
  /** the delays and reminderMinutes as the form shows them (stored, or as typed when refused) */
  values: Record<string, string>;
  errors: Partial<Record<string, SettingsFieldError>>;
  saved?: boolean;
}

function errorText(t: AutomationT, e: SettingsFieldError | undefined): string | undefined {
  if (!e) return undefined;
  return e.code === "order" ? t("errOrder") : t("errRange", { min: e.min, max: e.max });
}

function delayField(d: AutomationSettingsData, t: AutomationT, name: DelayName): Html {
  const [min, max] = DELAY_RANGES[name];
  return field({
    name,
    label: t(name),
    type: "number",
    value: d.values[name] ?? "",
    error: errorText(t, d.errors[name]),
    hint: name === "pendingDeclineAfterHours" ? t("pendingHint") : undefined,
    required: true,
    attrs: { min: String(min), max: String(max), step: "1", inputmode: "numeric" },
  });
}

function reminderField(d: AutomationSettingsData, t: AutomationT): Html {
  return field({
    name: "reminderMinutes",
    label: t("reminderMinutes"),
    type: "select",
    value: d.values.reminderMinutes ?? "30",
    hint: t("reminderMinutesHint"),
    error: errorText(t, d.errors.reminderMinutes),
    options: [
      { value: "0", label: t("reminderOff") },
      ...[15, 30, 60].map((m) => ({ value: String(m), label: `${m} ${t("minutes")}` })),
    ],
  });
}

function workflowFieldset(
  d: AutomationSettingsData,
  t: AutomationT,
  w: { name: string; title: string },
): Html {
  const id = `on-${w.name}`;
  const about = t(`about_${w.name}` as AutomationKey);
  return html`<fieldset class="card stack"><legend><strong>${w.title}</strong></legend>
${about === `about_${w.name}` ? "" : html`<p class="small muted" id="${id}-about">${about}</p>`}
<label class="choice"><input type="checkbox" id="${id}" name="${id}" value="1"${d.enabled.includes(w.name) ? html` checked` : ""} aria-describedby="${id}-about"> ${t("enabled")}</label>
${w.name === "booking-reminders" ? reminderField(d, t) : ""}${(DELAYS_OF[w.name] ?? []).map((n) => delayField(d, t, n))}
</fieldset>`;
}

export function automationSettingsPage(d: AutomationSettingsData): Html {
  const t = automationMessages(d.owner.locale);
  const hasErrors = Object.keys(d.errors).length > 0;
  return page({
    title: t("settingsTitle"),
    locale: d.owner.locale,
    nav: { current: "automations", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("settingsTitle")}</h1>
<p><a href="/dashboard/automations">${t("runsLink")}</a></p>
<p>${t("settingsIntro")}</p>
${d.saved ? notice("ok", t("saved")) : ""}${hasErrors ? notice("error", t("errorsTitle")) : ""}
<form method="post" action="/dashboard/automations/settings" class="stack" novalidate>${csrfInput(d.csrfToken)}
${d.workflows.map((w) => workflowFieldset(d, t, w))}
<div class="actions"><button type="submit">${t("save")}</button></div>
</form>`,
  });
}
