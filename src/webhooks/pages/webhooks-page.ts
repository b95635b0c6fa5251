// The owner's webhook endpoints, and the form that adds one (the secret is shown once, after creation).
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { formatDateTime } from "../../platform/http/views/format.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { EndpointRow } from "../endpoint-store.ts";
import { WEBHOOK_EVENT_TYPES } from "../event-types.ts";
import { webhookMessages } from "./messages.ts";

export function eventCheckboxes(selected: readonly string[], legend: string): Html {
  return html`<fieldset class="field"><legend>${legend}</legend>${WEBHOOK_EVENT_TYPES.map(
    (type) =>
      html`<div><label><input type="checkbox" name="events" value="${type}"${selected.includes(type) ? html` checked` : ""}> <code>${type}</code></label></div>`,
  )}</fieldset>`;
}

export function statusBadge(e: EndpointRow, t: ReturnType<typeof webhookMessages>): Html {
  return e.status === "active"
    ? html`<span class="badge ok">${t("active")}</span>`
    : html`<span class="badge bad">${t("disabled")}</span>`;
}

export function webhooksPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  endpoints: EndpointRow[];
  secret?: string;
  error?: string;
  form?: { url: string; description: string; events: string[] };
}) {
  const t = webhookMessages(d.owner.locale);
  const when = (ms: number | null) =>
    ms ? formatDateTime(ms, d.owner.locale, d.owner.timeZone) : t("never");
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "webhooks", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("title")}</h1>
<p class="muted">${t("intro")} <a href="/api/docs">${t("docs")}</a></p>
${d.secret ? html`<div class="secret" role="status"><p>${t("secretShown")}</p><p><code>${d.secret}</code></p></div>` : ""}
${d.error ? notice("error", d.error) : ""}
${
  d.endpoints.length === 0
    ? html`<p class="muted">${t("none")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("url")}</th><th scope="col">${t("events")}</th><th scope="col">${t("status")}</th><th scope="col">${t("lastSuccess")}</th></tr></thead>
<tbody>${d.endpoints.map(
        (
          e,
        ) => html`<tr><td><a href="/dashboard/webhooks/${e.id}">${e.url}</a>${e.description ? html`<br><span class="small muted">${e.description}</span>` : ""}</td>
<td class="small">${e.events.join(", ")}</td>
<td>${statusBadge(e, t)}${e.failingSince ? html`<br><span class="small">${t("failingSince")} ${when(e.failingSince)}</span>` : ""}</td>
<td>${when(e.lastSuccessAt)}</td></tr>`,
      )}</tbody></table></div>`
}
<form method="post" action="/dashboard/webhooks" class="card stack">
${csrfInput(d.csrfToken)}
${field({ name: "url", label: t("url"), type: "url", required: true, value: d.form?.url })}
${field({ name: "description", label: t("description"), value: d.form?.description })}
${eventCheckboxes(d.form?.events ?? [], t("events"))}
<div class="actions"><button type="submit">${t("add")}</button></div>
</form>`,
  });
}
