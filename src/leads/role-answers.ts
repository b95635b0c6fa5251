// Answers read by what they measure (daily rate, duration…), whatever question ids a booking link used.
// Leads captured outside a booking link (quick add, CSV, API) store their answers under the role names.
import type { AnswerValue, Question, QuestionRole } from "../scheduling/questions.ts";

export interface RoleAnswers {
  dailyRate?: number;
  durationMonths?: number;
  skills?: string | string[];
  remote?: string;
  startDate?: string;
  company?: string;
  source?: string;
}

/** Questions standing for the roles themselves, so triage and displays work on role-keyed answers. */
export const ROLE_QUESTIONS: readonly Question[] = [
  {
    id: "company",
    label: { fr: "Entreprise", en: "Company" },
    type: "text",
    required: false,
    role: "company",
  },
  {
    id: "dailyRate",
    label: { fr: "TJM proposé", en: "Daily rate offered" },
    type: "money",
    required: false,
    role: "dailyRate",
  },
  {
    id: "durationMonths",
    label: { fr: "Durée (mois)", en: "Duration (months)" },
    type: "number",
    required: false,
    role: "durationMonths",
  },
  { id: "skills", label: { fr: "Stack", en: "Stack" }, type: "text", required: false, role: "skills" },
  {
    id: "remote",
    label: { fr: "Télétravail", en: "Remote" },
    type: "select",
    required: false,
    role: "remote",
    options: [
      { value: "remote", label: { fr: "Télétravail complet", en: "Fully remote" } },
      { value: "hybrid", label: { fr: "Hybride", en: "Hybrid" } },
      { value: "onsite", label: { fr: "Sur site", en: "On site" } },
    ],
  },
  {
    id: "startDate",
    label: { fr: "Date de démarrage", en: "Start date" },
    type: "date",
    required: false,
    role: "startDate",
  },
  {
    id: "source",
    label: { fr: "Comment m'avez-vous trouvé\u00a0?", en: "How did you find me?" },
    type: "text",
    required: false,
    role: "source",
  },
];

const ROLE_TYPES: Record<keyof RoleAnswers, (v: unknown) => boolean> = {
  dailyRate: (v) => typeof v === "number",
  durationMonths: (v) => typeof v === "number",
  skills: (v) => typeof v === "string" || (Array.isArray(v) && v.every((s) => typeof s === "string")),
  remote: (v) => typeof v === "string",
  startDate: (v) => typeof v === "string",
  company: (v) => typeof v === "string",
  source: (v) => typeof v === "string",
};

/** Picks each role's answer from a lead's answers, using the link's questions when there were any. */
export function answersByRole(
  questions: readonly Question[] | null,
  answers: Readonly<Record<string, unknown>>,
): RoleAnswers {
  const out: Record<string, unknown> = {};
  for (const question of questions ?? ROLE_QUESTIONS) {
    const role = question.role as keyof RoleAnswers | undefined;
    if (!role || out[role] !== undefined) continue;
    const value = answers[question.id];
    if (value !== undefined && value !== null && value !== "" && ROLE_TYPES[role](value)) out[role] = value;
  }
  return out as RoleAnswers;
}

/** Role answers as answers to ROLE_QUESTIONS, the shape triage reads. */
export function roleAnswersAsAnswers(roles: RoleAnswers): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(roles) as [QuestionRole, AnswerValue | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}
