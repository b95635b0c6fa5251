// Clients: the list with a form to add one, and the edit page.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { clientForm, type FormValues } from "./client-form.ts";
import { missionMessages } from "./mission-messages.ts";

export interface ClientListItem {
  id: string;
  name: string;
  city: string;
  siren: string | null;
  billingEmail: string;
}

export function clientsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  clients: ClientListItem[];
  values: FormValues;
  errors: Record<string, string>;
  done?: boolean;
}): Html {
  const t = missionMessages(d.owner.locale);
  const hasErrors = Object.keys(d.errors).length > 0;
  return page({
    title: t("clientsTitle"),
    locale: d.owner.locale,
    nav: { current: "missions", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("clientsTitle")}</h1>
<p><a href="/dashboard/missions">${t("missionsTitle")}</a></p>
${d.done ? notice("ok", t("clientSaved")) : ""}
${
  d.clients.length === 0
    ? html`<p class="muted">${t("noClients")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("name")}</th><th scope="col">${t("city")}</th><th scope="col">${t("siren")}</th><th scope="col">${t("billingEmail")}</th></tr></thead>
<tbody>${d.clients.map(
        (c) =>
          html`<tr><td><a href="/dashboard/clients/${c.id}">${c.name}</a></td><td>${c.city}</td><td>${c.siren ?? "—"}</td><td>${c.billingEmail}</td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="new-client">${t("newClient")}</h2>
${hasErrors ? notice("error", t("fixErrors")) : ""}
${clientForm({ t, csrfToken: d.csrfToken, action: "/dashboard/clients", values: d.values, errors: d.errors, submitLabel: t("create") })}`,
  });
}

export function clientEditPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  clientId: string;
  values: FormValues;
  errors: Record<string, string>;
}): Html {
  const t = missionMessages(d.owner.locale);
  return page({
    title: d.values.name || t("clientsTitle"),
    locale: d.owner.locale,
    nav: { current: "missions", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/clients">${t("back")}</a></p>
<h1>${d.values.name}</h1>
${Object.keys(d.errors).length > 0 ? notice("error", t("fixErrors")) : ""}
${clientForm({ t, csrfToken: d.csrfToken, action: `/dashboard/clients/${d.clientId}`, values: d.values, errors: d.errors, submitLabel: t("save") })}`,
  });
}
