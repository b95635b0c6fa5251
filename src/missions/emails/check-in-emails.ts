// Months after a mission: a check-in drafted for the owner (in the client's language, since it is
// written to them), the owner's email with the draft and the one-click link, and the email the client gets.
import { formatDate } from "../../invoicing/date-text.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { renderEmail } from "../../platform/mail/email-layout.ts";
import { oneLine, type RenderedMail } from "./mail-parts.ts";

const messages = defineMessages({
  fr: {
    draft:
      "Bonjour,\n\nVoilà {since} que nous avons terminé la mission «\u00a0{mission}\u00a0». J'espère que tout va bien de votre côté et que ce que nous avons construit vous rend toujours service.\n\nSi de nouveaux projets se dessinent, ou si vous avez besoin d'un coup de main sur l'existant, je serais ravi d'en discuter.\n\nBien cordialement,\n{owner}",
    oneMonth: "un mois",
    months: "{months} mois",
    ownerSubject: "Reprendre contact avec {client}\u00a0?",
    ownerHeading: "Un message pour {client}, prêt à partir",
    ownerIntro:
      "La mission «\u00a0{mission}\u00a0» s'est terminée il y a {since}. Voici un message pour prendre des nouvelles de {client} ({to})\u00a0: relisez-le, modifiez-le si vous voulez, et envoyez-le d'un clic. Rien ne part sans votre accord.",
    draftTitle: "Le message proposé",
    button: "Relire et envoyer",
    expires: "Ce lien est valable jusqu'au {expires}.",
    ownerFooter: "E-mail envoyé par Créneau.",
    clientSubject: "Des nouvelles de {owner}",
    clientFooter:
      "E-mail envoyé par Créneau pour {owner} ({ownerEmail}). Pour ne plus recevoir ce type de message\u00a0: {optOutUrl}",
  },
  en: {
    draft:
      "Hello,\n\nIt has been {since} since we finished the “{mission}” mission. I hope all is well on your side and that what we built is still serving you well.\n\nIf new projects are taking shape, or if you need a hand with what exists, I would be glad to talk about it.\n\nBest regards,\n{owner}",
    oneMonth: "a month",
    months: "{months} months",
    ownerSubject: "Get back in touch with {client}?",
    ownerHeading: "A message for {client}, ready to go",
    ownerIntro:
      "The “{mission}” mission ended {since} ago. Here is a message to check in with {client} ({to}): read it, change it if you like, and send it in one click. Nothing leaves without your approval.",
    draftTitle: "The suggested message",
    button: "Review and send",
    expires: "This link is valid until {expires}.",
    ownerFooter: "Sent by Créneau.",
    clientSubject: "News from {owner}",
    clientFooter:
      "Sent by Créneau on behalf of {owner} ({ownerEmail}). To stop receiving this kind of message: {optOutUrl}",
  },
});

function since(locale: Locale, months: number): string {
  const t = messages(locale);
  return months === 1 ? t("oneMonth") : t("months", { months });
}

/** The check-in the owner starts from, in the client's language. */
export function checkInDraftText(d: {
  locale: Locale;
  ownerName: string;
  missionTitle: string;
  months: number;
}): string {
  return messages(d.locale)("draft", {
    since: since(d.locale, d.months),
    mission: d.missionTitle,
    owner: d.ownerName,
  });
}

export function checkInDraftEmail(d: {
  /** the owner's */
  locale: Locale;
  clientName: string;
  clientEmail: string;
  missionTitle: string;
  months: number;
  draft: string;
  approveUrl: string;
  /** YYYY-MM-DD */
  expiresOn: string;
}): RenderedMail {
  const t = messages(d.locale);
  const vars = {
    client: d.clientName,
    to: d.clientEmail,
    mission: d.missionTitle,
    since: since(d.locale, d.months),
  };
  return {
    subject: oneLine(t("ownerSubject", vars)),
    ...renderEmail({
      locale: d.locale,
      heading: t("ownerHeading", vars),
      blocks: [
        { kind: "paragraph", text: t("ownerIntro", vars) },
        { kind: "quote", title: t("draftTitle"), text: d.draft },
        { kind: "button", label: t("button"), url: d.approveUrl },
        { kind: "paragraph", text: t("expires", { expires: formatDate(d.expiresOn, d.locale) }) },
      ],
      footer: t("ownerFooter"),
    }),
  };
}

export function checkInEmail(d: {
  /** the client's */
  locale: Locale;
  owner: { name: string; email: string };
  /** as the owner approved it */
  text: string;
  optOutUrl: string;
}): RenderedMail {
  const t = messages(d.locale);
  const heading = t("clientSubject", { owner: d.owner.name });
  return {
    subject: oneLine(heading),
    ...renderEmail({
      locale: d.locale,
      heading,
      blocks: d.text
        .split(/\n{2,}/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => ({ kind: "paragraph" as const, text })),
      footer: t("clientFooter", { owner: d.owner.name, ownerEmail: d.owner.email, optOutUrl: d.optOutUrl }),
    }),
  };
}
