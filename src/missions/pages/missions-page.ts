// The missions list, with the form to start a new one.
import { html } from "hono/html";
import { formatEuros } from "../../invoicing/money.ts";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { FormValues } from "./client-form.ts";
import { billingLabel, billingOptions, missionStatusBadge, sourceOptions } from "./labels.ts";
import { type MissionT, missionMessages } from "./mission-messages.ts";

export interface MissionListItem {
  id: string;
  title: string;
  clientName: string;
  status: string;
  dailyRateCents: number;
  startDate: string;
  endDate: string | null;
  plannedEndDate: string | null;
  billingMode: string;
}

export function missionFields(
  t: MissionT,
  v: FormValues,
  e: Record<string, string>,
  clients: { id: string; name: string }[],
): Html {
  const f = (
    name: string,
    label: Parameters<MissionT>[0],
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: v[name] ?? "", error: e[name], ...extra });
  return html`${f("clientId", "client", {
    type: "select",
    required: true,
    options: clients.map((c) => ({ value: c.id, label: c.name })),
  })}
${f("title", "title", { required: true })}
<div class="grid">
${f("dailyRate", "dailyRate", { required: true, attrs: { inputmode: "decimal" } })}
${f("paymentTermsDays", "paymentTermsDays", { type: "number", attrs: { min: "0", max: "60" } })}
</div>
<div class="grid">
${f("startDate", "startDate", { type: "date", required: true })}
${f("plannedEndDate", "plannedEndDate", { type: "date" })}
</div>
<div class="grid">
${f("source", "source", { type: "select", options: sourceOptions(t) })}
${f("billingMode", "billingMode", { type: "select", options: billingOptions(t) })}
</div>
${f("ratingUrl", "ratingUrl", { type: "url" })}`;
}

export function missionsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  missions: MissionListItem[];
  clients: { id: string; name: string }[];
  values: FormValues;
  errors: Record<string, string>;
}): Html {
  const t = missionMessages(d.owner.locale);
  const locale = d.owner.locale;
  return page({
    title: t("missionsTitle"),
    locale,
    nav: { current: "missions", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("missionsTitle")}</h1>
<p><a href="/dashboard/clients">${t("clientsLink")}</a></p>
${
  d.missions.length === 0
    ? html`<p class="muted">${t("noMissions")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("mission")}</th><th scope="col">${t("status")}</th><th scope="col">${t("rate")}</th><th scope="col">${t("dates")}</th><th scope="col">${t("billingMode")}</th></tr></thead>
<tbody>${d.missions.map(
        (
          m,
        ) => html`<tr><td><a href="/dashboard/missions/${m.id}">${m.title}</a><br><span class="small muted">${m.clientName}</span></td>
<td>${missionStatusBadge(t, m.status)}</td><td>${formatEuros(m.dailyRateCents, locale, { dropZeroCents: true })}</td>
<td>${m.startDate} → ${m.endDate ?? m.plannedEndDate ?? "…"}</td><td>${billingLabel(t, m.billingMode)}</td></tr>`,
      )}</tbody></table></div>`
}
<h2>${t("newMission")}</h2>
${
  d.clients.length === 0
    ? html`<p>${t("noClients")} <a href="/dashboard/clients#new-client">${t("newClient")}</a></p>`
    : html`${Object.keys(d.errors).length > 0 ? notice("error", t("fixErrors")) : ""}
<form method="post" action="/dashboard/missions" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
${missionFields(t, d.values, d.errors, d.clients)}
<div class="actions"><button type="submit">${t("create")}</button></div>
</form>`
}`,
  });
}
