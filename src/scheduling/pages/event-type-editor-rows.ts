// The repeated parts of the booking-link editor: places, weekly windows, date overrides, questions.
// Without JavaScript a form cannot grow, so each list ends with blank rows: filling one adds an item.
import { html } from "hono/html";
import { field } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { commonMessages } from "../emails/common-messages.ts";
import { QUESTION_ROLES, QUESTION_TYPES } from "../questions.ts";
import { type DashboardT, dashboardMessages } from "./dashboard-messages.ts";
import {
  BLANK_QUESTION,
  type EventTypeFormValues,
  type QuestionRow,
  WEEKDAY_KEYS,
} from "./event-type-form.ts";
import { fieldId } from "./question-fields.ts";

export type Errors = Record<string, string>;

/** The rows as submitted, plus blank ones until `trailing` blanks end the list (and at least `min` rows). */
export function padRows<T>(
  rows: readonly T[],
  isBlank: (row: T) => boolean,
  make: () => T,
  trailing: number,
  min = 0,
  max = Infinity,
): T[] {
  const out = [...rows];
  let blanks = 0;
  for (let i = out.length - 1; i >= 0 && isBlank(out[i]!); i--) blanks++;
  while ((blanks < trailing || out.length < min) && out.length < max) {
    out.push(make());
    blanks++;
  }
  return out;
}

function checkbox(name: string, label: string, checked: boolean): Html {
  return html`<label class="choice"><input type="checkbox" id="${fieldId(name)}" name="${name}" value="on"${checked ? html` checked` : ""}> ${label}</label>`;
}

function errorOf(errors: Errors, ...names: string[]): Html | string {
  const found = names.map((n) => errors[n] && { n, e: errors[n] }).filter(Boolean) as {
    n: string;
    e: string;
  }[];
  return html`${found.map(({ n, e }) => html`<span class="error-text" id="${fieldId(n)}-error">${e}</span>`)}`;
}

function smallInput(
  name: string,
  label: string,
  value: string,
  errors: Errors,
  attrs: Html | string = "",
): Html {
  const id = fieldId(name);
  return html`<label class="visually-hidden" for="${id}">${label}</label><input type="text" id="${id}" name="${name}" value="${value}"${
    errors[name] ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""
  }${attrs}>`;
}

export function locationRows(v: EventTypeFormValues, errors: Errors, locale: Locale): Html {
  const t = dashboardMessages(locale);
  const c = commonMessages(locale);
  const types = [
    { value: "", label: t("noLocation") },
    { value: "video", label: c("locationVideo") },
    { value: "google_meet", label: c("locationGoogleMeet") },
    { value: "phone", label: c("locationPhone") },
    { value: "in_person", label: c("locationInPerson") },
  ];
  const rows = padRows(
    v.locations,
    (r) => !r.type && !r.details,
    () => ({ type: "", details: "" }),
    1,
    1,
    5,
  );
  return html`${rows.map(
    (row, i) => html`<div class="form-grid">
${field({ name: `locations.${i}.type`, label: t("locationType", { n: i + 1 }), type: "select", value: row.type, options: types, error: errors[`locations.${i}.type`] })}
${field({ name: `locations.${i}.details`, label: t("locationDetails", { n: i + 1 }), value: row.details, error: errors[`locations.${i}.details`] })}
</div>`,
  )}`;
}

export function weeklyHoursRows(v: EventTypeFormValues, errors: Errors, locale: Locale): Html {
  const t = dashboardMessages(locale);
  const timeAttrs = html` inputmode="numeric" placeholder="HH:MM" maxlength="5" class="time"`;
  return html`${WEEKDAY_KEYS.map((day) => {
    const rows = padRows(
      v.weeklyHours[day],
      (r) => !r.start && !r.end,
      () => ({ start: "", end: "" }),
      1,
      2,
      12,
    );
    return html`<fieldset class="day-hours"><legend>${t(day)}</legend><div class="windows">${rows.map(
      (row, i) => {
        const base = `weeklyHours.${day}.${i}`;
        return html`<div class="window">${smallInput(`${base}.start`, t("windowStart", { day: t(day), n: i + 1 }), row.start, errors, timeAttrs)}<span aria-hidden="true">–</span>${smallInput(
          `${base}.end`,
          t("windowEnd", { day: t(day), n: i + 1 }),
          row.end,
          errors,
          html` inputmode="numeric" placeholder="HH:MM" maxlength="5" class="time"`,
        )}${errorOf(errors, `${base}.start`, `${base}.end`)}</div>`;
      },
    )}</div></fieldset>`;
  })}`;
}

