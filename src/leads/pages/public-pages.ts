// Pages reached from emails, without signing in: the owner's one-click actions and the prospect's
// introduction offer. Opening one changes nothing (mail scanners open links); only its button acts.
import { html } from "hono/html";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import type { LeadAction } from "../links.ts";
import type { Stage } from "../pipeline.ts";
import { channelLabel, stageLabel, VERDICT_BADGE, verdictLabel } from "./labels.ts";

const messages = defineMessages({
  fr: {
    title_qualify: "Marquer {name} comme qualifié",
    title_advance: "Faire avancer {name}",
    title_decline: "Décliner {name}",
    stage: "Étape actuelle\u00a0: {stage}",
    qualifyButton: "Marquer comme qualifié",
    alreadyQualified: "Ce prospect est déjà qualifié.",
    advanceButton: "Passer de «\u00a0{from}\u00a0» à «\u00a0{to}\u00a0»",
    advanceToWon:
      "Pour le passer en «\u00a0Gagné\u00a0», créez le client et la mission depuis le tableau de bord.",
    openWon: "Ouvrir le formulaire",
    movedSince:
      "Ce prospect a changé d'étape depuis cet e-mail\u00a0: il est maintenant à «\u00a0{stage}\u00a0».",
    closed: "Ce prospect est clos ({stage}).",
    message: "Le message envoyé à {name}",
    messageHint: "Dans sa langue. Vous pouvez le modifier.",
    declineSend: "Décliner et envoyer",
    declineQuiet: "Décliner sans e-mail",
    alreadyDeclined: "Ce prospect est déjà décliné.",
    done_qualify: "C'est fait\u00a0: {name} est qualifié.",
    done_advance: "C'est fait\u00a0: {name} est passé à l'étape suivante.",
    done_decline: "C'est fait\u00a0: {name} est décliné.",
    openLead: "Ouvrir la fiche",
    invalidTitle: "Ce lien n'est pas valide",
    invalidText: "Il est incomplet ou a été modifié. Ouvrez le tableau de bord pour agir.",
    expiredTitle: "Ce lien a expiré",
    expiredText:
      "Pour votre sécurité, les liens des e-mails ne servent que quelques jours. Ouvrez le tableau de bord pour agir.",
    goneTitle: "Ce prospect n'existe plus",
    goneText: "Ses données ont été effacées.",
    openDashboard: "Ouvrir le tableau de bord",
    introTitle: "Une mise en relation avec {partner}",
    introText: "{owner} ne peut pas prendre votre projet, mais connaît {partner}, qui pourrait vous aider.",
    introSkills: "Compétences\u00a0: {skills}.",
    introShared:
      "Si vous acceptez, {partner} recevra votre nom, votre adresse e-mail, votre entreprise et ce que vous avez décrit du projet. Rien n'est transmis sinon.",
    introButton: "Oui, mettez-moi en relation",
    introDone:
      "C'est fait\u00a0: {partner} a reçu vos coordonnées et devrait vous contacter rapidement. Un e-mail de confirmation vous a été envoyé.",
    introAlready: "Vous avez déjà été mis en relation avec {partner}.",
    introGoneTitle: "Cette proposition n'est plus disponible",
    introGoneText:
      "Le lien a expiré ou la proposition a été retirée. Vous pouvez répondre directement à l'e-mail reçu.",
  },
  en: {
    title_qualify: "Mark {name} as qualified",
    title_advance: "Move {name} forward",
    title_decline: "Decline {name}",
    stage: "Current stage: {stage}",
    qualifyButton: "Mark as qualified",
    alreadyQualified: "This lead is already qualified.",
    advanceButton: "Move from “{from}” to “{to}”",
    advanceToWon: "To mark it won, create the client and the mission from the dashboard.",
    openWon: "Open the form",
    movedSince: "This lead has moved since this email: it is now at “{stage}”.",
    closed: "This lead is closed ({stage}).",
    message: "The message sent to {name}",
    messageHint: "In their language. You can edit it.",
    declineSend: "Decline and send",
    declineQuiet: "Decline without an email",
    alreadyDeclined: "This lead is already declined.",
    done_qualify: "Done: {name} is qualified.",
    done_advance: "Done: {name} moved to the next stage.",
    done_decline: "Done: {name} is declined.",
    openLead: "Open the lead",
    invalidTitle: "This link is not valid",
    invalidText: "It is incomplete or was changed. Open the dashboard to act.",
    expiredTitle: "This link has expired",
    expiredText: "For your safety, links in emails only work for a few days. Open the dashboard to act.",
    goneTitle: "This lead no longer exists",
    goneText: "Their data was erased.",
    openDashboard: "Open the dashboard",
    introTitle: "An introduction to {partner}",
    introText: "{owner} cannot take on your project, but knows {partner}, who may be able to help.",
    introSkills: "Skills: {skills}.",
    introShared:
      "If you agree, {partner} will receive your name, email address, company and what you described of the project. Nothing is passed on otherwise.",
    introButton: "Yes, introduce me",
    introDone:
      "Done: {partner} has your details and should get in touch soon. A confirmation email is on its way to you.",
    introAlready: "You were already introduced to {partner}.",
    introGoneTitle: "This offer is no longer available",
    introGoneText:
      "The link expired or the offer was withdrawn. You can reply to the email you received directly.",
  },
});

