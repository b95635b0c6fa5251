// The owner's lead settings: default triage criteria, the decline email, partner freelancers.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { defineMessages } from "../../platform/i18n.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    title: "Critères et e-mails",
    criteria: "Vos critères par défaut",
    criteriaIntro:
      "Ils trient les prospects ajoutés à la main, importés ou reçus par l'API, et chaque lien de réservation pour ce qu'il ne précise pas lui-même.",
    minDailyRate: "TJM minimum (€)",
    minDurationMonths: "Durée minimum (mois)",
    requiredSkills: "Compétences recherchées",
    skillsHint: "Séparées par des virgules, par exemple\u00a0: TypeScript, React, Node.js",
    excludedSkills: "Compétences refusées",
    remote: "Télétravail",
    remote_any: "Peu importe",
    remote_preferred: "De préférence",
    remote_required: "Obligatoire",
    earliestStartDate: "Disponible à partir du",
    declineEmail: "E-mail aux prospects déclinés",
    declineEmail_manual: "Seulement quand je décline moi-même (je relis le message)",
    declineEmail_auto: "Automatique dès qu'un prospect est décliné par le tri",
    template: "Message de refus",
    templateHint:
      "{name}\u00a0: le nom du prospect\u00a0; {reasons}\u00a0: les raisons du tri, dans sa langue\u00a0; {owner}\u00a0: votre nom. Videz le champ pour revenir au texte proposé.",
    templateFr: "En français",
    templateEn: "En anglais",
    partners: "Freelances partenaires",
    partnersHint:
      "Un par ligne\u00a0: Nom <e-mail> compétences. Un prospect décliné se voit proposer une mise en relation avec celui dont les compétences correspondent le mieux, et rien n'est transmis sans son accord.",
    partnerErrors: "Lignes non reconnues\u00a0: {lines}",
    save: "Enregistrer",
    saved: "Réglages enregistrés.",
    errors: "Corrigez ces points\u00a0:",
  },
  en: {
    title: "Criteria and emails",
    criteria: "Your default criteria",
    criteriaIntro:
      "They triage leads added by hand, imported or received through the API, and every booking link for what it does not set itself.",
    minDailyRate: "Minimum daily rate (€)",
    minDurationMonths: "Minimum duration (months)",
    requiredSkills: "Skills wanted",
    skillsHint: "Comma separated, for example: TypeScript, React, Node.js",
    excludedSkills: "Skills refused",
    remote: "Remote work",
    remote_any: "Don't mind",
    remote_preferred: "Preferred",
    remote_required: "Required",
    earliestStartDate: "Available from",
    declineEmail: "Email to declined leads",
    declineEmail_manual: "Only when I decline myself (I read the message first)",
    declineEmail_auto: "Automatic as soon as triage declines a lead",
    template: "Decline message",
    templateHint:
      "{name}: the lead's name; {reasons}: triage's reasons, in their language; {owner}: your name. Empty the field to go back to the suggested text.",
    templateFr: "In French",
    templateEn: "In English",
    partners: "Partner freelancers",
    partnersHint:
      "One per line: Name <email> skills. A declined lead is offered an introduction to the one whose skills fit best, and nothing is passed on without their agreement.",
    partnerErrors: "Lines not understood: {lines}",
    save: "Save",
    saved: "Settings saved.",
    errors: "Please fix these:",
  },
});

export type SettingsFormValues = Record<
  | "minDailyRate"
  | "minDurationMonths"
  | "requiredSkills"
  | "excludedSkills"
  | "remote"
  | "earliestStartDate"
  | "declineEmail"
  | "templateFr"
  | "templateEn"
  | "partners",
  string
>;

export function settingsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  values: SettingsFormValues;
  errors: Partial<Record<keyof SettingsFormValues, string>>;
  saved: boolean;
}) {
  const t = messages(d.owner.locale);
  const v = d.values;
  const text = (name: keyof SettingsFormValues, extra: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ name, label: t(name), value: v[name], error: d.errors[name], ...extra });
  const hasErrors = Object.keys(d.errors).length > 0;
  // The hint names the placeholders themselves.
  const templateHint = t("templateHint", { name: "{name}", reasons: "{reasons}", owner: "{owner}" });
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${t("title")}</h1>${leadsNav(d.owner.locale, "settings")}
${hasErrors ? notice("error", t("errors")) : d.saved ? notice("ok", t("saved")) : ""}
<form method="post" action="/dashboard/leads/settings" class="stack">${csrfInput(d.csrfToken)}
<fieldset class="card stack"><legend><h2>${t("criteria")}</h2></legend><p class="muted">${t("criteriaIntro")}</p>
${text("minDailyRate", { attrs: { inputmode: "decimal" } })}
${text("minDurationMonths", { attrs: { inputmode: "decimal" } })}
${text("requiredSkills", { hint: t("skillsHint") })}
${text("excludedSkills", { hint: t("skillsHint") })}
${field({ name: "remote", label: t("remote"), type: "select", value: v.remote, options: (["any", "preferred", "required"] as const).map((r) => ({ value: r, label: t(`remote_${r}`) })) })}
${text("earliestStartDate", { type: "date" })}
</fieldset>
<fieldset class="card stack"><legend><h2>${t("declineEmail")}</h2></legend>
${field({ name: "declineEmail", label: t("declineEmail"), type: "select", value: v.declineEmail, options: (["manual", "auto"] as const).map((m) => ({ value: m, label: t(`declineEmail_${m}`) })) })}
<h3>${t("template")}</h3><p class="hint">${templateHint}</p>
${text("templateFr", { type: "textarea", attrs: { rows: "12", maxlength: "4000", lang: "fr" } })}
${text("templateEn", { type: "textarea", attrs: { rows: "12", maxlength: "4000", lang: "en" } })}
</fieldset>
<fieldset class="card stack"><legend><h2>${t("partners")}</h2></legend>
${text("partners", { type: "textarea", hint: t("partnersHint"), attrs: { rows: "5", maxlength: "10000" } })}
</fieldset>
<div class="actions"><button type="submit">${t("save")}</button></div></form>`,
  });
}

export function partnerErrorsText(locale: CurrentOwner["locale"], lines: number[]): string {
  return messages(locale)("partnerErrors", { lines: lines.join(", ") });
}