export function overrideRows(v: EventTypeFormValues, errors: Errors, locale: Locale): Html {
  const t = dashboardMessages(locale);
  const rows = padRows(
    v.dateOverrides,
    (r) => !r.date && !r.hours,
    () => ({ date: "", hours: "" }),
    2,
  );
  return html`${rows.map(
    (row, i) => html`<div class="form-grid">
${field({ name: `dateOverrides.${i}.date`, label: t("overrideDate", { n: i + 1 }), type: "date", value: row.date, error: errors[`dateOverrides.${i}.date`] })}
${field({ name: `dateOverrides.${i}.hours`, label: t("overrideHours", { n: i + 1 }), value: row.hours, error: errors[`dateOverrides.${i}.hours`], attrs: { placeholder: "10:00-12:00, 14:00-16:00" } })}
</div>`,
  )}`;
}

function questionBlock(row: QuestionRow, i: number, errors: Errors, t: DashboardT): Html {
  const at = `questions.${i}`;
  const f = (name: keyof QuestionRow) => `${at}.${name}`;
  const isNew = !row.id && !row.labelFr;
  const types = QUESTION_TYPES.map((type) => ({ value: type, label: t(`type_${type}`) }));
  const roles = [
    { value: "", label: t("qRoleNone") },
    ...QUESTION_ROLES.map((r) => ({ value: r, label: t(`role_${r}`) })),
  ];
  // Bounds and options only show for the types that use them (or when filled); the rest waits under "More".
  const numeric = row.type === "number" || row.type === "money" || !!row.min || !!row.max;
  const choices = isNew || row.type === "select" || row.type === "multiselect" || !!row.options;
  const bounds = html`${field({ name: f("min"), label: t("qMin"), value: row.min, hint: row.type === "number" ? undefined : t("qBoundsHint"), error: errors[f("min")] })}
${field({ name: f("max"), label: t("qMax"), value: row.max, error: errors[f("max")] })}`;
  const options = field({
    name: f("options"),
    label: t("qOptions"),
    type: "textarea",
    value: row.options,
    error: errors[f("options")],
    attrs: { rows: "3" },
  });
  const hidden = [
    "id",
    "maxLength",
    "placeholderFr",
    "placeholderEn",
    ...(numeric ? [] : ["min", "max"]),
    ...(choices ? [] : ["options"]),
  ];
  const moreOpen = hidden.some((n) => errors[`${at}.${n}`]);
  return html`<fieldset class="question"><legend>${isNew ? t("newQuestion") : t("question", { n: i + 1 })}${row.labelFr && !isNew ? html` · ${row.labelFr}` : ""}</legend>
<div class="form-grid">
${field({ name: f("labelFr"), label: t("qLabelFr"), value: row.labelFr, error: errors[f("labelFr")] })}
${field({ name: f("labelEn"), label: t("qLabelEn"), value: row.labelEn, error: errors[f("labelEn")] })}
${field({ name: f("type"), label: t("qType"), type: "select", value: row.type, options: types, error: errors[f("type")] })}
${field({ name: f("role"), label: t("qRole"), type: "select", value: row.role, options: roles, error: errors[f("role")] })}
${numeric ? bounds : ""}
${field({ name: f("position"), label: t("qPosition"), type: "number", value: row.position || String(i + 1), attrs: { min: "1", max: "99" } })}
</div>
${choices ? options : ""}
<div class="actions">${checkbox(f("required"), t("qRequired"), row.required)}${isNew ? "" : checkbox(f("remove"), t("qRemove"), row.remove)}</div>
<details${moreOpen ? html` open` : ""}><summary>${t("qMore")}</summary><div class="form-grid">
${field({ name: f("id"), label: t("qId"), value: row.id, hint: t("qIdHint"), error: errors[f("id")], attrs: { autocapitalize: "none", spellcheck: "false" } })}
${field({ name: f("maxLength"), label: t("qMaxLength"), value: row.maxLength, error: errors[f("maxLength")], attrs: { inputmode: "numeric" } })}
${field({ name: f("placeholderFr"), label: t("qPlaceholderFr"), value: row.placeholderFr, error: errors[f("placeholderFr")] })}
${field({ name: f("placeholderEn"), label: t("qPlaceholderEn"), value: row.placeholderEn, error: errors[f("placeholderEn")] })}
${numeric ? "" : bounds}
</div>${choices ? "" : options}</details>
</fieldset>`;
}

export function questionRows(v: EventTypeFormValues, errors: Errors, locale: Locale): Html {
  const t = dashboardMessages(locale);
  const isBlank = (q: QuestionRow) => !q.id && !q.labelFr && !q.labelEn && !q.options;
  const rows = padRows(v.questions, isBlank, () => ({ ...BLANK_QUESTION }), 2, 0, 32);
  return html`${rows.map((row, i) => questionBlock(row, i, errors, t))}`;
}
