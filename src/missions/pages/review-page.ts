// The page a client reaches from the emailed link: the month's days, and approve / contest.
import { html } from "hono/html";
import { formatEuros } from "../../invoicing/money.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { dayLabel, daysText, monthLabel } from "../report-text.ts";
import { sumDays } from "../working-days.ts";
import { reviewMessages } from "./review-messages.ts";

export interface ReviewPageData {
  locale: Locale;
  csrfToken: string;
  action: string;
  ownerName: string;
  missionTitle: string;
  clientName: string;
  month: string;
  days: readonly { date: string; fraction: number }[];
  dailyRateCents: number;
  status: "draft" | "submitted" | "approved" | "contested";
  clientComment: string | null;
  /** false when the report was changed or re-sent after this link */
  current: boolean;
  comment?: string;
  error?: string;
}

function outcome(d: ReviewPageData): Html | string {
  const t = reviewMessages(d.locale);
  if (!d.current) return notice("info", t("replaced"));
  if (d.status === "approved") return notice("ok", t("approved"));
  if (d.status === "contested")
    return html`${notice("info", t("contested", { owner: d.ownerName }))}${
      d.clientComment
        ? html`<p><strong>${t("yourComment")}</strong></p><blockquote>${d.clientComment}</blockquote>`
        : ""
    }`;
  if (d.status !== "submitted") return notice("info", t("notSubmitted"));
  return "";
}

export function reviewPage(d: ReviewPageData): Html {
  const t = reviewMessages(d.locale);
  const month = monthLabel(d.month, d.locale);
  const total = sumDays(d.days);
  const open = d.current && d.status === "submitted";
  return page({
    title: t("title", { month }),
    locale: d.locale,
    narrow: true,
    body: html`<p class="muted">${t("from", { owner: d.ownerName })}</p>
<h1>${t("title", { month })}</h1>
<p>${t("subtitle", { mission: d.missionTitle, client: d.clientName })}</p>
${outcome(d)}
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("daysCaption")}"><table>
<caption class="visually-hidden">${t("daysCaption")}</caption>
<thead><tr><th scope="col">${t("day")}</th><th scope="col">${t("worked")}</th></tr></thead>
<tbody>${d.days.map((day) => html`<tr><td>${dayLabel(day.date, d.locale)}</td><td>${daysText(day.fraction, d.locale)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${t("total")}</th><td><strong>${daysText(total, d.locale)}</strong></td></tr></tfoot>
</table></div>
<div class="card"><p>${t("dailyRate")}${t("colon")}${formatEuros(d.dailyRateCents, d.locale)}<br>
${t("amount")}${t("colon")}<strong>${formatEuros(Math.round(total * d.dailyRateCents), d.locale)}</strong></p></div>
${
  open
    ? html`<form method="post" action="${d.action}" class="card stack">
${csrfInput(d.csrfToken)}
${field({ name: "comment", label: t("comment"), type: "textarea", value: d.comment, hint: t("commentHint"), error: d.error, attrs: { maxlength: "2000" } })}
<div class="actions"><button type="submit" name="decision" value="approve">${t("approve")}</button>
<button type="submit" name="decision" value="contest" class="secondary">${t("contest")}</button></div>
</form>`
    : ""
}`,
  });
}
