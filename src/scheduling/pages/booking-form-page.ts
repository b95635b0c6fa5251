// Step 1: the link's title and description, its qualifying questions, name, email and notes.
import { html } from "hono/html";
import { formatEuros } from "../../leads/format-money.ts";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { AnswerError } from "../answers.ts";
import { localized } from "../event-type-view.ts";
import { type PageT, pageMessages } from "../page-messages.ts";
import type { Question } from "../questions.ts";
import { answerField, type BookingFormValues, type ContactError, HONEYPOT_FIELD } from "./booking-form.ts";
import { type LangSwitch, type LinkHeader, linkHeader, publicPage } from "./public-parts.ts";
import { fieldId, questionField } from "./question-fields.ts";

export interface BookingFormPageData {
  locale: Locale;
  csrfToken: string;
  action: string;
  langSwitch: LangSwitch;
  header: LinkHeader;
  questions: Question[];
  values: BookingFormValues;
  /** by field name ("name", "email", "notes", "answers.<id>"), already in the visitor's language */
  errors: Record<string, string>;
}

const KNOWN_CODES = new Set([
  "required",
  "too_long",
  "invalid_email",
  "invalid_url",
  "invalid_phone",
  "invalid_date",
  "invalid_number",
  "invalid_money",
  "invalid_boolean",
  "invalid_option",
  "too_small",
  "too_large",
]);

function answerErrorText(
  t: PageT,
  locale: Locale,
  error: AnswerError,
  question: Question | undefined,
): string {
  if (!KNOWN_CODES.has(error.code)) return t("err_other");
  const limit = error.limit ?? 0;
  const shown =
    question?.type === "money"
      ? formatEuros(limit, locale)
      : limit.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB");
  return t(`err_${error.code}` as "err_required", { limit: shown });
}

/** Validation results as messages next to each field, in the visitor's language. */
export function bookingFormErrors(
  locale: Locale,
  questions: readonly Question[],
  answerErrors: readonly AnswerError[],
  contactErrors: readonly ContactError[],
): Record<string, string> {
  const t = pageMessages(locale);
  const errors: Record<string, string> = {};
  for (const e of contactErrors)
    errors[e.field] = t(`err_${e.code}`, { limit: e.field === "name" ? 120 : 5000 });
  for (const e of answerErrors) {
    const question = questions.find((q) => e.path === answerField(q.id));
    if (question) errors[e.path] ??= answerErrorText(t, locale, e, question);
  }
  return errors;
}

function errorSummary(t: PageT, d: BookingFormPageData): Html | string {
  const names = Object.keys(d.errors);
  if (names.length === 0) return "";
  const label = (name: string) => {
    const q = d.questions.find((x) => answerField(x.id) === name);
    if (q) return localized(q.label, d.locale);
    return name === "name" ? t("yourName") : name === "email" ? t("yourEmail") : t("notes");
  };
  const order = ["name", "email", ...d.questions.map((q) => answerField(q.id)), "notes"].filter((n) =>
    names.includes(n),
  );
  return html`<div class="notice error" role="alert" tabindex="-1" id="error-summary"><p>${t("errorSummary", { count: order.length })}</p>
<ul>${order.map((n) => html`<li><a href="#${fieldId(n)}">${label(n)}</a></li>`)}</ul></div>`;
}

function notesField(t: PageT, value: string, error: string | undefined): Html {
  return html`<div class="field${error ? " invalid" : ""}"><label for="f-notes">${t("notes")} <span class="optional">${t("optional")}</span></label>
<textarea id="f-notes" name="notes" rows="3" maxlength="5000"${error ? html` aria-invalid="true" aria-describedby="f-notes-error"` : ""}>${value}</textarea>
${error ? html`<span class="error-text" id="f-notes-error">${error}</span>` : ""}</div>`;
}

export function bookingFormPage(d: BookingFormPageData): Html {
  const t = pageMessages(d.locale);
  const v = d.values;
  return publicPage({
    title: d.header.title,
    locale: d.locale,
    langSwitch: d.langSwitch,
    body: html`${linkHeader(d.header, d.locale, { label: `${t("stepOf", { n: 1 })} · ${t("step1")}` })}
${errorSummary(t, d)}
<form method="post" action="${d.action}" class="card stack booking-form" novalidate>
${csrfInput(d.csrfToken)}
<input type="hidden" name="lang" value="${d.locale}">
<input type="hidden" name="timeZone" value="${v.timeZone}" data-browser-zone>
${v.source ? html`<input type="hidden" name="source" value="${v.source}">` : ""}
${Object.entries(v.utm).map(([k, value]) => html`<input type="hidden" name="${k}" value="${value}">`)}
<p class="muted">${t("intro")}</p>
${field({ name: "name", label: t("yourName"), value: v.name, error: d.errors.name, required: true, autocomplete: "name", attrs: { maxlength: "120" } })}
${field({ name: "email", label: t("yourEmail"), type: "email", value: v.email, error: d.errors.email, required: true, autocomplete: "email" })}
${d.questions.map((q) => questionField({ question: q, value: v.answers[q.id], error: d.errors[answerField(q.id)], locale: d.locale, t }))}
${notesField(t, v.notes, d.errors.notes)}
<div class="hp" aria-hidden="true"><label for="f-${HONEYPOT_FIELD}">${t("honeypot")}</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<div class="actions"><button type="submit">${t("continue")}</button></div>
</form>`,
  });
}
