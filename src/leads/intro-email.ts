// Introducing a declined prospect to a partner freelancer, once the prospect has said yes. Pure.
import type { Locale } from "../platform/i18n.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";
import type { Partner } from "./lead-settings.ts";
import { canonicalSkill, extractSkills } from "./skills.ts";

/** The partner whose skills overlap the project's stack the most; the first one listed on a tie. */
export function pickPartner(
  partners: readonly Partner[],
  stack: string | readonly string[] | undefined,
): Partner | undefined {
  const wanted = stack ? extractSkills(typeof stack === "string" ? stack : [...stack]) : new Set<string>();
  let best: Partner | undefined;
  let bestScore = -1;
  for (const partner of partners) {
    const score = partner.skills.filter((skill) => wanted.has(canonicalSkill(skill))).length;
    if (score > bestScore) {
      best = partner;
      bestScore = score;
    }
  }
  return best;
}

export interface IntroFacts {
  ownerName: string;
  prospect: { name: string; email: string; company: string | null };
  partner: Partner;
  /** the project as the prospect described it: label/value pairs already formatted */
  answers: { label: string; value: string }[];
}

const TEXT = {
  fr: {
    partnerSubject: "Mise en relation\u00a0: {prospect}",
    partnerHeading: "Un projet qui pourrait vous intéresser",
    partnerIntro:
      "Bonjour {partner}, {prospect} m'a contacté pour un projet que je ne peux pas prendre. Ils sont d'accord pour que je vous mette en relation\u00a0: voici leurs coordonnées et ce qu'ils m'ont dit du projet.",
    contact: "Contact",
    project: "Le projet",
    name: "Nom",
    email: "E-mail",
    company: "Entreprise",
    partnerClosing: "Répondez directement à {prospect}, je ne suis pas en copie de la suite.",
    prospectSubject: "Je vous mets en relation avec {partner}",
    prospectHeading: "Mise en relation faite",
    prospectIntro:
      "Merci pour votre réponse. J'ai transmis vos coordonnées et la description de votre projet à {partner}, qui devrait vous contacter rapidement.",
    partnerContact: "Vous pouvez aussi lui écrire directement\u00a0: {email}.",
  },
  en: {
    partnerSubject: "Introduction: {prospect}",
    partnerHeading: "A project you may be interested in",
    partnerIntro:
      "Hello {partner}, {prospect} contacted me about a project I cannot take on. They agreed to be introduced to you: here are their details and what they told me about the project.",
    contact: "Contact",
    project: "The project",
    name: "Name",
    email: "Email",
    company: "Company",
    partnerClosing: "Please reply to {prospect} directly; I am not copied on what follows.",
    prospectSubject: "Introducing you to {partner}",
    prospectHeading: "Introduction made",
    prospectIntro:
      "Thank you for your answer. I have passed your details and the description of your project on to {partner}, who should get in touch soon.",
    partnerContact: "You can also write to them directly: {email}.",
  },
} as const;

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);

export function partnerIntroEmail(f: IntroFacts, locale: Locale) {
  const t = TEXT[locale];
  const vars = { partner: f.partner.name, prospect: f.prospect.name };
  const rendered = renderEmail({
    locale,
    heading: t.partnerHeading,
    blocks: [
      { kind: "paragraph", text: fill(t.partnerIntro, vars) },
      {
        kind: "keyValues",
        title: t.contact,
        items: [
          { label: t.name, value: f.prospect.name },
          { label: t.email, value: f.prospect.email },
          ...(f.prospect.company ? [{ label: t.company, value: f.prospect.company }] : []),
        ],
      },
      ...(f.answers.length ? [{ kind: "keyValues" as const, title: t.project, items: f.answers }] : []),
      { kind: "paragraph", text: fill(t.partnerClosing, vars) },
      { kind: "paragraph", text: f.ownerName },
    ],
  });
  return { subject: fill(t.partnerSubject, vars), ...rendered, replyTo: f.prospect.email };
}

export function prospectIntroEmail(f: IntroFacts, locale: Locale) {
  const t = TEXT[locale];
  const rendered = renderEmail({
    locale,
    heading: t.prospectHeading,
    blocks: [
      { kind: "paragraph", text: fill(t.prospectIntro, { partner: f.partner.name }) },
      { kind: "paragraph", text: fill(t.partnerContact, { email: f.partner.email }) },
      { kind: "paragraph", text: f.ownerName },
    ],
  });
  return { subject: fill(t.prospectSubject, { partner: f.partner.name }), ...rendered };
}
