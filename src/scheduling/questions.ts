import * as z from "zod";
import { hasForbiddenControlCharacters } from "./answer-parsers.ts";

// The qualifying questions of an event type: their shape (validated when the owner saves them)
// and the `role` that tells triage what an answer measures. Answers are validated in answers.ts.

export const QUESTION_TYPES = [
  "text",
  "longtext",
  "email",
  "phone",
  "number",
  "money",
  "select",
  "multiselect",
  "date",
  "url",
  "boolean",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_ROLES = [
  "dailyRate",
  "durationMonths",
  "skills",
  "remote",
  "startDate",
  "company",
  "source",
] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

/** Which question types may carry each role (API.md). */
export const ROLE_TYPES: Record<QuestionRole, readonly QuestionType[]> = {
  dailyRate: ["money"],
  durationMonths: ["number"],
  skills: ["multiselect", "text"],
  remote: ["select"],
  startDate: ["date"],
  company: ["text"],
  source: ["select", "text"],
};

export const REMOTE_VALUES = ["remote", "hybrid", "onsite"] as const;
export type RemoteValue = (typeof REMOTE_VALUES)[number];

export type LocalizedText = string | { fr: string; en: string };

export interface QuestionOption {
  value: string;
  label: LocalizedText;
}

export interface Question {
  id: string;
  label: LocalizedText;
  type: QuestionType;
  required: boolean;
  options?: QuestionOption[];
  role?: QuestionRole;
  /** text/longtext only, in characters; defaults to 500 for text and 5000 for longtext. */
  maxLength?: number;
  /** number and money only; money bounds are in cents. */
  min?: number;
  max?: number;
  placeholder?: LocalizedText;
}

/** A validated answer: text types → string, number/money (cents) → number, multiselect → string[]
 *  (and a skills text question answered with a JSON array), boolean → boolean. */
export type AnswerValue = string | number | boolean | string[];

const MAX_CONFIGURABLE_LENGTH = 20_000;
const MAX_QUESTIONS = 30;
const MAX_OPTIONS = 100;

const QUESTION_ID = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

const shortText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => !hasForbiddenControlCharacters(text), "Control characters are not allowed.");
const localizedText = z.union([shortText, z.strictObject({ fr: shortText, en: shortText })]);

const optionSchema = z.strictObject({
  value: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Option values are letters, digits, '.', '_' or '-'."),
  label: localizedText,
});

export const questionSchema = z
  .strictObject({
    id: z.string().max(64).regex(QUESTION_ID, "Question ids are lowercase slugs like 'daily-rate'."),
    label: localizedText,
    type: z.enum(QUESTION_TYPES),
    required: z.boolean().default(false),
    options: z.array(optionSchema).min(1).max(MAX_OPTIONS).optional(),
    role: z.enum(QUESTION_ROLES).optional(),
    maxLength: z.int().min(1).max(MAX_CONFIGURABLE_LENGTH).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    placeholder: localizedText.optional(),
  })
  .superRefine((question, ctx) => {
    const problem = (path: string, message: string): void => {
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    const hasOptions = question.type === "select" || question.type === "multiselect";
    if (hasOptions && !question.options) problem("options", `A ${question.type} question needs options.`);
    if (!hasOptions && question.options)
      problem("options", "Only select and multiselect questions have options.");
    const values = (question.options ?? []).map((option) => option.value);
    if (new Set(values).size !== values.length) problem("options", "Option values must be unique.");

    if (question.role && !ROLE_TYPES[question.role].includes(question.type)) {
      const allowed = ROLE_TYPES[question.role].join(" or ");
      problem("role", `The ${question.role} role needs a ${allowed} question, not ${question.type}.`);
    }
    if (
      question.role === "remote" &&
      values.some((value) => !(REMOTE_VALUES as readonly string[]).includes(value))
    ) {
      problem("options", "The remote role's options must be among remote, hybrid and onsite.");
    }

    if (question.maxLength !== undefined && question.type !== "text" && question.type !== "longtext") {
      problem("maxLength", "maxLength applies to text and longtext questions only.");
    }
    const numeric = question.type === "number" || question.type === "money";
    for (const bound of ["min", "max"] as const) {
      const value = question[bound];
      if (value === undefined) continue;
      if (!numeric) problem(bound, `${bound} applies to number and money questions only.`);
      else if (question.type === "money" && !Number.isSafeInteger(value)) {
        problem(bound, `${bound} of a money question is an integer number of cents.`);
      }
    }
    if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
      problem("max", "max must not be below min.");
    }
  }) satisfies z.ZodType<Question, unknown>;

export const questionsSchema = z
  .array(questionSchema)
  .max(MAX_QUESTIONS)
  .superRefine((questions, ctx) => {
    const seenIds = new Set<string>();
    const seenRoles = new Set<QuestionRole>();
    questions.forEach((question, index) => {
      if (seenIds.has(question.id)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: `Duplicate question id '${question.id}'.`,
        });
      }
      seenIds.add(question.id);
      if (!question.role) return;
      // Triage reads one answer per role; two questions with the same role would be ambiguous.
      if (seenRoles.has(question.role)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "role"],
          message: `Only one question may have the ${question.role} role.`,
        });
      }
      seenRoles.add(question.role);
    });
  });

/** The question that carries a role, if any (questionsSchema guarantees at most one). */
export function questionWithRole(questions: readonly Question[], role: QuestionRole): Question | undefined {
  return questions.find((question) => question.role === role);
}

export type { AnswerError, AnswerErrorCode, AnswerValidation } from "./answers.ts";
export { DEFAULT_MAX_LENGTH, validateAnswers } from "./answers.ts";
