// The owner's question the morning after a call, and its one reminder: move the lead on in one click
// (next stage, qualified, decline with a message). Pure; in the owner's language.
import { defineMessages, type Locale } from "../platform/i18n.ts";
import { type EmailBlock, renderEmail } from "../platform/mail/email-layout.ts";

const messages = defineMessages({
  fr: {
    askSubject: "Après votre appel avec {name}\u00a0: et maintenant\u00a0?",
    remindSubject: "Rappel\u00a0: que faire avec {name}\u00a0?",
    askHeading: "Comment s'est passé l'appel\u00a0?",
    remindHeading: "{name} attend toujours la suite",
    askIntro:
      "Vous avez eu «\u00a0{title}\u00a0» avec {who} le {date}. La fiche est à l'étape «\u00a0{stage}\u00a0»\u00a0: un clic suffit pour la faire avancer.",
    remindIntro:
      "Votre appel «\u00a0{title}\u00a0» avec {who} date du {date}, et la fiche est toujours à l'étape «\u00a0{stage}\u00a0».",
    answers: "Ses réponses",
    advance: "Passer à «\u00a0{next}\u00a0»",
    qualify: "Marquer comme qualifié",
    decline: "Décliner avec un message",
    open: "Ouvrir la fiche",
    askFooter:
      "Chaque bouton ouvre une page de confirmation\u00a0: rien ne change tant que vous n'avez pas confirmé. Sans changement d'étape, un rappel suivra dans {days}\u00a0jours.",
    remindFooter:
      "Chaque bouton ouvre une page de confirmation\u00a0: rien ne change tant que vous n'avez pas confirmé. C'est le dernier rappel pour cet appel.",
  },
  en: {
    askSubject: "After your call with {name}: what next?",
    remindSubject: "Reminder: what next with {name}?",
    askHeading: "How did the call go?",
    remindHeading: "{name} is still waiting for what comes next",
    askIntro:
      "You had “{title}” with {who} on {date}. The lead is at the “{stage}” stage: one click moves it on.",
    remindIntro:
      "Your “{title}” call with {who} was on {date}, and the lead is still at the “{stage}” stage.",
    answers: "Their answers",
    advance: "Move to “{next}”",
    qualify: "Mark as qualified",
    decline: "Decline with a message",
    open: "Open the lead",
    askFooter:
      "Each button opens a confirmation page: nothing changes until you confirm. If the stage does not change, a reminder follows in {days} days.",
    remindFooter:
      "Each button opens a confirmation page: nothing changes until you confirm. This is the last reminder about this call.",
  },
});

export interface AfterCallEmailData {
  locale: Locale;
  kind: "ask" | "remind";
  name: string;
  company: string | null;
  eventTitle: string;
  /** the call's date, written for people in the owner's zone */
  callDate: string;
  stage: string;
  /** the next stage's label; null when moving on is not a click (the next step is "won": a mission to set up) */
  nextStage: string | null;
  answers: { label: string; value: string }[];
  reminderDays: number;
  links: { advance: string | null; qualify: string | null; decline: string; open: string };
}

export function afterCallEmail(d: AfterCallEmailData): { subject: string; html: string; text: string } {
  const t = messages(d.locale);
  const ask = d.kind === "ask";
  const who = d.company ? `${d.name} (${d.company})` : d.name;
  const vars = { name: d.name, who, title: d.eventTitle, date: d.callDate, stage: d.stage };
  const intro = t(ask ? "askIntro" : "remindIntro", vars);
  const blocks: EmailBlock[] = [{ kind: "paragraph", text: intro }];
  if (d.answers.length) blocks.push({ kind: "keyValues", title: t("answers"), items: d.answers });
  if (d.links.advance && d.nextStage)
    blocks.push({ kind: "button", label: t("advance", { next: d.nextStage }), url: d.links.advance });
  if (d.links.qualify)
    blocks.push({ kind: "button", label: t("qualify"), url: d.links.qualify, variant: "secondary" });
  blocks.push(
    { kind: "button", label: t("decline"), url: d.links.decline, variant: "secondary" },
    { kind: "button", label: t("open"), url: d.links.open, variant: "secondary" },
  );
  const rendered = renderEmail({
    locale: d.locale,
    preheader: intro,
    heading: t(ask ? "askHeading" : "remindHeading", vars),
    blocks,
    footer: ask ? t("askFooter", { days: d.reminderDays }) : t("remindFooter"),
  });
  const subject = t(ask ? "askSubject" : "remindSubject", vars)
    .replace(/[\r\n\t]+/g, " ")
    .trim();
  return { subject, ...rendered };
}
