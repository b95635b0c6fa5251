// The short forms behind a lead's actions: why it was lost, the decline message, erasing a person.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    lostTitle: "Pourquoi {name} est-il perdu\u00a0?",
    lostReason: "La raison",
    lostHint:
      "Par exemple\u00a0: TJM trop bas, a choisi un autre freelance, projet annulé, plus de nouvelles.",
    lostError: "Dites en quelques mots pourquoi ce prospect est perdu.",
    lostSave: "Marquer comme perdu",
    cancel: "Annuler",
    declineTitle: "Décliner {name}",
    declineMessage: "Le message envoyé à {name}",
    declineHint: "Écrit dans sa langue ({language}). Vous pouvez le modifier librement.",
    declineIntro:
      "L'e-mail propose aussi de le mettre en relation avec l'un de vos partenaires\u00a0; rien ne leur est transmis sans son accord.",
    declineSend: "Décliner et envoyer le message",
    declineQuiet: "Décliner sans envoyer d'e-mail",
    declineNoEmail:
      "Ce prospect n'a pas d'adresse e-mail connue\u00a0: il sera seulement marqué comme décliné.",
    declineAlready: "Le message de refus lui a déjà été envoyé.",
    declineOnly: "Marquer comme décliné",
    eraseTitle: "Effacer les données de {name}",
    eraseIntro:
      "Sont effacés définitivement\u00a0: ses coordonnées, ses réponses, vos notes, les détails de ses rendez-vous et les e-mails envoyés à ce sujet ({leads} demande(s)).",
    eraseKept:
      "Restent, sans rien qui permette de l'identifier\u00a0: le canal, les étapes et leurs dates, pour que vos statistiques restent justes.",
    eraseExport: "Avant d'effacer, vous pouvez exporter ses données.",
    exportLink: "Exporter (JSON)",
    eraseConfirm: "Effacer définitivement",
    fr: "français",
    en: "anglais",
  },
  en: {
    lostTitle: "Why was {name} lost?",
    lostReason: "The reason",
    lostHint: "For example: rate too low, chose another freelancer, project cancelled, no news.",
    lostError: "Say in a few words why this lead was lost.",
    lostSave: "Mark as lost",
    cancel: "Cancel",
    declineTitle: "Decline {name}",
    declineMessage: "The message sent to {name}",
    declineHint: "Written in their language ({language}). Edit it as you like.",
    declineIntro:
      "The email also offers to introduce them to one of your partners; nothing is passed on without their agreement.",
    declineSend: "Decline and send the message",
    declineQuiet: "Decline without an email",
    declineNoEmail: "This lead has no known email address: it will only be marked as declined.",
    declineAlready: "The decline message was already sent to them.",
    declineOnly: "Mark as declined",
    eraseTitle: "Erase {name}'s data",
    eraseIntro:
      "Erased for good: their contact details, answers, your notes, their bookings' details and the emails sent about them ({leads} request(s)).",
    eraseKept:
      "Kept, with nothing that identifies them: the channel, the stages and their dates, so your insights stay right.",
    eraseExport: "Before erasing, you can export their data.",
    exportLink: "Export (JSON)",
    eraseConfirm: "Erase for good",
    fr: "French",
    en: "English",
  },
});

const shell = (owner: CurrentOwner, csrfToken: string, title: string, body: ReturnType<typeof html>) =>
  page({
    title,
    locale: owner.locale,
    narrow: true,
    nav: { current: "leads", csrfToken, ownerName: owner.name },
    body: html`${leadsStyles()}<h1>${title}</h1>${body}`,
  });

export function lostReasonPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  leadId: string;
  name: string;
  from: string;
  back: string;
  error: boolean;
}) {
  const t = messages(d.owner.locale);
  return shell(
    d.owner,
    d.csrfToken,
    t("lostTitle", { name: d.name }),
    html`<form method="post" action="/dashboard/leads/${d.leadId}/move" class="card stack">${csrfInput(d.csrfToken)}
<input type="hidden" name="to" value="lost"><input type="hidden" name="from" value="${d.from}"><input type="hidden" name="back" value="${d.back}">
${field({ name: "lostReason", label: t("lostReason"), hint: t("lostHint"), required: true, error: d.error ? t("lostError") : undefined, attrs: { maxlength: "500", autofocus: "" } })}
<div class="actions"><button type="submit">${t("lostSave")}</button><a href="/dashboard/leads/${d.leadId}">${t("cancel")}</a></div></form>`,
  );
}

export function declinePage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  leadId: string;
  name: string;
  from: string;
  prospectLocale: Locale;
  message: string;
  canEmail: boolean;
  offersIntro: boolean;
  alreadyEmailed: boolean;
}) {
  const t = messages(d.owner.locale);
  const canSend = d.canEmail && !d.alreadyEmailed;
  return shell(
    d.owner,
    d.csrfToken,
    t("declineTitle", { name: d.name }),
    html`<form method="post" action="/dashboard/leads/${d.leadId}/decline" class="card stack">${csrfInput(d.csrfToken)}
<input type="hidden" name="from" value="${d.from}">
${
  canSend
    ? html`${field({ name: "message", label: t("declineMessage", { name: d.name }), type: "textarea", value: d.message, hint: t("declineHint", { language: t(d.prospectLocale) }), attrs: { rows: "14", maxlength: "5000", lang: d.prospectLocale } })}
${d.offersIntro ? html`<p class="small">${t("declineIntro")}</p>` : ""}
<div class="actions"><button type="submit" name="send" value="1">${t("declineSend")}</button><button type="submit" name="send" value="0" class="secondary">${t("declineQuiet")}</button></div>`
    : html`<p>${d.alreadyEmailed ? t("declineAlready") : t("declineNoEmail")}</p><div class="actions"><button type="submit" name="send" value="0">${t("declineOnly")}</button></div>`
}
<p><a href="/dashboard/leads/${d.leadId}">${t("cancel")}</a></p></form>`,
  );
}

export function erasePage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  leadId: string;
  name: string;
  leads: number;
}) {
  const t = messages(d.owner.locale);
  return shell(
    d.owner,
    d.csrfToken,
    t("eraseTitle", { name: d.name }),
    html`<div class="card"><p>${t("eraseIntro", { leads: d.leads })}</p><p>${t("eraseKept")}</p>
<p>${t("eraseExport")} <a href="/dashboard/leads/${d.leadId}/export.json">${t("exportLink")}</a></p>
<form method="post" action="/dashboard/leads/${d.leadId}/erase" class="actions">${csrfInput(d.csrfToken)}<button type="submit" class="danger">${t("eraseConfirm")}</button><a href="/dashboard/leads/${d.leadId}">${t("cancel")}</a></form></div>`,
  );
}
