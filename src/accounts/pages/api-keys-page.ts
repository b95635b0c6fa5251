import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { formatDateTime } from "../../platform/http/views/format.ts";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { accountMessages } from "../messages.ts";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export function apiKeysPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  keys: ApiKeyView[];
  newKey?: string;
  error?: string;
}) {
  const t = accountMessages(d.owner.locale);
  const when = (ms: number | null) =>
    ms ? formatDateTime(ms, d.owner.locale, d.owner.timeZone) : t("never");
  return page({
    title: t("apiKeysTitle"),
    locale: d.owner.locale,
    nav: { current: "apiKeys", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("apiKeysTitle")}</h1>
<p class="muted">${t("apiKeysIntro")}</p>
${d.newKey ? html`<div class="secret" role="status"><p>${t("newKeyShown")}</p><p><code>${d.newKey}</code></p></div>` : ""}
<form method="post" action="/dashboard/api-keys" class="card stack">
${csrfInput(d.csrfToken)}
${field({ name: "name", label: t("keyName"), required: true, error: d.error })}
${field({
  name: "scopes",
  label: t("scopes"),
  type: "select",
  value: "read,write",
  options: [
    { value: "read,write", label: t("scopeReadWrite") },
    { value: "read", label: t("scopeRead") },
  ],
})}
<div class="actions"><button type="submit">${t("createKey")}</button></div>
</form>
${
  d.keys.length === 0
    ? html`<p class="muted">${t("noKeys")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("keyName")}</th><th scope="col">${t("scopes")}</th><th scope="col">${t("created")}</th><th scope="col">${t("lastUsed")}</th><th scope="col">${t("status")}</th><th scope="col">${t("actions")}</th></tr></thead>
<tbody>${d.keys.map(
        (
          k,
        ) => html`<tr><td>${k.name}<br><code class="small">${k.prefix}…</code></td><td>${k.scopes === "read" ? t("scopeRead") : t("scopeReadWrite")}</td><td>${when(k.createdAt)}</td><td>${when(k.lastUsedAt)}</td>
<td>${k.revokedAt ? html`<span class="badge bad">${t("revoked")}</span>` : html`<span class="badge ok">${t("active")}</span>`}</td>
<td>${k.revokedAt ? "" : html`<form method="post" action="/dashboard/api-keys/${k.id}/revoke">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("revoke")}<span class="visually-hidden"> ${k.name}</span></button></form>`}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}
