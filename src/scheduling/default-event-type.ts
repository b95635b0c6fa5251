import type { TriageCriteria } from "../leads/triage.ts";
import type { Question } from "./questions.ts";
import type { HoursRange, SlotRules } from "./slot-types.ts";

// The booking link every new owner gets: a 30-minute first call with the questions a French
// freelance developer asks before giving up half an hour.
//
// Slug "premier-echange": the link is pasted on Malt, Comet and LinkedIn for French-speaking
// prospects, so it reads naturally to them, and it is plain ASCII (no percent-encoded "é").
// Title and description are French strings, as API.md's `title` is a string; the English text
// sits in `translations.en` for pages and emails shown in English.

export interface EventTypeLocation {
  type: "video" | "phone" | "in_person";
  details?: string;
}

/** An event type as API.md describes it: the slot rules plus what the booking page shows. */
export interface EventTypeDefinition extends SlotRules {
  slug: string;
  title: string;
  description: string;
  translations: { en: { title: string; description: string } };
  locations: EventTypeLocation[];
  cancelNoticeMinutes?: number;
  questions: Question[];
  triage: TriageCriteria;
  requiresConfirmation: boolean;
}

const workingDay = (): HoursRange[] => [
  ["09:30", "12:00"],
  ["14:00", "18:00"],
];

export const DEFAULT_QUESTIONS: readonly Question[] = [
  {
    id: "company",
    label: { fr: "Entreprise", en: "Company" },
    type: "text",
    required: true,
    role: "company",
    maxLength: 200,
  },
  {
    id: "daily-rate",
    label: { fr: "TJM proposé (€ HT / jour)", en: "Daily rate offered (€ excl. VAT / day)" },
    type: "money",
    required: true,
    role: "dailyRate",
    min: 0,
    max: 1_000_000,
    placeholder: { fr: "650", en: "650" },
  },
  {
    id: "duration-months",
    label: { fr: "Durée de la mission (en mois)", en: "Mission length (months)" },
    type: "number",
    required: true,
    role: "durationMonths",
    min: 0,
    max: 60,
  },
  {
    id: "start-date",
    label: { fr: "Date de démarrage souhaitée", en: "Desired start date" },
    type: "date",
    required: false,
    role: "startDate",
  },
  {
    // Free text rather than a multiselect: prospects describe their stack in their own words,
    // and triage reads it with aliases ("NodeJS", "node.js"), so no option list goes stale.
    id: "stack",
    label: { fr: "Stack technique", en: "Tech stack" },
    type: "text",
    required: true,
    role: "skills",
    placeholder: {
      fr: "TypeScript, React, Node.js, PostgreSQL…",
      en: "TypeScript, React, Node.js, PostgreSQL…",
    },
  },
  {
    id: "remote",
    label: { fr: "Télétravail", en: "Remote work" },
    type: "select",
    required: true,
    role: "remote",
    options: [
      { value: "remote", label: { fr: "Télétravail complet", en: "Fully remote" } },
      { value: "hybrid", label: { fr: "Hybride", en: "Hybrid" } },
      { value: "onsite", label: { fr: "Sur site", en: "On site" } },
    ],
  },
  {
    id: "source",
    label: { fr: "Comment m'avez-vous connu ?", en: "How did you find me?" },
    type: "select",
    required: true,
    role: "source",
    options: [
      { value: "malt", label: "Malt" },
      { value: "linkedin", label: "LinkedIn" },
      { value: "comet", label: "Comet" },
      { value: "referral", label: { fr: "Recommandation", en: "Referral" } },
      {
        value: "agency",
        label: { fr: "Cabinet de recrutement / ESN", en: "Recruitment agency / IT consultancy" },
      },
      { value: "website", label: { fr: "Mon site web", en: "My website" } },
      { value: "other", label: { fr: "Autre", en: "Other" } },
    ],
  },
  {
    id: "project",
    label: { fr: "Description du projet", en: "Project description" },
    type: "longtext",
    required: false,
  },
];

/** The shipped "Premier échange / Discovery call" event type, in the owner's zone. Throws
 *  RangeError for a zone that is not an IANA name. */
export function defaultEventType(ownerTimeZone: string): EventTypeDefinition {
  new Intl.DateTimeFormat("en", { timeZone: ownerTimeZone }); // throws RangeError on an unknown zone
  return {
    slug: "premier-echange",
    title: "Premier échange",
    description: "Un appel de 30 minutes pour parler de votre projet et voir si je peux vous aider.",
    translations: {
      en: {
        title: "Discovery call",
        description: "A 30-minute call to talk about your project and see whether I can help.",
      },
    },
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    locations: [{ type: "video" }],
    timeZone: ownerTimeZone,
    weeklyHours: {
      mon: workingDay(),
      tue: workingDay(),
      wed: workingDay(),
      thu: workingDay(),
      fri: workingDay(),
    },
    dateOverrides: [],
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 30,
    // Three calls a day at most, so a working day stays a working day.
    maxPerDay: 3,
    // A prospect who cannot come should cancel rather than not show up: allow it until an hour before.
    cancelNoticeMinutes: 60,
    questions: DEFAULT_QUESTIONS.map((question) => structuredClone(question)),
    triage: { minDurationMonths: 3, onDecline: "block" },
    requiresConfirmation: false,
  };
}
