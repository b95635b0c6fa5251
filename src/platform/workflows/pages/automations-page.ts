// The automations page: every run with its state, what it waits for and when, its last error; retry a
// failed run or cancel a waiting one with plain POST forms. Filters are a GET form; no JavaScript.
import { html } from "hono/html";
import type { CurrentOwner } from "../../http/context.ts";
import { csrfInput, notice } from "../../http/views/forms.ts";
import { type Html, page } from "../../http/views/layout.ts";
import { type AutomationT, automationMessages } from "./automation-messages.ts";
import type { NextStep } from "./next-step.ts";

export const RUN_STATUSES = ["waiting", "running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunItem {
  id: string;
  title: string;
  status: RunStatus;
  about: { label: string; href: string | null };
  next: NextStep;
  lastError: string | null;
  attempts: number;
}

export interface AutomationsPageData {
  owner: CurrentOwner;
  csrfToken: string;
  filters: { status: string; workflow: string };
  workflows: { name: string; title: string }[];
  items: RunItem[];
  notice?: "retried" | "cancelled" | "conflict";
}

const BADGE: Record<RunStatus, string> = {
  waiting: "",
  running: "warn",
  completed: "ok",
  failed: "bad",
  cancelled: "",
};

function nextCell(n: NextStep): Html {
  return html`${n.text}${n.code ? html`<code>${n.code}</code>` : ""}${
    n.when ? html`<br><span class="small muted">${n.when}</span>` : ""
  }`;
}

function actions(r: RunItem, d: AutomationsPageData, t: AutomationT): Html | string {
  const what = html`<span class="visually-hidden"> — ${r.title}, ${r.about.label}</span>`;
  const form = (action: "retry" | "cancel", label: string, kind: string) =>
    html`<form method="post" action="/dashboard/automations/runs/${r.id}/${action}">${csrfInput(d.csrfToken)}<button type="submit"${kind ? html` class="${kind}"` : ""}>${label}${what}</button></form>`;
  const buttons = [
    r.status === "failed" ? form("retry", t("retry"), "") : "",
    r.status === "waiting" || r.status === "failed" ? form("cancel", t("cancel"), "secondary") : "",
  ].filter(Boolean);
  return buttons.length ? html`<div class="row-actions">${buttons}</div>` : "";
}

function filters(d: AutomationsPageData, t: AutomationT): Html {
  const option = (value: string, label: string, current: string) =>
    html`<option value="${value}"${value === current ? html` selected` : ""}>${label}</option>`;
  return html`<form method="get" action="/dashboard/automations" class="filters">
<div class="field"><label for="f-status">${t("statusFilter")}</label><select id="f-status" name="status">
${option("", t("all"), d.filters.status)}${RUN_STATUSES.map((s) => option(s, t(`status_${s}`), d.filters.status))}</select></div>
<div class="field"><label for="f-workflow">${t("workflowFilter")}</label><select id="f-workflow" name="workflow">
${option("", t("all"), d.filters.workflow)}${d.workflows.map((w) => option(w.name, w.title, d.filters.workflow))}</select></div>
<button type="submit" class="secondary">${t("filter")}</button>
</form>`;
}

function table(d: AutomationsPageData, t: AutomationT): Html {
  if (d.items.length === 0) return html`<p class="muted">${t("none")}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("title")}"><table>
<thead><tr><th scope="col">${t("colWorkflow")}</th><th scope="col">${t("colAbout")}</th><th scope="col">${t("colStatus")}</th><th scope="col">${t("colNext")}</th><th scope="col">${t("colError")}</th><th scope="col">${t("colActions")}</th></tr></thead>
<tbody>${d.items.map(
    (r) => html`<tr><th scope="row">${r.title}</th>
<td>${r.about.href ? html`<a href="${r.about.href}">${r.about.label}</a>` : r.about.label}</td>
<td><span class="badge ${BADGE[r.status]}">${t(`status_${r.status}`).replace(/ /g, "\u00a0")}</span>${
      r.attempts > 0
        ? html`<br><span class="small muted">${t("attempts", { attempts: r.attempts })}</span>`
        : ""
    }</td>
<td>${nextCell(r.next)}</td>
<td>${r.lastError ? html`<span class="small">${r.lastError.slice(0, 300)}</span>` : ""}</td>
<td>${actions(r, d, t)}</td></tr>`,
  )}</tbody></table></div>`;
}

export function automationsPage(d: AutomationsPageData): Html {
  const t = automationMessages(d.owner.locale);
  const notices = { retried: t("retried"), cancelled: t("cancelledNotice"), conflict: t("conflict") };
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "automations", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("title")}</h1>
<p>${t("intro", { zone: d.owner.timeZone.replace(/_/g, " ") })}</p>
<p><a href="/dashboard/automations/settings">${t("settingsLink")}</a></p>
${d.notice ? notice(d.notice === "conflict" ? "error" : "ok", notices[d.notice]) : ""}
${filters(d, t)}
${table(d, t)}`,
  });
}
