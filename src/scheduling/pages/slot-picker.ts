// The week of free times in the visitor's zone: a zone picker, previous/next week, one radio per slot.
// Works without JavaScript (plain forms); the page script only submits the zone form on change.
import { html } from "hono/html";
import { formatDate, formatTime } from "../../platform/http/views/format.ts";
import { csrfInput, notice } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { pageMessages } from "../page-messages.ts";
import type { WeekWindow } from "./week.ts";

export interface PickerSlot {
  start: string;
  startMs: number;
}

export interface SlotPickerData {
  locale: Locale;
  csrfToken: string;
  timeZone: string;
  timeZones: readonly string[];
  /** true when the zone is the owner's because the visitor's was unknown: the script then swaps in the browser's */
  zoneGuessed: boolean;
  week: WeekWindow;
  days: { date: string; slots: PickerSlot[] }[];
  /** where the zone and week forms go; "post" when the carried token is too long for a URL */
  nav: { action: string; method: "get" | "post"; hidden: Record<string, string> };
  book: { action: string; hidden: Record<string, string>; label: string };
  error?: string;
}

function hiddenFields(fields: Record<string, string>): Html {
  return html`${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}`;
}

function weekLabel(monday: string, locale: Locale): string {
  const formatter = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  return formatter.format(Date.parse(`${monday}T12:00:00Z`));
}

export function slotPicker(d: SlotPickerData): Html {
  const t = pageMessages(d.locale);
  const zones = d.timeZones.includes(d.timeZone) ? d.timeZones : [d.timeZone, ...d.timeZones];
  const navForm = (body: Html, className: string) =>
    html`<form method="${d.nav.method}" action="${d.nav.action}" class="${className}">${d.nav.method === "post" ? csrfInput(d.csrfToken) : ""}${hiddenFields(d.nav.hidden)}${body}</form>`;
  let index = 0;
  return html`<section class="picker" aria-labelledby="pick-heading">
<h2 id="pick-heading">${t("pickTime")}</h2>
${d.error ? notice("error", d.error) : ""}
${navForm(
  html`<input type="hidden" name="week" value="${d.week.monday}">
<div class="field"><label for="f-timeZone">${t("zone")}</label><span class="hint" id="f-timeZone-hint">${t("zoneHint")}</span>
<div class="inline-control"><select id="f-timeZone" name="timeZone" aria-describedby="f-timeZone-hint" data-zone-picker${d.zoneGuessed ? html` data-zone-guess` : ""}>${zones.map(
    (z) =>
      html`<option value="${z}"${z === d.timeZone ? html` selected` : ""}>${z.replace(/_/g, " ")}</option>`,
  )}</select><button type="submit" class="secondary">${t("showZone")}</button></div></div>`,
  "zone-form",
)}
<div class="week-bar">
<h3>${t("weekOf", { date: weekLabel(d.week.monday, d.locale) })}</h3>
${navForm(
  html`<input type="hidden" name="timeZone" value="${d.timeZone}">
<button type="submit" name="week" value="${d.week.previous ?? ""}" class="secondary"${d.week.previous ? "" : html` disabled`}><span aria-hidden="true">‹</span> ${t("prevWeek")}</button>
<button type="submit" name="week" value="${d.week.next ?? ""}" class="secondary"${d.week.next ? "" : html` disabled`}>${t("nextWeek")} <span aria-hidden="true">›</span></button>`,
  "week-nav",
)}
</div>
${
  d.days.length === 0
    ? html`<p class="muted">${t("noSlotsWeek")}</p>`
    : html`<form method="post" action="${d.book.action}" class="slot-form">
${csrfInput(d.csrfToken)}${hiddenFields(d.book.hidden)}<input type="hidden" name="timeZone" value="${d.timeZone}">
${d.days.map(
  (day) =>
    html`<fieldset class="day"><legend>${formatDate(day.slots[0]?.startMs ?? 0, d.locale, d.timeZone)}</legend><div class="slots">${day.slots.map(
      (s) => {
        const id = `slot-${index++}`;
        return html`<span class="slot"><input type="radio" name="start" id="${id}" value="${s.start}" required><label for="${id}">${formatTime(s.startMs, d.locale, d.timeZone)}</label></span>`;
      },
    )}</div></fieldset>`,
)}
<div class="book-bar"><button type="submit">${d.book.label}</button></div>
</form>`
}
<p class="small muted grid-note">${t("gridNote")}</p>
</section>`;
}
