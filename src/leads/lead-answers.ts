// A lead's answers with the questions they answered: the booking link's when it came through one,
// else the role questions (quick add, CSV, API).
import type { AppDeps } from "../platform/deps.ts";
import type { Locale } from "../platform/i18n.ts";
import { displayAnswers } from "../scheduling/answer-display.ts";
import { getEventTypeByIdAnyState } from "../scheduling/event-type-store.ts";
import type { Question } from "../scheduling/questions.ts";
import { answersByRole, ROLE_QUESTIONS, type RoleAnswers } from "./role-answers.ts";

export interface LeadAnswers {
  questions: readonly Question[];
  roles: RoleAnswers;
  display: (locale: Locale) => { label: string; value: string }[];
  /** the booking link's title, when the lead came through one */
  linkTitle: string | null;
}

export async function leadAnswers(
  deps: AppDeps,
  lead: { ownerId: string; eventTypeId: string | null; answers: Record<string, unknown> },
): Promise<LeadAnswers> {
  const eventType = lead.eventTypeId
    ? await getEventTypeByIdAnyState(deps.database, lead.ownerId, lead.eventTypeId)
    : undefined;
  const questions = eventType?.questions ?? ROLE_QUESTIONS;
  return {
    questions,
    roles: answersByRole(questions, lead.answers),
    display: (locale) => displayAnswers(questions, lead.answers, locale),
    linkTitle: eventType?.title ?? null,
  };
}
