// The billing identity form's flat fields, to and from the settings' API shape.
import type { BusinessSettings } from "./business-settings.ts";
import { centsToInput, parseEurosToCents } from "./money-input.ts";

export function settingsFormValues(s: BusinessSettings | undefined): Record<string, string> {
  if (!s) return { "address.country": "FR", invoicePrefix: "F", creditNotePrefix: "AV" };
  return {
    legalName: s.legalName ?? "",
    tradeName: s.tradeName ?? "",
    legalForm: s.legalForm ?? "",
    siren: s.siren ?? "",
    siret: s.siret ?? "",
    vatFranchise: s.vatFranchise === undefined ? "" : String(s.vatFranchise),
    vatNumber: s.vatNumber ?? "",
    "address.line1": s.address?.line1 ?? "",
    "address.line2": s.address?.line2 ?? "",
    "address.postalCode": s.address?.postalCode ?? "",
    "address.city": s.address?.city ?? "",
    "address.country": s.address?.country ?? "",
    email: s.email ?? "",
    iban: s.iban ?? "",
    bic: s.bic ?? "",
    capital: typeof s.capitalCents === "number" ? centsToInput(s.capitalCents) : "",
    rcs: s.rcs ?? "",
    invoicePrefix: s.invoicePrefix ?? "",
    creditNotePrefix: s.creditNotePrefix ?? "",
    latePenaltyRate: s.latePenaltyRate ?? "",
  };
}

/** The body PUT /api/settings/business would get; an unreadable capital is passed on as text to be refused. */
export function settingsBodyFromForm(form: Record<string, string>): Record<string, unknown> {
  const addressFields = ["line1", "line2", "postalCode", "city", "country"] as const;
  const anyAddress = addressFields.some((k) => (form[`address.${k}`] ?? "").trim() !== "");
  const capital = (form.capital ?? "").trim();
  return {
    legalName: form.legalName,
    tradeName: form.tradeName,
    legalForm: form.legalForm,
    siren: form.siren,
    siret: form.siret,
    vatFranchise: form.vatFranchise === "true" ? true : form.vatFranchise === "false" ? false : undefined,
    vatNumber: form.vatNumber,
    address: anyAddress
      ? Object.fromEntries(addressFields.map((k) => [k, form[`address.${k}`] ?? ""]))
      : undefined,
    email: form.email,
    iban: form.iban,
    bic: form.bic,
    capitalCents: capital === "" ? undefined : (parseEurosToCents(capital) ?? capital),
    rcs: form.rcs,
    invoicePrefix: form.invoicePrefix,
    creditNotePrefix: form.creditNotePrefix,
    latePenaltyRate: form.latePenaltyRate,
  };
}

/** API paths back to the form's field names. */
export function settingsFieldName(path: string): string {
  return path === "capitalCents" ? "capital" : path;
}
