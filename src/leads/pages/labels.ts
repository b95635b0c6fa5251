// Names people read for stages, verdicts and channels, in French and English.
import type { Locale } from "../../platform/i18n.ts";
import type { Stage } from "../pipeline.ts";

const STAGE_LABELS: Record<Locale, Record<Stage, string>> = {
  fr: {
    new: "Nouveau",
    call_scheduled: "Appel prévu",
    call_done: "Appel fait",
    team_meeting: "Rencontre équipe",
    technical_test: "Test technique",
    proposal: "Proposition",
    won: "Gagné",
    lost: "Perdu",
    declined: "Décliné",
  },
  en: {
    new: "New",
    call_scheduled: "Call scheduled",
    call_done: "Call done",
    team_meeting: "Team meeting",
    technical_test: "Technical test",
    proposal: "Proposal",
    won: "Won",
    lost: "Lost",
    declined: "Declined",
  },
};

export function stageLabel(stage: string, locale: Locale): string {
  return STAGE_LABELS[locale][stage as Stage] ?? stage;
}

type Verdict = "qualified" | "review" | "declined";
const VERDICT_LABELS: Record<Locale, Record<Verdict, string>> = {
  fr: { qualified: "Qualifié", review: "À examiner", declined: "Hors critères" },
  en: { qualified: "Qualified", review: "To review", declined: "Not a fit" },
};
export const VERDICT_BADGE: Record<Verdict, "ok" | "warn" | "bad"> = {
  qualified: "ok",
  review: "warn",
  declined: "bad",
};

export function verdictLabel(verdict: string, locale: Locale): string {
  return VERDICT_LABELS[locale][verdict as Verdict] ?? verdict;
}

const CHANNEL_LABELS: Record<string, Record<Locale, string>> = {
  malt: { fr: "Malt", en: "Malt" },
  linkedin: { fr: "LinkedIn", en: "LinkedIn" },
  comet: { fr: "Comet", en: "Comet" },
  "crème-de-la-crème": { fr: "Crème de la Crème", en: "Crème de la Crème" },
  "free-work": { fr: "Free-Work", en: "Free-Work" },
  referral: { fr: "Recommandation", en: "Referral" },
  agency: { fr: "Cabinet / ESN", en: "Agency" },
  website: { fr: "Site web", en: "Website" },
  direct: { fr: "Direct", en: "Direct" },
  other: { fr: "Autre", en: "Other" },
};

/** Known channels by name; an owner's own channel ("newsletter") as written. */
export function channelLabel(channel: string, locale: Locale): string {
  return CHANNEL_LABELS[channel]?.[locale] ?? channel;
}

/** The channels offered in the quick-add form. */
export const PICKABLE_CHANNELS = [
  "malt",
  "linkedin",
  "comet",
  "crème-de-la-crème",
  "free-work",
  "referral",
  "agency",
  "website",
  "direct",
  "other",
];
