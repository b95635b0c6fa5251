// One mission: its details (editable), its activity reports month by month with the selected month's
// days grid, the platform's invoices when the platform bills it, and its invoices.
import { html } from "hono/html";
import { formatEuros } from "../../invoicing/money.ts";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { GridDay } from "../days-grid.ts";
import { daysText, monthLabel } from "../report-text.ts";
import type { FormValues } from "./client-form.ts";
import { daysGridForm } from "./days-grid-form.ts";
import { billingLabel, missionStatusBadge, reportStatusBadge, sourceLabel, statusOptions } from "./labels.ts";
import { type MissionT, missionMessages } from "./mission-messages.ts";
import { missionFields } from "./missions-page.ts";

export interface MissionPageData {
  owner: CurrentOwner;
  csrfToken: string;
  mission: {
    id: string;
    title: string;
    clientId: string;
    clientName: string;
    status: string;
    dailyRateCents: number;
    startDate: string;
    endDate: string | null;
    plannedEndDate: string | null;
    billingMode: string;
    source: string;
  };
  clients: { id: string; name: string }[];
  months: { month: string; status?: string; totalDays?: number }[];
  selected: {
    month: string;
    status?: string;
    grid: GridDay[];
    prefilled: boolean;
    clientComment: string | null;
    submittedOn: string | null;
    invoiceId: string | null;
  } | null;
  externalInvoices: { platform: string; number: string; issueDate: string; amountCents: number }[];
  invoices: {
    id: string;
    number: string | null;
    status: string;
    type: string;
    grossCents: number;
    issueDate: string | null;
  }[];
  flash?: string;
  error?: string;
  missionValues: FormValues;
  missionErrors: Record<string, string>;
  externalValues: FormValues;
  externalErrors: Record<string, string>;
}

function reportSection(t: MissionT, d: MissionPageData): Html {
  const s = d.selected;
  if (!s) return html``;
  const locale = d.owner.locale;
  const base = `/dashboard/missions/${d.mission.id}/reports/${s.month}`;
  const editable = s.status !== "approved";
  return html`<section aria-labelledby="report-title" class="card">
<h2 id="report-title">${t("reportOf", { month: monthLabel(s.month, locale) })} ${reportStatusBadge(t, s.status)}</h2>
${s.prefilled ? html`<p class="small muted">${t("prefilled")}</p>` : ""}
${s.status === "contested" && s.clientComment ? notice("error", t("contestedBy", { comment: s.clientComment })) : ""}
${s.status === "submitted" && s.submittedOn ? notice("info", t("submittedNotice", { date: s.submittedOn })) : ""}
${s.status === "approved" ? html`<p>${t("approvedReadOnly")}${s.invoiceId ? html` <a href="/dashboard/invoices/${s.invoiceId}">${t("invoiceLink")}</a>` : ""}</p>` : ""}
${daysGridForm({
  t,
  locale,
  csrfToken: d.csrfToken,
  action: base,
  grid: s.grid,
  editable,
  canApprove: editable && s.status !== undefined,
  approveAction: `${base}/approve`,
  caption: t("reportOf", { month: monthLabel(s.month, locale) }),
})}
</section>`;
}

function externalSection(t: MissionT, d: MissionPageData): Html {
  if (d.mission.billingMode !== "platform") return html``;
  const locale = d.owner.locale;
  const f = (
    name: string,
    label: Parameters<MissionT>[0],
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) =>
    field({
      name,
      label: t(label),
      value: d.externalValues[name] ?? "",
      error: d.externalErrors[name],
      ...extra,
    });
  return html`<section aria-labelledby="external-title">
<h2 id="external-title">${t("externalTitle")}</h2>
<p class="muted">${t("externalIntro")}</p>
${
  d.externalInvoices.length === 0
    ? html`<p class="muted">${t("noExternal")}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t("externalPlatform")}</th><th scope="col">${t("externalNumber")}</th><th scope="col">${t("externalDate")}</th><th scope="col">${t("externalAmount")}</th></tr></thead>
<tbody>${d.externalInvoices.map((e) => html`<tr><td>${e.platform}</td><td>${e.number}</td><td>${e.issueDate}</td><td>${formatEuros(e.amountCents, locale)}</td></tr>`)}</tbody></table></div>`
}
<form method="post" action="/dashboard/missions/${d.mission.id}/external-invoices" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
<div class="grid">${f("number", "externalNumber", { required: true })}${f("issueDate", "externalDate", { type: "date", required: true })}${f("amount", "externalAmount", { required: true, attrs: { inputmode: "decimal" } })}</div>
<div class="actions"><button type="submit">${t("externalAdd")}</button></div>
</form></section>`;
}

export function missionPage(d: MissionPageData): Html {
  const t = missionMessages(d.owner.locale);
  const locale = d.owner.locale;
  const m = d.mission;
  const editErrors = Object.keys(d.missionErrors).length > 0;
  return page({
    title: m.title,
    locale,
    nav: { current: "missions", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/missions">${t("missionsTitle")}</a></p>
<h1>${m.title}</h1>
<p>${m.clientName} · ${missionStatusBadge(t, m.status)} · ${formatEuros(m.dailyRateCents, locale, { dropZeroCents: true })} · ${m.startDate} → ${m.endDate ?? m.plannedEndDate ?? "…"} · ${sourceLabel(t, m.source)} · ${billingLabel(t, m.billingMode)}</p>
${d.flash ? notice("ok", d.flash) : ""}
${d.error ? notice("error", d.error) : ""}
<h2>${t("reports")}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("month")}</th><th scope="col">${t("days")}</th><th scope="col">${t("status")}</th></tr></thead>
<tbody>${d.months.map(
      (
        r,
      ) => html`<tr><td><a href="/dashboard/missions/${m.id}?month=${r.month}#report-title"${d.selected?.month === r.month ? html` aria-current="true"` : ""}>${monthLabel(r.month, locale)}</a></td>
<td>${r.totalDays === undefined ? "—" : daysText(r.totalDays, locale)}</td><td>${reportStatusBadge(t, r.status)}</td></tr>`,
    )}</tbody></table></div>
${reportSection(t, d)}
${externalSection(t, d)}
<h2>${t("invoicesTitle")}</h2>
${
  d.invoices.length === 0
    ? html`<p class="muted">${t("noInvoices")}</p>`
    : html`<ul>${d.invoices.map((i) => html`<li><a href="/dashboard/invoices/${i.id}">${i.number ?? t("reportDraft")}</a> — ${formatEuros(i.grossCents, locale)}${i.issueDate ? ` — ${i.issueDate}` : ""}</li>`)}</ul>`
}
<details${editErrors ? html` open` : ""}><summary>${t("details")}</summary>
${editErrors ? notice("error", t("fixErrors")) : ""}
<form method="post" action="/dashboard/missions/${m.id}" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
${missionFields(t, d.missionValues, d.missionErrors, d.clients)}
<div class="grid">
${field({ name: "status", label: t("status"), type: "select", value: d.missionValues.status ?? m.status, options: statusOptions(t) })}
${field({ name: "endDate", label: t("endDate"), type: "date", value: d.missionValues.endDate ?? "", error: d.missionErrors.endDate })}
</div>
<div class="actions"><button type="submit">${t("save")}</button></div>
</form></details>`,
  });
}
