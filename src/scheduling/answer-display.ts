// Answers as a person reads them (emails, dashboard): money in euros, lists joined, yes/no in words.
import { formatEuros } from "../leads/format-money.ts";
import type { Locale } from "../platform/i18n.ts";
import { localized } from "./event-type-view.ts";
import type { AnswerValue, Question } from "./questions.ts";

const YES_NO = { fr: ["Oui", "Non"], en: ["Yes", "No"] } as const;

export function formatAnswer(question: Question, value: AnswerValue, locale: Locale): string {
  const optionLabel = (v: string) => {
    const option = question.options?.find((o) => o.value === v);
    return option ? localized(option.label, locale) : v;
  };
  if (question.type === "money" && typeof value === "number") return formatEuros(value, locale);
  if (typeof value === "boolean") return value ? YES_NO[locale][0] : YES_NO[locale][1];
  if (Array.isArray(value)) return value.map(optionLabel).join(", ");
  if (question.type === "select") return optionLabel(String(value));
  return String(value);
}

/** Label/value pairs in question order, skipping questions left unanswered. */
export function displayAnswers(
  questions: readonly Question[],
  answers: Record<string, unknown>,
  locale: Locale,
): { label: string; value: string }[] {
  return questions
    .filter((q) => answers[q.id] !== undefined && answers[q.id] !== null && answers[q.id] !== "")
    .map((q) => ({
      label: localized(q.label, locale),
      value: formatAnswer(q, answers[q.id] as AnswerValue, locale),
    }));
}
