// The booking-link editor: every field of the owner API, one plain form, errors next to their fields.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { type DashboardT, dashboardMessages, dashboardTexts } from "./dashboard-messages.ts";
import {
  type Errors,
  locationRows,
  overrideRows,
  questionRows,
  weeklyHoursRows,
} from "./event-type-editor-rows.ts";
import type { EventTypeFormValues } from "./event-type-form.ts";
import { fieldId } from "./question-fields.ts";

export interface EditorPageData {
  owner: CurrentOwner;
  csrfToken: string;
  baseUrl: string;
  /** undefined for a new link */
  id?: string;
  /** the saved title, for the heading while the form holds edits */
  savedTitle?: string;
  values: EventTypeFormValues;
  errors: Errors;
  /** errors about the link as a whole, already as text */
  generalErrors: string[];
  timeZones: readonly string[];
}

function checkboxField(name: string, label: string, checked: boolean): Html {
  return html`<label class="choice"><input type="checkbox" id="${fieldId(name)}" name="${name}" value="on"${checked ? html` checked` : ""}> ${label}</label>`;
}

/** A readable name for a form field, for the error summary: "Lundi, plage 1, début", "Question 3 · Libellé". */
function fieldLabel(name: string, t: DashboardT): string {
  const parts = name.split(".");
  const n = Number(parts[1]) + 1;
  const [head, , last = ""] = parts;
  if (head === "weeklyHours") {
    const day = t(parts[1] as "mon");
    return t(parts[3] === "end" ? "windowEnd" : "windowStart", { day, n: Number(parts[2]) + 1 });
  }
  if (head === "questions") {
    const key = `q${last.charAt(0).toUpperCase()}${last.slice(1)}`;
    return `${t("question", { n })} · ${key in dashboardTexts.en ? t(key as "qId") : last}`;
  }
  if (head === "dateOverrides") return t(last === "hours" ? "overrideHours" : "overrideDate", { n });
  if (head === "locations") return t(last === "details" ? "locationDetails" : "locationType", { n });
  const key = head === "triage" ? (parts[1] ?? "") : name;
  return key in dashboardTexts.en ? t(key as "title") : name;
}

function errorSummary(d: EditorPageData): Html | string {
  const t = dashboardMessages(d.owner.locale);
  const names = Object.keys(d.errors);
  if (names.length === 0 && d.generalErrors.length === 0) return "";
  return html`<div class="notice error" role="alert"><p>${t("errorSummary", { count: names.length + d.generalErrors.length })}</p><ul>${names.map(
    (n) => html`<li><a href="#${fieldId(n)}">${fieldLabel(n, t)}</a> · ${d.errors[n]}</li>`,
  )}${d.generalErrors.map((e) => html`<li>${e}</li>`)}</ul></div>`;
}