export function linkProblemPage(
  locale: Locale,
  kind: "invalid" | "expired" | "gone" | "introGone",
  dashboard: boolean,
): Html {
  const t = messages(locale);
  const title = t(`${kind}Title`);
  return page({
    title,
    locale,
    narrow: true,
    body: html`<div class="card"><h1>${title}</h1><p>${t(`${kind}Text`)}</p>${dashboard ? html`<p><a href="/dashboard/leads">${t("openDashboard")}</a></p>` : ""}</div>`,
  });
}

export interface ActionPageData {
  locale: Locale;
  csrfToken: string;
  path: string;
  action: LeadAction;
  from: Stage;
  lead: {
    id: string;
    name: string;
    company: string | null;
    channel: string;
    verdict: "qualified" | "review" | "declined";
    stage: Stage;
  };
  reasons: string[];
  answers: { label: string; value: string }[];
  next: Stage | undefined;
  declineMessage: string | null;
  prospectLocale: Locale;
  done: boolean;
}

function actionBlock(d: ActionPageData): Html {
  const t = messages(d.locale);
  const vars = { name: d.lead.name };
  if (d.done) return notice("ok", t(`done_${d.action}`, vars));
  const form = (body: Html) =>
    html`<form method="post" action="${d.path}" class="stack">${csrfInput(d.csrfToken)}${body}</form>`;
  if (d.action === "qualify")
    return d.lead.verdict === "qualified"
      ? notice("info", t("alreadyQualified"))
      : form(html`<div class="actions"><button type="submit">${t("qualifyButton")}</button></div>`);
  if (d.action === "decline") {
    if (d.lead.stage === "declined") return notice("info", t("alreadyDeclined"));
    return form(
      html`${
        d.declineMessage !== null
          ? field({
              name: "message",
              label: t("message", vars),
              type: "textarea",
              value: d.declineMessage,
              hint: t("messageHint"),
              attrs: { rows: "12", maxlength: "5000", lang: d.prospectLocale },
            })
          : ""
      }<div class="actions">${d.declineMessage !== null ? html`<button type="submit" name="send" value="1">${t("declineSend")}</button>` : ""}<button type="submit" name="send" value="0"${d.declineMessage !== null ? html` class="secondary"` : ""}>${t("declineQuiet")}</button></div>`,
    );
  }
  if (d.lead.stage !== d.from)
    return notice("info", t("movedSince", { stage: stageLabel(d.lead.stage, d.locale) }));
  if (!d.next) return notice("info", t("closed", { stage: stageLabel(d.lead.stage, d.locale) }));
  if (d.next === "won")
    return html`<p>${t("advanceToWon")}</p><p><a class="button" href="/dashboard/leads/${d.lead.id}/won">${t("openWon")}</a></p>`;
  return form(
    html`<div class="actions"><button type="submit">${t("advanceButton", { from: stageLabel(d.from, d.locale), to: stageLabel(d.next, d.locale) })}</button></div>`,
  );
}

export function actionPage(d: ActionPageData): Html {
  const t = messages(d.locale);
  const title = t(`title_${d.action}`, { name: d.lead.name });
  return page({
    title,
    locale: d.locale,
    narrow: true,
    body: html`<h1>${title}</h1>
<div class="card"><p>${d.lead.company ? html`${d.lead.company} · ` : ""}${channelLabel(d.lead.channel, d.locale)} · <span class="badge ${VERDICT_BADGE[d.lead.verdict]}">${verdictLabel(d.lead.verdict, d.locale)}</span></p>
<p>${t("stage", { stage: stageLabel(d.lead.stage, d.locale) })}</p>
${d.reasons.length ? html`<ul class="reasons">${d.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ""}
${d.answers.length ? html`<dl class="details">${d.answers.map((a) => html`<div><dt>${a.label}</dt><dd>${a.value}</dd></div>`)}</dl>` : ""}</div>
<div class="card">${actionBlock(d)}</div>
<p><a href="/dashboard/leads/${d.lead.id}">${t("openLead")}</a></p>`,
  });
}

export function introPage(d: {
  locale: Locale;
  csrfToken: string;
  path: string;
  ownerName: string;
  partner: { name: string; skills: string[] };
  introducedTo: string | null;
  done: boolean;
}): Html {
  const t = messages(d.locale);
  const vars = { partner: d.partner.name, owner: d.ownerName };
  const title = t("introTitle", vars);
  return page({
    title,
    locale: d.locale,
    narrow: true,
    body: html`<h1>${title}</h1><div class="card">
${
  d.introducedTo
    ? notice(
        "ok",
        d.done ? t("introDone", { partner: d.introducedTo }) : t("introAlready", { partner: d.introducedTo }),
      )
    : html`<p>${t("introText", vars)}</p>${d.partner.skills.length ? html`<p>${t("introSkills", { skills: d.partner.skills.join(", ") })}</p>` : ""}
<p>${t("introShared", vars)}</p>
<form method="post" action="${d.path}" class="actions">${csrfInput(d.csrfToken)}<button type="submit">${t("introButton")}</button></form>`
}</div>`,
  });
}
