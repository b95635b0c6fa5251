// One form control per question type, with its label, hint and error wired for screen readers.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { DEFAULT_MAX_LENGTH } from "../answers.ts";
import { localized } from "../event-type-view.ts";
import type { PageT } from "../page-messages.ts";
import type { Question } from "../questions.ts";
import { answerField } from "./booking-form.ts";

/** The same ids as platform/http/views/forms.ts, so error summaries link to either kind of field. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export interface QuestionFieldInput {
  question: Question;
  value: string | string[] | undefined;
  error: string | undefined;
  locale: Locale;
  t: PageT;
}

const INPUT_TYPES: Partial<Record<Question["type"], { type: string; extra?: Record<string, string> }>> = {
  text: { type: "text" },
  email: { type: "email", extra: { autocomplete: "off", inputmode: "email" } },
  phone: { type: "tel", extra: { autocomplete: "tel" } },
  number: { type: "text", extra: { inputmode: "decimal" } },
  money: { type: "text", extra: { inputmode: "decimal" } },
  date: { type: "date" },
  url: { type: "url", extra: { inputmode: "url", placeholder: "https://" } },
};

export function questionField(f: QuestionFieldInput): Html {
  const q = f.question;
  const name = answerField(q.id);
  const id = fieldId(name);
  const label = html`${localized(q.label, f.locale)}${q.required ? "" : html` <span class="optional">${f.t("optional")}</span>`}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hint = q.type === "money" ? f.t("inEuros") : undefined;
  const describedBy = [hint ? hintId : "", f.error ? errorId : ""].filter(Boolean).join(" ");
  const aria = html`${q.required ? html` aria-required="true"` : ""}${f.error ? html` aria-invalid="true"` : ""}${
    describedBy ? html` aria-describedby="${describedBy}"` : ""
  }`;
  const error = f.error ? html`<span class="error-text" id="${errorId}">${f.error}</span>` : "";
  const text = typeof f.value === "string" ? f.value : "";

  if (q.type === "multiselect" || q.type === "boolean") {
    const chosen = Array.isArray(f.value) ? f.value : [text];
    const options =
      q.type === "boolean"
        ? [
            { value: "true", label: f.t("yes") },
            { value: "false", label: f.t("no") },
          ]
        : (q.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, f.locale) }));
    const type = q.type === "boolean" ? "radio" : "checkbox";
    return html`<fieldset class="field choices${f.error ? " invalid" : ""}${q.type === "boolean" ? " inline" : ""}" id="${id}"${
      q.type === "boolean"
        ? html` role="radiogroup"${aria}`
        : describedBy
          ? html` aria-describedby="${describedBy}"`
          : ""
    }>
<legend>${label}</legend>
${options.map(
  (o, i) =>
    html`<label class="choice"><input type="${type}" id="${id}-${i}" name="${name}" value="${o.value}"${chosen.includes(o.value) ? html` checked` : ""}> ${o.label}</label>`,
)}
${error}
</fieldset>`;
  }

  const placeholder = q.placeholder ? localized(q.placeholder, f.locale) : undefined;
  const common = html`id="${id}" name="${name}"${aria}${placeholder ? html` placeholder="${placeholder}"` : ""}`;
  let control: Html;
  if (q.type === "longtext") {
    control = html`<textarea ${common} rows="4" maxlength="${q.maxLength ?? DEFAULT_MAX_LENGTH.longtext ?? 5000}">${text}</textarea>`;
  } else if (q.type === "select") {
    control = html`<select ${common}><option value="">${f.t("choose")}</option>${(q.options ?? []).map(
      (o) =>
        html`<option value="${o.value}"${o.value === text ? html` selected` : ""}>${localized(o.label, f.locale)}</option>`,
    )}</select>`;
  } else {
    const spec = INPUT_TYPES[q.type] ?? { type: "text" };
    const maxLength = q.type === "text" ? (q.maxLength ?? DEFAULT_MAX_LENGTH.text) : undefined;
    const extra = Object.entries(spec.extra ?? {}).filter(([k]) => !(k === "placeholder" && placeholder));
    control = html`<input type="${spec.type}" ${common} value="${text}"${maxLength ? html` maxlength="${maxLength}"` : ""}${extra.map(
      ([k, v]) => html` ${k}="${v}"`,
    )}>`;
    if (q.type === "money")
      control = html`<span class="money">${control}<span class="unit" aria-hidden="true">€</span></span>`;
  }
  return html`<div class="field${f.error ? " invalid" : ""}">
<label for="${id}">${label}</label>
${hint ? html`<span class="hint" id="${hintId}">${hint}</span>` : ""}
${control}
${error}
</div>`;
}
