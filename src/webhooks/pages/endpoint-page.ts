// One endpoint: its settings, enable/disable, a new secret, and the delivery log with a replay button per line.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { formatDateTime } from "../../platform/http/views/format.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import type { AttemptRow, DeliveryRow } from "../delivery-queries.ts";
import type { EndpointRow } from "../endpoint-store.ts";
import { webhookMessages } from "./messages.ts";
import { eventCheckboxes, statusBadge } from "./webhooks-page.ts";

export function endpointPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  endpoint: EndpointRow;
  deliveries: { delivery: DeliveryRow; log: AttemptRow[] }[];
  nextCursor: string | null;
  secret?: string;
  error?: string;
}) {
  const t = webhookMessages(d.owner.locale);
  const e = d.endpoint;
  const when = (ms: number | null) =>
    ms ? formatDateTime(ms, d.owner.locale, d.owner.timeZone) : t("never");
  const action = (path: string, label: string, kind = "secondary") =>
    html`<form method="post" action="/dashboard/webhooks/${e.id}/${path}" class="inline">${csrfInput(d.csrfToken)}<button type="submit" class="${kind}">${label}</button></form>`;
  return page({
    title: `${t("title")} · ${e.url}`,
    locale: d.owner.locale,
    nav: { current: "webhooks", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/webhooks">← ${t("back")}</a></p>
<h1>${e.url}</h1>
<p>${statusBadge(e, t)} ${e.disabledReason ? html`<span class="small muted">${e.disabledReason}</span>` : ""}</p>
<p class="small">${t("lastSuccess")}${t("colon")}${when(e.lastSuccessAt)}${e.failingSince ? html` · ${t("failingSince")} ${when(e.failingSince)}` : ""}</p>
${d.secret ? html`<div class="secret" role="status"><p>${t("secretShown")}</p><p><code>${d.secret}</code></p></div>` : ""}
${d.error ? notice("error", d.error) : ""}
<form method="post" action="/dashboard/webhooks/${e.id}" class="card stack">
${csrfInput(d.csrfToken)}
${field({ name: "url", label: t("url"), type: "url", required: true, value: e.url })}
${field({ name: "description", label: t("description"), value: e.description ?? "" })}
${eventCheckboxes(e.events, t("events"))}
<div class="actions"><button type="submit">${t("save")}</button></div>
</form>
<div class="actions">${e.status === "active" ? action("disable", t("disable")) : action("enable", t("enable"), "")}
${action("rotate", t("rotate"))} ${action("delete", t("remove"), "danger")}</div>
<h2>${t("deliveries")}</h2>
${
  d.deliveries.length === 0
    ? html`<p class="muted">${t("noDeliveries")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("when")}</th><th scope="col">${t("event")}</th><th scope="col">${t("status")}</th><th scope="col">${t("attempts")}</th><th scope="col"></th></tr></thead>
<tbody>${d.deliveries.map(
        ({ delivery: x, log }) => html`<tr><td>${when(x.createdAt)}</td>
<td><code>${x.eventType}</code><br><span class="small muted">${x.resource}</span></td>
<td>${t(`delivery_${x.status}`)}${x.status === "pending" && x.attempts > 0 ? html`<br><span class="small">${t("nextAttempt", { when: when(x.nextAttemptAt) })}</span>` : ""}${x.lastError ? html`<br><span class="small">${x.lastError}</span>` : ""}</td>
<td class="small">${log.map(
          (a) =>
            html`<div>#${a.attempt} ${when(a.startedAt)} · ${a.statusCode ?? "—"} · ${a.durationMs} ms${a.error ? html` · ${a.error}` : ""}</div>`,
        )}</td>
<td>${
          x.status === "succeeded" || x.status === "failed"
            ? html`<form method="post" action="/dashboard/webhook-deliveries/${x.id}/replay">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("replay")}</button></form>`
            : ""
        }</td></tr>`,
      )}</tbody></table></div>
${d.nextCursor ? html`<p><a href="/dashboard/webhooks/${e.id}?cursor=${encodeURIComponent(d.nextCursor)}">${t("older")} →</a></p>` : ""}`
}`,
  });
}
