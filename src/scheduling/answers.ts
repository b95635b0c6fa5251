import {
  codePointLength,
  hasForbiddenControlCharacters,
  isEmail,
  isHttpUrl,
  isIsoDate,
  isPhoneNumber,
  normalizeText,
  parseBoolean,
  parseDecimal,
  parseEurosToCents,
} from "./answer-parsers.ts";
import type { AnswerValue, Question, QuestionType } from "./questions.ts";

// Validates the `answers` of a booking, from a JSON body or an HTML form alike. Conventions:
// - money: a JSON number is an integer of cents (API.md); a string is euros typed by a person
//   ("650", "650,50", "650 €") and is converted to cents.
// - number and boolean may arrive as form strings ("1,5", "on", "oui").
// - multiselect: an array, or a comma-separated string (one form field).
// - blank answers ("", spaces, [], null) count as not answered.
// - a required boolean needs an explicit yes or no, so forms should render it as two radios.
// - text is trimmed, CRLF becomes LF; no HTML stripping: escaping is the renderer's job.

export type AnswerErrorCode =
  | "not_an_object"
  | "unknown_question"
  | "required"
  | "invalid_type"
  | "too_long"
  | "control_characters"
  | "invalid_email"
  | "invalid_url"
  | "invalid_phone"
  | "invalid_date"
  | "invalid_number"
  | "invalid_money"
  | "invalid_boolean"
  | "invalid_option"
  | "too_small"
  | "too_large";

/** `code` is stable so the UI can translate; `limit` is the bound for too_long/too_small/too_large. */
export interface AnswerError {
  path: string;
  code: AnswerErrorCode;
  message: string;
  limit?: number;
}

export type AnswerValidation =
  | { ok: true; answers: Record<string, AnswerValue> }
  | { ok: false; errors: AnswerError[] };

export const DEFAULT_MAX_LENGTH: Readonly<Partial<Record<QuestionType, number>>> = {
  text: 500,
  longtext: 5000,
  email: 254,
  url: 2048,
  phone: 32,
};

type Problem = Omit<AnswerError, "path">;
type Outcome = { value: AnswerValue } | { problem: Problem } | { blank: true };

const BLANK: Outcome = { blank: true };
const fail = (code: AnswerErrorCode, message: string, limit?: number): Outcome => ({
  problem: limit === undefined ? { code, message } : { code, message, limit },
});

