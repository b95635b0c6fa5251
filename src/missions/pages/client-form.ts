// The client form (create and edit): field names are the API paths, so API errors land on their field.
import { html } from "hono/html";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { MissionT } from "./mission-messages.ts";

export type FormValues = Record<string, string>;

export function clientFields(t: MissionT, v: FormValues, e: Record<string, string>): Html {
  const f = (
    name: string,
    label: Parameters<MissionT>[0],
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: v[name] ?? "", error: e[name], ...extra });
  return html`${f("name", "name", { required: true, autocomplete: "organization" })}
${f("address.line1", "line1", { required: true, autocomplete: "address-line1" })}
${f("address.line2", "line2", { autocomplete: "address-line2" })}
<div class="grid">
${f("address.postalCode", "postalCode", { required: true, autocomplete: "postal-code" })}
${f("address.city", "city", { required: true, autocomplete: "address-level2" })}
${f("address.country", "country", { required: true, attrs: { maxlength: "2" } })}
</div>
<div class="grid">
${f("siren", "siren", { attrs: { inputmode: "numeric" } })}
${f("siret", "siret", { attrs: { inputmode: "numeric" } })}
${f("vatNumber", "vatNumber")}
</div>
${f("billingEmail", "billingEmail", { type: "email", required: true })}
${f("locale", "locale", {
  type: "select",
  options: [
    { value: "fr", label: t("localeFr") },
    { value: "en", label: t("localeEn") },
  ],
})}`;
}

export function clientForm(d: {
  t: MissionT;
  csrfToken: string;
  action: string;
  values: FormValues;
  errors: Record<string, string>;
  submitLabel: string;
}): Html {
  return html`<form method="post" action="${d.action}" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
${clientFields(d.t, d.values, d.errors)}
<div class="actions"><button type="submit">${d.submitLabel}</button></div>
</form>`;
}

/** The form's flat fields back to the API's nested body. */
export function clientBodyFromForm(form: FormValues): Record<string, unknown> {
  return {
    name: form.name,
    address: {
      line1: form["address.line1"],
      line2: form["address.line2"],
      postalCode: form["address.postalCode"],
      city: form["address.city"],
      country: form["address.country"],
    },
    siren: form.siren,
    siret: form.siret,
    vatNumber: form.vatNumber,
    billingEmail: form.billingEmail,
    locale: form.locale === "en" ? "en" : "fr",
  };
}

export function clientFormValues(c: {
  name: string;
  address: Record<string, string>;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  billingEmail: string;
  locale: string;
}): FormValues {
  return {
    name: c.name,
    "address.line1": c.address.line1 ?? "",
    "address.line2": c.address.line2 ?? "",
    "address.postalCode": c.address.postalCode ?? "",
    "address.city": c.address.city ?? "",
    "address.country": c.address.country ?? "",
    siren: c.siren ?? "",
    siret: c.siret ?? "",
    vatNumber: c.vatNumber ?? "",
    billingEmail: c.billingEmail,
    locale: c.locale,
  };
}
