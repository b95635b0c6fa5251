// The month's days as a form: one row per day, "not worked / half / full" as a radio group. Weekends,
// holidays and days off are marked; days outside the mission are shown but cannot be ticked.
import { html } from "hono/html";
import { csrfInput } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { DAY_FIELD_PREFIX, type GridDay } from "../days-grid.ts";
import { dayLabel, daysText, shortDayLabel } from "../report-text.ts";
import type { MissionT } from "./mission-messages.ts";

const CHOICES = [
  [0, "none", "—"],
  [0.5, "half", "½"],
  [1, "full", "1"],
] as const;

function dayRow(t: MissionT, locale: Locale, day: GridDay, editable: boolean): Html {
  const label = dayLabel(day.date, locale);
  const marks = [day.dayOfWeek > 5 ? t("weekend") : "", day.holiday ? t("holiday") : ""].filter(Boolean);
  const name = `${DAY_FIELD_PREFIX}${day.date}`;
  const disabled = !editable || day.outside;
  return html`<tr><th scope="row"${day.dayOfWeek > 5 || day.holiday || day.outside ? html` class="muted"` : ""}><span aria-hidden="true">${shortDayLabel(day.date, locale)}</span><span class="visually-hidden">${label}</span>${marks.map((m) => html` <span class="badge">${m}</span>`)}</th>
${CHOICES.map(
  ([value, key, symbol]) =>
    html`<td><label><input type="radio" name="${name}" value="${value}"${day.fraction === value ? html` checked` : ""}${disabled ? html` disabled` : ""}> <span aria-hidden="true">${symbol}</span><span class="visually-hidden">${label}${t("colon")}${t(key)}</span></label></td>`,
)}</tr>`;
}

export function daysGridForm(d: {
  t: MissionT;
  locale: Locale;
  csrfToken: string;
  action: string;
  grid: GridDay[];
  editable: boolean;
  canApprove: boolean;
  approveAction: string;
  caption: string;
}): Html {
  const { t } = d;
  const total = d.grid.reduce((sum, day) => sum + day.fraction, 0);
  return html`<form method="post" action="${d.action}" class="stack">
${csrfInput(d.csrfToken)}
<div class="table-wrap"><table>
<caption class="visually-hidden">${d.caption}</caption>
<thead><tr><th scope="col">${t("dayCol")}</th><th scope="col">${t("none")}</th><th scope="col">${t("half")}</th><th scope="col">${t("full")}</th></tr></thead>
<tbody>${d.grid.map((day) => dayRow(t, d.locale, day, d.editable))}</tbody>
</table></div>
<p><strong>${t("totalDays", { days: daysText(total, d.locale) })}</strong></p>
${
  d.editable
    ? html`<div class="actions"><button type="submit" name="after" value="save" class="secondary">${t("saveDraft")}</button>
<button type="submit" name="after" value="submit">${t("saveAndSend")}</button></div>`
    : ""
}
</form>
${
  d.canApprove
    ? html`<form method="post" action="${d.approveAction}" class="actions">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("recordApproval")}</button></form>`
    : ""
}`;
}
