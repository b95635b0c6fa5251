// To the client after the mission: a rating request on the platform the mission came from, then two
// reminders. Worded for where the link leads (a Malt recommendation, a Google review…).
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { renderEmail } from "../../platform/mail/email-layout.ts";
import type { RatingPlatform } from "../rating-policy.ts";
import { oneLine, type RenderedMail } from "./mail-parts.ts";

const messages = defineMessages({
  fr: {
    "action.malt": "laisser une recommandation sur Malt",
    "action.comet": "laisser un avis sur Comet",
    "action.linkedin": "écrire une recommandation sur LinkedIn",
    "action.google": "laisser un avis Google",
    "action.other": "laisser un avis",
    "button.malt": "Recommander {owner} sur Malt",
    "button.comet": "Donner mon avis sur Comet",
    "button.linkedin": "Recommander {owner} sur LinkedIn",
    "button.google": "Laisser un avis Google",
    "button.other": "Donner mon avis",
    requestSubject: "Votre avis sur la mission «\u00a0{mission}\u00a0» avec {owner}",
    reminderSubject: "Rappel\u00a0: votre avis sur la mission «\u00a0{mission}\u00a0»",
    heading: "Votre avis compte",
    request:
      "Bonjour,\nmerci pour votre confiance sur la mission «\u00a0{mission}\u00a0», qui vient de se terminer. Si vous en êtes satisfait, pourriez-vous prendre deux minutes pour {action}\u00a0? Pour un indépendant, c'est ce qui compte le plus.",
    reminder:
      "Bonjour,\nil y a quelques jours, {owner} vous proposait de {action} à propos de la mission «\u00a0{mission}\u00a0». Si vous avez deux minutes, le lien est ci-dessous\u00a0; si c'est déjà fait, merci beaucoup et ignorez ce message.",
    last: "C'est le dernier message à ce sujet.",
    footer:
      "E-mail envoyé par Créneau pour {owner} ({ownerEmail}). Pour ne plus recevoir ce type de message\u00a0: {optOutUrl}",
  },
  en: {
    "action.malt": "leave a recommendation on Malt",
    "action.comet": "leave a review on Comet",
    "action.linkedin": "write a recommendation on LinkedIn",
    "action.google": "leave a Google review",
    "action.other": "leave a review",
    "button.malt": "Recommend {owner} on Malt",
    "button.comet": "Review on Comet",
    "button.linkedin": "Recommend {owner} on LinkedIn",
    "button.google": "Leave a Google review",
    "button.other": "Leave a review",
    requestSubject: "Your feedback on the “{mission}” mission with {owner}",
    reminderSubject: "Reminder: your feedback on the “{mission}” mission",
    heading: "Your feedback matters",
    request:
      "Hello,\nthank you for your trust on the “{mission}” mission, which has just ended. If you were happy with it, could you take two minutes to {action}? For a freelancer, nothing matters more.",
    reminder:
      "Hello,\na few days ago {owner} asked whether you would {action} about the “{mission}” mission. If you have two minutes, the link is below; if you already did, thank you very much and please ignore this message.",
    last: "This is the last message about it.",
    footer:
      "Sent by Créneau on behalf of {owner} ({ownerEmail}). To stop receiving this kind of message: {optOutUrl}",
  },
});

export interface RatingEmailData {
  /** the client's */
  locale: Locale;
  kind: "request" | "reminder" | "last-reminder";
  platform: RatingPlatform;
  owner: { name: string; email: string };
  missionTitle: string;
  ratingUrl: string;
  optOutUrl: string;
}

export function ratingEmail(d: RatingEmailData): RenderedMail {
  const t = messages(d.locale);
  const vars = { owner: d.owner.name, mission: d.missionTitle, action: t(`action.${d.platform}`) };
  const request = d.kind === "request";
  return {
    subject: oneLine(t(request ? "requestSubject" : "reminderSubject", vars)),
    ...renderEmail({
      locale: d.locale,
      heading: t("heading"),
      blocks: [
        { kind: "paragraph", text: t(request ? "request" : "reminder", vars) },
        { kind: "button", label: t(`button.${d.platform}`, vars), url: d.ratingUrl },
        ...(d.kind === "last-reminder" ? [{ kind: "paragraph" as const, text: t("last") }] : []),
      ],
      footer: t("footer", { owner: d.owner.name, ownerEmail: d.owner.email, optOutUrl: d.optOutUrl }),
    }),
  };
}
