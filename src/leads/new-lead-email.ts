// The owner's email about a lead that arrived without them (the API, an integration), with one-click
// links: mark qualified, move to the next stage, decline with a message. Pure.
import type { Locale } from "../platform/i18n.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";

export interface NewLeadEmailData {
  locale: Locale;
  name: string;
  email: string | null;
  company: string | null;
  channel: string;
  verdict: "qualified" | "review" | "declined";
  reasons: string[];
  answers: { label: string; value: string }[];
  leadUrl: string;
  links: { qualify: string | null; advance: string; decline: string };
}

const TEXT = {
  fr: {
    subject: "Nouveau prospect\u00a0: {name} ({channel})",
    heading: "Nouveau prospect",
    intro: "{name} vous a contacté via {channel}.",
    details: "Le prospect",
    name: "Nom",
    email: "E-mail",
    company: "Entreprise",
    answers: "Ses réponses",
    qualified: "Correspond à vos critères",
    review: "À examiner",
    declined: "Ne correspond pas à vos critères",
    qualify: "Marquer comme qualifié",
    advance: "Passer à l'étape suivante",
    decline: "Décliner avec un message",
    open: "Ouvrir la fiche",
    footer:
      "Les boutons ouvrent une page de confirmation\u00a0: rien ne change tant que vous n'avez pas confirmé.",
  },
  en: {
    subject: "New lead: {name} ({channel})",
    heading: "New lead",
    intro: "{name} contacted you through {channel}.",
    details: "The contact",
    name: "Name",
    email: "Email",
    company: "Company",
    answers: "Their answers",
    qualified: "Fits your criteria",
    review: "Worth a look",
    declined: "Does not fit your criteria",
    qualify: "Mark as qualified",
    advance: "Move to the next stage",
    decline: "Decline with a message",
    open: "Open the lead",
    footer: "Each button opens a confirmation page: nothing changes until you confirm.",
  },
} as const;

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);

export function newLeadEmail(d: NewLeadEmailData) {
  const t = TEXT[d.locale];
  const vars = { name: d.name, channel: d.channel };
  const rendered = renderEmail({
    locale: d.locale,
    heading: t.heading,
    preheader: fill(t.intro, vars),
    blocks: [
      { kind: "paragraph", text: fill(t.intro, vars) },
      {
        kind: "notice",
        tone: d.verdict === "qualified" ? "success" : d.verdict === "review" ? "info" : "warn",
        text: t[d.verdict],
        items: d.reasons,
      },
      {
        kind: "keyValues",
        title: t.details,
        items: [
          { label: t.name, value: d.name },
          ...(d.email ? [{ label: t.email, value: d.email }] : []),
          ...(d.company ? [{ label: t.company, value: d.company }] : []),
        ],
      },
      ...(d.answers.length ? [{ kind: "keyValues" as const, title: t.answers, items: d.answers }] : []),
      ...(d.links.qualify ? [{ kind: "button" as const, label: t.qualify, url: d.links.qualify }] : []),
      {
        kind: "button",
        label: t.advance,
        url: d.links.advance,
        variant: d.links.qualify ? "secondary" : "primary",
      },
      { kind: "button", label: t.decline, url: d.links.decline, variant: "secondary" },
      { kind: "button", label: t.open, url: d.leadUrl, variant: "secondary" },
    ],
    footer: t.footer,
  });
  return { subject: fill(t.subject, vars), ...rendered };
}
