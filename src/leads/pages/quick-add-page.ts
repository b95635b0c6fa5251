// Adding a lead by hand: paste the message, pick the channel, let Créneau read it, check, save.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { defineMessages } from "../../platform/i18n.ts";
import { channelLabel, PICKABLE_CHANNELS } from "./labels.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    title: "Ajouter un prospect",
    intro:
      "Collez le message reçu sur Malt, LinkedIn ou par e-mail\u00a0: Créneau y repère le nom, l'e-mail, l'entreprise, le TJM, la durée et la stack. Vérifiez avant d'enregistrer.",
    message: "Le message",
    channel: "Reçu via",
    read: "Lire le message",
    found: "Voici ce que le message dit. Complétez ou corrigez, puis enregistrez.",
    nothingFound: "Rien n'a pu être reconnu\u00a0: remplissez les champs à la main.",
    details: "Le prospect",
    name: "Nom",
    email: "E-mail (facultatif)",
    company: "Entreprise",
    dailyRate: "TJM proposé (€)",
    durationMonths: "Durée (mois)",
    skills: "Stack",
    remote: "Télétravail",
    remoteUnknown: "Non précisé",
    remote_remote: "Télétravail complet",
    remote_hybrid: "Hybride",
    remote_onsite: "Sur site",
    startDate: "Démarrage",
    save: "Enregistrer le prospect",
    errors: "Corrigez ces points\u00a0:",
  },
  en: {
    title: "Add a lead",
    intro:
      "Paste the message you received on Malt, LinkedIn or by email: Créneau picks out the name, email, company, daily rate, duration and stack. Check before saving.",
    message: "The message",
    channel: "Received through",
    read: "Read the message",
    found: "Here is what the message says. Complete or correct it, then save.",
    nothingFound: "Nothing could be recognised: fill in the fields by hand.",
    details: "The lead",
    name: "Name",
    email: "Email (optional)",
    company: "Company",
    dailyRate: "Daily rate offered (€)",
    durationMonths: "Duration (months)",
    skills: "Stack",
    remote: "Remote",
    remoteUnknown: "Not said",
    remote_remote: "Fully remote",
    remote_hybrid: "Hybrid",
    remote_onsite: "On site",
    startDate: "Start",
    save: "Save the lead",
    errors: "Please fix these:",
  },
});

export type QuickAddValues = Record<
  | "message"
  | "channel"
  | "name"
  | "email"
  | "company"
  | "dailyRate"
  | "durationMonths"
  | "skills"
  | "remote"
  | "startDate",
  string
>;

export const EMPTY_QUICK_ADD: QuickAddValues = {
  message: "",
  channel: "malt",
  name: "",
  email: "",
  company: "",
  dailyRate: "",
  durationMonths: "",
  skills: "",
  remote: "",
  startDate: "",
};

export function quickAddPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  values: QuickAddValues;
  /** after "read": the details step is shown */
  read: boolean;
  foundSomething: boolean;
  errors: Partial<Record<keyof QuickAddValues, string>>;
}) {
  const locale = d.owner.locale;
  const t = messages(locale);
  const v = d.values;
  const text = (name: keyof QuickAddValues, extra: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ name, label: t(name), value: v[name], error: d.errors[name], ...extra });
  const hasErrors = Object.keys(d.errors).length > 0;
  return page({
    title: t("title"),
    locale,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${t("title")}</h1>${leadsNav(locale, "add")}
<p class="muted">${t("intro")}</p>
${hasErrors ? notice("error", t("errors")) : d.read ? notice("info", d.foundSomething ? t("found") : t("nothingFound")) : ""}
<form method="post" action="/dashboard/leads/new" class="card stack">${csrfInput(d.csrfToken)}
${text("message", { type: "textarea", attrs: { rows: d.read ? "6" : "12", maxlength: "20000" } })}
${field({ name: "channel", label: t("channel"), type: "select", value: v.channel, options: PICKABLE_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, locale) })) })}
${
  d.read
    ? html`<fieldset class="stack"><legend><h2>${t("details")}</h2></legend>
${text("name", { required: true, autocomplete: "off" })}
${text("email", { type: "email", autocomplete: "off" })}
${text("company", { autocomplete: "off" })}
${text("dailyRate", { attrs: { inputmode: "decimal" } })}
${text("durationMonths", { attrs: { inputmode: "decimal" } })}
${text("skills")}
${field({ name: "remote", label: t("remote"), type: "select", value: v.remote, options: [{ value: "", label: t("remoteUnknown") }, ...(["remote", "hybrid", "onsite"] as const).map((r) => ({ value: r, label: t(`remote_${r}`) }))] })}
${text("startDate", { type: "date" })}
</fieldset>
<div class="actions"><button type="submit" name="step" value="save">${t("save")}</button><button type="submit" name="step" value="read" class="secondary">${t("read")}</button></div>`
    : html`<div class="actions"><button type="submit" name="step" value="read">${t("read")}</button></div>`
}
</form>`,
  });
}
