// The owner's billing identity form, with what an invoice still needs listed above it.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { type InvoiceT, invoiceMessages } from "./invoice-messages.ts";

export const SETTINGS_FIELDS = [
  "legalName",
  "tradeName",
  "legalForm",
  "siren",
  "siret",
  "vatFranchise",
  "vatNumber",
  "address.line1",
  "address.line2",
  "address.postalCode",
  "address.city",
  "address.country",
  "email",
  "iban",
  "bic",
  "capital",
  "rcs",
  "invoicePrefix",
  "creditNotePrefix",
  "latePenaltyRate",
] as const;

const LABELS: Record<(typeof SETTINGS_FIELDS)[number], Parameters<InvoiceT>[0]> = {
  legalName: "legalName",
  tradeName: "tradeName",
  legalForm: "legalForm",
  siren: "siren",
  siret: "siret",
  vatFranchise: "vatFranchise",
  vatNumber: "vatNumber",
  "address.line1": "line1",
  "address.line2": "line2",
  "address.postalCode": "postalCode",
  "address.city": "city",
  "address.country": "country",
  email: "email",
  iban: "iban",
  bic: "bic",
  capital: "capital",
  rcs: "rcs",
  invoicePrefix: "invoicePrefix",
  creditNotePrefix: "creditNotePrefix",
  latePenaltyRate: "latePenaltyRate",
};

export function businessSettingsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  missing: string[];
  warnings: { path: string; message: string }[];
  saved?: boolean;
}): Html {
  const t = invoiceMessages(d.owner.locale);
  const f = (name: (typeof SETTINGS_FIELDS)[number], extra: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ name, label: t(LABELS[name]), value: d.values[name] ?? "", error: d.errors[name], ...extra });
  return page({
    title: t("settingsTitle"),
    locale: d.owner.locale,
    nav: { current: "invoices", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("settingsTitle")}</h1>
<p class="muted">${t("settingsIntro")}</p>
${d.saved ? notice("ok", t("settingsSaved")) : ""}
${Object.keys(d.errors).length > 0 ? notice("error", t("fixErrors")) : ""}
${
  d.missing.length > 0
    ? html`<div class="card"><p>${t("stillMissing")}</p><ul>${d.missing.map((m) => html`<li><code>${m}</code></li>`)}</ul></div>`
    : notice("info", t("complete"))
}
${d.warnings.length > 0 ? notice("info", `${t("warning")}${t("colon")}${t("vatWarning")}`) : ""}
<form method="post" action="/dashboard/settings/business" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
${f("legalName", { autocomplete: "organization" })}
<div class="grid">${f("tradeName")}${f("legalForm")}</div>
<div class="grid">${f("siren", { attrs: { inputmode: "numeric" } })}${f("siret", { attrs: { inputmode: "numeric" } })}</div>
<div class="grid">${f("vatFranchise", {
      type: "select",
      options: [
        { value: "", label: "—" },
        { value: "false", label: t("vatFranchiseNo") },
        { value: "true", label: t("vatFranchiseYes") },
      ],
    })}${f("vatNumber")}</div>
${f("address.line1", { autocomplete: "address-line1" })}
${f("address.line2", { autocomplete: "address-line2" })}
<div class="grid">${f("address.postalCode", { autocomplete: "postal-code" })}${f("address.city", { autocomplete: "address-level2" })}${f("address.country", { attrs: { maxlength: "2" } })}</div>
${f("email", { type: "email", autocomplete: "email" })}
<div class="grid">${f("iban")}${f("bic")}</div>
<div class="grid">${f("capital", { attrs: { inputmode: "decimal" } })}${f("rcs")}</div>
<div class="grid">${f("invoicePrefix", { hint: t("invoicePrefixHint") })}${f("creditNotePrefix", { hint: t("creditNotePrefixHint") })}</div>
${f("latePenaltyRate")}
<div class="actions"><button type="submit">${t("save")}</button></div>
</form>`,
  });
}
