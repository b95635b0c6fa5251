// The one nudge to a visitor who answered a booking link's questions but picked no time: in their
// language, a button back to the times with their answers kept, and how to stop such emails. Pure.
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { assemble } from "./email-parts.ts";
import { greetingName } from "./names.ts";

const messages = defineMessages({
  fr: {
    subject: "Votre rendez-vous avec {owner}\u00a0: il ne manque que l'horaire",
    heading: "Il ne manque plus que l'horaire",
    greeting: "Bonjour {name},",
    intro:
      "Vous avez répondu aux questions de «\u00a0{title}\u00a0» avec {owner}, mais aucun horaire n'a été choisi. Si c'est toujours d'actualité, vos réponses sont gardées\u00a0: il ne reste qu'à choisir un moment.",
    button: "Choisir un horaire",
    ignore:
      "Ce n'est plus d'actualité\u00a0? Ignorez simplement cet e-mail\u00a0: c'est le seul que vous recevrez à ce sujet.",
    footer:
      "E-mail envoyé par Créneau, l’outil de prise de rendez-vous de {owner} ({ownerEmail}). Pour ne plus recevoir ce type de message\u00a0: {optOutUrl}",
  },
  en: {
    subject: "Your call with {owner}: only the time is missing",
    heading: "Only the time is missing",
    greeting: "Hello {name},",
    intro:
      "You answered the questions for “{title}” with {owner}, but no time was picked. If it still suits you, your answers are kept: all that is left is choosing a time.",
    button: "Pick a time",
    ignore: "Not needed any more? Just ignore this email: it is the only one you will get about it.",
    footer:
      "Sent by Créneau, the booking tool of {owner} ({ownerEmail}). To stop receiving this kind of message: {optOutUrl}",
  },
});

export interface FormNudgeData {
  /** the visitor's: the language they answered in */
  locale: Locale;
  name: string;
  owner: { name: string; email: string };
  eventTitle: string;
  /** back to the week of times, the answers carried in a signed draft (or the link's first page) */
  resumeUrl: string;
  optOutUrl: string;
}

export function formNudgeEmail(d: FormNudgeData): { subject: string; html: string; text: string } {
  const t = messages(d.locale);
  const vars = { owner: d.owner.name, title: d.eventTitle };
  return assemble(t("subject", vars), {
    locale: d.locale,
    preheader: t("intro", vars),
    heading: t("heading"),
    blocks: [
      { kind: "paragraph", text: t("greeting", { name: greetingName(d.name) }) },
      { kind: "paragraph", text: t("intro", vars) },
      { kind: "button", label: t("button"), url: d.resumeUrl },
      { kind: "paragraph", text: t("ignore") },
    ],
    footer: t("footer", { owner: d.owner.name, ownerEmail: d.owner.email, optOutUrl: d.optOutUrl }),
  });
}