export function validateAnswers(questions: readonly Question[], raw: unknown): AnswerValidation {
  const given = raw ?? {};
  if (typeof given !== "object" || Array.isArray(given)) {
    const message = "answers must be an object keyed by question id.";
    return { ok: false, errors: [{ path: "answers", code: "not_an_object", message }] };
  }
  const input = given as Record<string, unknown>;
  const answers: Record<string, AnswerValue> = {};
  const errors: AnswerError[] = [];
  for (const question of questions) {
    const path = `answers.${question.id}`;
    const outcome = readAnswer(question, Object.hasOwn(input, question.id) ? input[question.id] : undefined);
    if ("value" in outcome) answers[question.id] = outcome.value;
    else if ("problem" in outcome) errors.push({ path, ...outcome.problem });
    else if (question.required)
      errors.push({ path, code: "required", message: "This question is required." });
  }
  const knownIds = new Set(questions.map((question) => question.id));
  for (const key of Object.keys(input)) {
    if (!knownIds.has(key)) {
      errors.push({
        path: `answers.${key}`,
        code: "unknown_question",
        message: "There is no question with this id.",
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

function readAnswer(question: Question, value: unknown): Outcome {
  if (value === undefined || value === null) return BLANK;
  switch (question.type) {
    case "multiselect":
      return readList(question, value, true);
    case "boolean":
      return readBoolean(value);
    case "number":
      return readNumber(question, value);
    case "money":
      return readMoney(question, value);
    default:
      if (question.role === "skills" && Array.isArray(value)) return readList(question, value, false);
      return readText(question, value);
  }
}

function cleanText(value: unknown, maxLength: number | undefined): Outcome {
  if (typeof value !== "string") return fail("invalid_type", "Expected text.");
  const text = normalizeText(value);
  if (text === "") return BLANK;
  if (hasForbiddenControlCharacters(text)) {
    return fail("control_characters", "Contains control characters; only line breaks and tabs are allowed.");
  }
  if (maxLength !== undefined && codePointLength(text) > maxLength) {
    return fail("too_long", `Must be at most ${maxLength} characters.`, maxLength);
  }
  return { value: text };
}

const FORMAT_CHECKS: Partial<Record<QuestionType, [(text: string) => boolean, AnswerErrorCode, string]>> = {
  email: [isEmail, "invalid_email", "Enter a valid email address."],
  url: [isHttpUrl, "invalid_url", "Enter a web address starting with http:// or https://."],
  phone: [isPhoneNumber, "invalid_phone", "Enter a phone number: digits, spaces, +, - or parentheses."],
  date: [isIsoDate, "invalid_date", "Enter a real date as YYYY-MM-DD."],
};

function readText(question: Question, value: unknown): Outcome {
  const outcome = cleanText(value, question.maxLength ?? DEFAULT_MAX_LENGTH[question.type]);
  if (!("value" in outcome) || typeof outcome.value !== "string") return outcome;
  if (question.type === "select" && !question.options?.some((option) => option.value === outcome.value)) {
    return fail("invalid_option", "Choose one of the offered options.");
  }
  const check = FORMAT_CHECKS[question.type];
  if (check && !check[0](outcome.value)) return fail(check[1], check[2]);
  return outcome;
}

/** Options of a multiselect, or (optionsOnly false) the free list of a skills text question. */
function readList(question: Question, value: unknown, optionsOnly: boolean): Outcome {
  const items = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(items)) return fail("invalid_type", "Expected a list.");
  const chosen: string[] = [];
  for (const item of items) {
    const outcome = cleanText(item, optionsOnly ? undefined : DEFAULT_MAX_LENGTH.text);
    if ("problem" in outcome) return outcome;
    if (!("value" in outcome) || typeof outcome.value !== "string" || chosen.includes(outcome.value))
      continue;
    if (optionsOnly && !question.options?.some((option) => option.value === outcome.value)) {
      return fail("invalid_option", "Choose only among the offered options.");
    }
    chosen.push(outcome.value);
  }
  const maxLength = question.maxLength ?? DEFAULT_MAX_LENGTH.text ?? 0;
  if (!optionsOnly && codePointLength(chosen.join(", ")) > maxLength) {
    return fail("too_long", `Must be at most ${maxLength} characters.`, maxLength);
  }
  return chosen.length === 0 ? BLANK : { value: chosen };
}

function readBoolean(value: unknown): Outcome {
  if (typeof value === "boolean") return { value };
  if (typeof value !== "string") return fail("invalid_type", "Expected true or false.");
  if (value.trim() === "") return BLANK;
  const parsed = parseBoolean(value);
  return parsed === undefined ? fail("invalid_boolean", "Answer yes or no.") : { value: parsed };
}

function readNumber(question: Question, value: unknown): Outcome {
  let parsed: number | undefined;
  if (typeof value === "number") parsed = Number.isFinite(value) ? value : undefined;
  else if (typeof value === "string") {
    if (value.trim() === "") return BLANK;
    parsed = parseDecimal(value);
  } else return fail("invalid_type", "Expected a number.");
  if (parsed === undefined) return fail("invalid_number", "Enter a number, such as 6 or 1,5.");
  return withinBounds(parsed, question.min, question.max, String);
}

function readMoney(question: Question, value: unknown): Outcome {
  let cents: number | undefined;
  if (typeof value === "number") cents = Number.isSafeInteger(value) ? value : undefined;
  else if (typeof value === "string") {
    if (value.trim() === "") return BLANK;
    cents = parseEurosToCents(value);
  } else return fail("invalid_type", "Expected an amount.");
  if (cents === undefined) {
    return fail(
      "invalid_money",
      "Enter an amount: integer cents in JSON, or euros such as 650 or 650,50 in a form.",
    );
  }
  // An amount offered by a prospect is never negative, even when the owner set no minimum.
  return withinBounds(cents, question.min ?? 0, question.max, (bound) => `€${(bound / 100).toFixed(2)}`);
}

function withinBounds(
  value: number,
  min: number | undefined,
  max: number | undefined,
  show: (n: number) => string,
): Outcome {
  if (min !== undefined && value < min) return fail("too_small", `Must be at least ${show(min)}.`, min);
  if (max !== undefined && value > max) return fail("too_large", `Must be at most ${show(max)}.`, max);
  return { value };
}
