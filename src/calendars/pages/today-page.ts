// Dashboard: today's calls, each with what the owner needs to walk in prepared.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { formatDate, formatTime } from "../../platform/http/views/format.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { verdictLabel } from "../../scheduling/emails/email-parts.ts";
import type { CallPreparation } from "../call-preparation.ts";
import { type CalendarT, calendarMessages } from "../messages.ts";

const VERDICT_BADGE = { qualified: "ok", review: "warn", declined: "bad" } as const;

function callCard(call: CallPreparation, owner: CurrentOwner, t: CalendarT): Html {
  const time = `${formatTime(call.startMs, owner.locale, owner.timeZone)}–${formatTime(call.endMs, owner.locale, owner.timeZone)}`;
  return html`<article class="card stack">
<h2>${time} · ${call.title} ${t("with")} ${call.prospect.name}${call.status === "pending" ? html` <span class="badge warn">${t("pending")}</span>` : ""}</h2>
<p class="muted"><a href="mailto:${call.prospect.email}">${call.prospect.email}</a>${call.location?.details && !call.joinUrl && !call.phone ? ` · ${call.location.details}` : ""}</p>
${
  call.verdict
    ? html`<p><span class="badge ${VERDICT_BADGE[call.verdict.verdict]}">${verdictLabel(owner.locale, call.verdict.verdict)}</span></p>${
        call.verdict.reasons.length
          ? html`<ul class="small">${call.verdict.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
          : ""
      }`
    : ""
}
${
  call.answers.length
    ? html`<h3>${t("answers")}</h3><dl>${call.answers.map((a) => html`<dt>${a.label}</dt><dd>${a.value}</dd>`)}</dl>`
    : ""
}
${call.notes ? html`<h3>${t("notes")}</h3><blockquote>${call.notes}</blockquote>` : ""}
<div class="actions">
${call.joinUrl ? html`<a class="button" href="${call.joinUrl}">${t("join")}</a>` : ""}
${call.phone ? html`<a class="button" href="tel:${call.phone.replace(/[^\d+]/g, "")}">${t("call")} ${call.phone}</a>` : ""}
${call.leadUrl ? html`<a href="${call.leadUrl}">${t("openLead")}</a>` : ""}
<a href="${call.cancelUrl}">${t("cancelCall")}</a>
</div>
</article>`;
}

export function todayPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  dayMs: number;
  calls: CallPreparation[];
}): Html {
  const t = calendarMessages(d.owner.locale);
  return page({
    title: t("todayTitle"),
    locale: d.owner.locale,
    nav: { current: "today", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("todayTitle")}</h1>
<p class="muted">${formatDate(d.dayMs, d.owner.locale, d.owner.timeZone)} · <a href="/dashboard/calendars">${t("title")}</a></p>
${d.calls.length === 0 ? html`<p>${t("todayNone")}</p>` : d.calls.map((c) => callCard(c, d.owner, t))}`,
  });
}