export function eventTypeEditorPage(d: EditorPageData): Html {
  const t = dashboardMessages(d.owner.locale);
  const v = d.values;
  const e = d.errors;
  const locale = d.owner.locale;
  const title = d.id ? t("editTitle", { title: d.savedTitle ?? v.title }) : t("newTitle");
  const numberField = (name: keyof EventTypeFormValues & string, hint?: string) =>
    field({
      name,
      label: t(name as "durationMinutes"),
      value: String(v[name] ?? ""),
      error: e[name],
      hint,
      attrs: { inputmode: "numeric" },
    });
  const action = d.id ? `/dashboard/event-types/${d.id}` : "/dashboard/event-types";
  return page({
    title,
    locale,
    nav: { current: "eventTypes", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/event-types">${t("backToList")}</a></p>
<h1>${title}</h1>
${errorSummary(d)}
<form method="post" action="${action}" class="editor stack" novalidate>
${csrfInput(d.csrfToken)}
<section class="card stack"><h2>${t("sectionLink")}</h2>
${field({ name: "title", label: t("title"), value: v.title, error: e.title, required: true, attrs: { maxlength: "120" } })}
${field({ name: "slug", label: t("slug"), value: v.slug, error: e.slug, required: true, hint: t("slugHint", { prefix: `${d.baseUrl}/${d.owner.handle}/` }), attrs: { autocapitalize: "none", spellcheck: "false", maxlength: "64" } })}
${field({ name: "description", label: t("description"), type: "textarea", value: v.description, error: e.description, attrs: { rows: "3" } })}
<div class="form-grid">
${field({ name: "titleEn", label: t("titleEn"), value: v.titleEn, error: e.titleEn, hint: t("englishHint") })}
${field({ name: "descriptionEn", label: t("descriptionEn"), type: "textarea", value: v.descriptionEn, error: e.descriptionEn, attrs: { rows: "2" } })}
</div>
${checkboxField("active", t("activeField"), v.active)}
</section>
<section class="card stack"><h2>${t("sectionTime")}</h2>
<div class="form-grid">${numberField("durationMinutes")}${numberField("slotIntervalMinutes", t("intervalHint"))}</div>
${locationRows(v, e, locale)}
</section>
<section class="card stack"><h2>${t("sectionHours")}</h2>
${field({ name: "timeZone", label: t("timeZone"), type: "select", value: v.timeZone, error: e.timeZone, options: d.timeZones.map((z) => ({ value: z, label: z.replace(/_/g, " ") })) })}
<p class="hint">${t("hoursHint")}</p>
${weeklyHoursRows(v, e, locale)}
<h3>${t("sectionOverrides")}</h3><p class="hint">${t("overridesHint")}</p>
${overrideRows(v, e, locale)}
</section>
<section class="card stack"><h2>${t("sectionRules")}</h2>
<div class="form-grid">
${numberField("bufferBeforeMinutes")}${numberField("bufferAfterMinutes")}${numberField("minimumNoticeMinutes")}${numberField("horizonDays")}
${numberField("maxPerDay", t("noLimit"))}${numberField("maxPerWeek", t("noLimit"))}${numberField("cancelNoticeMinutes")}
</div>
${checkboxField("requiresConfirmation", t("requiresConfirmation"), v.requiresConfirmation)}
</section>
<section class="card stack"><h2>${t("sectionQuestions")}</h2><p class="hint">${t("questionsHint")}</p>
${questionRows(v, e, locale)}
</section>
<section class="card stack"><h2>${t("sectionTriage")}</h2><p class="hint">${t("triageHint")}</p>
<div class="form-grid">
${field({ name: "triage.minDailyRate", label: t("minDailyRate"), value: v.triage.minDailyRate, error: e["triage.minDailyRate"], attrs: { inputmode: "decimal" } })}
${field({ name: "triage.minDurationMonths", label: t("minDurationMonths"), value: v.triage.minDurationMonths, error: e["triage.minDurationMonths"], attrs: { inputmode: "decimal" } })}
${field({ name: "triage.requiredSkills", label: t("requiredSkills"), value: v.triage.requiredSkills, hint: t("skillsHint"), error: e["triage.requiredSkills"] })}
${field({ name: "triage.excludedSkills", label: t("excludedSkills"), value: v.triage.excludedSkills, hint: t("skillsHint"), error: e["triage.excludedSkills"] })}
${field({
  name: "triage.remote",
  label: t("remote"),
  type: "select",
  value: v.triage.remote,
  error: e["triage.remote"],
  options: [
    { value: "", label: t("remoteAny") },
    { value: "preferred", label: t("remotePreferred") },
    { value: "required", label: t("remoteRequired") },
  ],
})}
${field({ name: "triage.earliestStartDate", label: t("earliestStartDate"), type: "date", value: v.triage.earliestStartDate, error: e["triage.earliestStartDate"] })}
</div>
${field({
  name: "triage.onDecline",
  label: t("onDecline"),
  type: "select",
  value: v.triage.onDecline || "flag",
  error: e["triage.onDecline"],
  options: [
    { value: "block", label: t("onDeclineBlock") },
    { value: "flag", label: t("onDeclineFlag") },
    { value: "approve", label: t("onDeclineApprove") },
  ],
})}
</section>
<div class="actions save-bar"><button type="submit">${t("save")}</button></div>
</form>
${
  d.id
    ? html`<section class="card"><h2>${t("deleteTitle")}</h2><p class="hint">${t("deleteHint")}</p>
<form method="post" action="/dashboard/event-types/${d.id}/delete">${csrfInput(d.csrfToken)}<button type="submit" class="danger">${t("deleteButton")}</button></form></section>`
    : ""
}`,
  });
}
