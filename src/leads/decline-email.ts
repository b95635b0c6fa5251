// The email a declined prospect receives: kind, specific (the reasons that decided it, in their language),
// written from the owner's editable template, with an offer of an introduction when the owner has partners.

import type { Locale } from "../platform/i18n.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";
import type { TriageReason } from "./triage.ts";

export const DEFAULT_DECLINE_TEMPLATES: Record<Locale, string> = {
  fr: `Bonjour {name},

Merci d'avoir pensé à moi pour votre projet. Après avoir lu vos réponses, je préfère être transparent avec vous plutôt que de vous faire perdre du temps, je ne suis pas la bonne personne pour cette mission.

{reasons}

Je vous souhaite de trouver rapidement le bon profil, et n'hésitez pas à revenir vers moi pour un prochain projet.

{owner}`,
  en: `Hello {name},

Thank you for thinking of me for your project. Having read your answers, I would rather be upfront than take up your time: I am not the right person for this mission.

{reasons}

I hope you find the right person soon, and please do get in touch again for a future project.

{owner}`,
};

const TEXT = {
  fr: {
    subject: "Votre projet avec {owner}",
    heading: "Au sujet de votre projet",
    introOffer:
      "Je connais des freelances de confiance qui pourraient vous aider. Si vous le souhaitez, je vous mets en relation avec l'un d'entre eux. Rien ne leur est transmis sans votre accord.",
    introButton: "Oui, mettez-moi en relation",
    footer: "Vous recevez cet e-mail parce que vous avez contacté {owner}.",
  },
  en: {
    subject: "Your project with {owner}",
    heading: "About your project",
    introOffer:
      "I know freelancers I trust who may be able to help. If you like, I can introduce you to one of them. Nothing is passed on to them without your agreement.",
    introButton: "Yes, introduce me",
    footer: "You are receiving this email because you contacted {owner}.",
  },
} as const;

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);

/** The reasons that decided the decline (the failed rules), as the prospect reads them. */
export function declineReasons(reasons: readonly TriageReason[], locale: Locale): string[] {
  return reasons.filter((r) => r.outcome === "fail" && r.message?.[locale]).map((r) => r.message[locale]);
}

/** The message the prospect will read: the owner's template (or the built-in one) with its blanks filled. */
export function declineMessage(d: {
  locale: Locale;
  template: string;
  prospectName: string;
  ownerName: string;
  reasons: readonly string[];
}): string {
  const template = d.template.trim() || DEFAULT_DECLINE_TEMPLATES[d.locale];
  const reasons = d.reasons.map((r) => `- ${r}`).join("\n");
  const filled = fill(template, { name: d.prospectName, owner: d.ownerName, reasons });
  // A template whose {reasons} line stayed empty keeps no blank hole in the middle.
  return filled.replace(/\n{3,}/g, "\n\n").trim();
}

export interface DeclineEmail {
  subject: string;
  html: string;
  text: string;
}

export function declineEmail(d: {
  locale: Locale;
  ownerName: string;
  message: string;
  introUrl: string | null;
}): DeclineEmail {
  const t = TEXT[d.locale];
  const paragraphs = d.message.split(/\n{2,}/).map((text) => ({ kind: "paragraph" as const, text }));
  const rendered = renderEmail({
    locale: d.locale,
    heading: t.heading,
    preheader: paragraphs[1]?.text.slice(0, 120),
    blocks: [
      ...paragraphs,
      ...(d.introUrl
        ? [
            { kind: "notice" as const, tone: "info" as const, text: t.introOffer },
            { kind: "button" as const, label: t.introButton, url: d.introUrl, variant: "secondary" as const },
          ]
        : []),
    ],
    footer: fill(t.footer, { owner: d.ownerName }),
  });
  return { subject: fill(t.subject, { owner: d.ownerName }), ...rendered };
}
