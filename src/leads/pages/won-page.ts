// "Won": the client and the mission in one form, prefilled from what the lead told us.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { defineMessages } from "../../platform/i18n.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    title: "{name}\u00a0: mission gagnée",
    intro:
      "Vérifiez ce que le prospect nous a dit, complétez l'adresse de facturation, et le client et la mission sont créés en une fois.",
    client: "Le client",
    clientId: "Client",
    newClient: "Nouveau client",
    clientName: "Raison sociale",
    billingEmail: "E-mail de facturation",
    line1: "Adresse",
    postalCode: "Code postal",
    city: "Ville",
    country: "Pays (code à deux lettres)",
    siren: "SIREN (facultatif)",
    existingHint: "Pour un client existant, les champs ci-dessous sont ignorés.",
    mission: "La mission",
    missionTitle: "Intitulé",
    dailyRate: "TJM (€ HT)",
    startDate: "Début",
    plannedEndDate: "Fin prévue",
    plannedHint: "Calculée à partir de la durée annoncée.",
    billingMode: "Facturation",
    monthly: "Chaque mois, sur compte rendu d'activité",
    end: "En fin de mission",
    platform: "Par la plateforme (Malt…)",
    paymentTermsDays: "Délai de paiement (jours)",
    errors: "Corrigez ces points\u00a0:",
    create: "Créer le client et la mission",
    cancel: "Annuler",
  },
  en: {
    title: "{name}: mission won",
    intro:
      "Check what the lead told us, complete the billing address, and the client and the mission are created in one go.",
    client: "The client",
    clientId: "Client",
    newClient: "New client",
    clientName: "Company name",
    billingEmail: "Billing email",
    line1: "Address",
    postalCode: "Postal code",
    city: "City",
    country: "Country (two-letter code)",
    siren: "SIREN (optional)",
    existingHint: "For an existing client, the fields below are ignored.",
    mission: "The mission",
    missionTitle: "Title",
    dailyRate: "Daily rate (€ excl. VAT)",
    startDate: "Start",
    plannedEndDate: "Planned end",
    plannedHint: "Worked out from the duration they gave.",
    billingMode: "Billing",
    monthly: "Every month, from an activity report",
    end: "At the end of the mission",
    platform: "Through the platform (Malt…)",
    paymentTermsDays: "Payment terms (days)",
    errors: "Please fix these:",
    create: "Create the client and the mission",
    cancel: "Cancel",
  },
});

export type WonFormValues = Record<
  | "clientId"
  | "clientName"
  | "billingEmail"
  | "line1"
  | "postalCode"
  | "city"
  | "country"
  | "siren"
  | "title"
  | "dailyRate"
  | "startDate"
  | "plannedEndDate"
  | "billingMode"
  | "paymentTermsDays",
  string
>;

export function wonPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  leadId: string;
  name: string;
  values: WonFormValues;
  clients: { id: string; name: string }[];
  errors: string[];
}) {
  const t = messages(d.owner.locale);
  const v = d.values;
  const title = t("title", { name: d.name });
  const text = (name: keyof WonFormValues, extra: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ name, label: t(name === "title" ? "missionTitle" : name), value: v[name], ...extra });
  return page({
    title,
    locale: d.owner.locale,
    narrow: true,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${title}</h1><p class="muted">${t("intro")}</p>
${d.errors.length ? notice("error", html`${t("errors")}<ul>${d.errors.map((e) => html`<li>${e}</li>`)}</ul>`) : ""}
<form method="post" action="/dashboard/leads/${d.leadId}/won" class="stack">${csrfInput(d.csrfToken)}
<fieldset class="card stack"><legend><h2>${t("client")}</h2></legend>
${d.clients.length ? field({ name: "clientId", label: t("clientId"), type: "select", value: v.clientId, hint: t("existingHint"), options: [{ value: "", label: t("newClient") }, ...d.clients.map((c) => ({ value: c.id, label: c.name }))] }) : ""}
${text("clientName", { autocomplete: "organization" })}
${text("billingEmail", { type: "email" })}
${text("line1", { autocomplete: "address-line1" })}
${text("postalCode", { autocomplete: "postal-code" })}
${text("city", { autocomplete: "address-level2" })}
${text("country", { attrs: { maxlength: "2" } })}
${text("siren", { attrs: { inputmode: "numeric" } })}
</fieldset>
<fieldset class="card stack"><legend><h2>${t("mission")}</h2></legend>
${text("title", { required: true })}
${text("dailyRate", { required: true, attrs: { inputmode: "decimal" } })}
${text("startDate", { type: "date", required: true })}
${text("plannedEndDate", { type: "date", hint: t("plannedHint") })}
${field({ name: "billingMode", label: t("billingMode"), type: "select", value: v.billingMode, options: (["monthly", "end", "platform"] as const).map((m) => ({ value: m, label: t(m) })) })}
${text("paymentTermsDays", { type: "number", attrs: { min: "0", max: "90" } })}
</fieldset>
<div class="actions"><button type="submit">${t("create")}</button><a href="/dashboard/leads/${d.leadId}">${t("cancel")}</a></div>
</form>`,
  });
}
