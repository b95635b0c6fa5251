import * as z from "zod";
import { isIsoDate } from "../scheduling/answer-parsers.ts";
import type { AnswerValue, Question, QuestionRole } from "../scheduling/questions.ts";
import { canonicalSkill, extractSkills, skillDisplayName } from "./skills.ts";
import {
  dailyRateMessages,
  durationMessages,
  excludedSkillsMessages,
  type LocalizedMessage,
  remoteMessages,
  requiredSkillsMessages,
  stackMissing,
  startDateMessages,
} from "./triage-messages.ts";

// Triage: from a prospect's answers and the owner's criteria to a verdict with reasons.
// Rules, in order: one reason per configured rule. A missing or unreadable answer is "review",
// never "declined": nobody is turned away for leaving a field blank. Any fail → declined; else
// any review → review; else qualified (also when no rule is configured).

export interface TriageCriteria {
  minDailyRateCents?: number;
  minDurationMonths?: number;
  /** All present → pass; some → review (the prospect may have listed only part of the stack);
   *  none → fail (the mission is on another stack). "Any one present → pass" would qualify a
   *  Java mission for a TypeScript developer because the prospect also wrote "JavaScript". */
  requiredSkills?: string[];
  /** Any one mentioned → fail. */
  excludedSkills?: string[];
  /** "any" (or unset) means the rule is not applied. */
  remote?: "required" | "preferred" | "any";
  /** Not in API.md's triage object yet: an addition. A start before it → review (the owner may
   *  still be on another mission), never fail. */
  earliestStartDate?: string;
  onDecline: "block" | "flag" | "approve";
}

export type Verdict = "qualified" | "review" | "declined";
export type TriageRule =
  | "dailyRate"
  | "duration"
  | "requiredSkills"
  | "excludedSkills"
  | "remote"
  | "startDate";
export type RuleOutcome = "pass" | "review" | "fail";

export interface TriageReason {
  rule: TriageRule;
  outcome: RuleOutcome;
  message: LocalizedMessage;
}

export interface TriageResult {
  verdict: Verdict;
  reasons: TriageReason[];
}

const skillList = z.array(z.string().trim().min(1).max(100)).max(50);

export const triageCriteriaSchema = z.strictObject({
  minDailyRateCents: z.int().min(0).max(10_000_000).optional(),
  minDurationMonths: z.number().min(0).max(120).optional(),
  requiredSkills: skillList.optional(),
  excludedSkills: skillList.optional(),
  remote: z.enum(["required", "preferred", "any"]).optional(),
  earliestStartDate: z.string().refine(isIsoDate, "Expected a real date as YYYY-MM-DD.").optional(),
  onDecline: z.enum(["block", "flag", "approve"]),
}) satisfies z.ZodType<TriageCriteria, unknown>;

export function triage(
  questions: readonly Question[],
  answers: Readonly<Record<string, AnswerValue>>,
  criteria: TriageCriteria,
  today: string,
): TriageResult {
  const answerFor = (role: QuestionRole): AnswerValue | undefined => {
    const question = questions.find((candidate) => candidate.role === role);
    return question && Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  };
  const reasons: TriageReason[] = [];
  if (criteria.minDailyRateCents !== undefined) {
    reasons.push(checkDailyRate(answerFor("dailyRate"), criteria.minDailyRateCents));
  }
  if (criteria.minDurationMonths !== undefined) {
    reasons.push(checkDuration(answerFor("durationMonths"), criteria.minDurationMonths));
  }
  const skills = readSkills(answerFor("skills"));
  if (criteria.requiredSkills && criteria.requiredSkills.length > 0) {
    reasons.push(checkRequiredSkills(skills, criteria.requiredSkills));
  }
  if (criteria.excludedSkills && criteria.excludedSkills.length > 0) {
    reasons.push(checkExcludedSkills(skills, criteria.excludedSkills));
  }
  if (criteria.remote === "required" || criteria.remote === "preferred") {
    reasons.push(checkRemote(answerFor("remote"), criteria.remote));
  }
  if (criteria.earliestStartDate !== undefined) {
    reasons.push(checkStartDate(answerFor("startDate"), criteria.earliestStartDate, today));
  }
  return { verdict: verdictOf(reasons), reasons };
}

export function verdictOf(reasons: readonly TriageReason[]): Verdict {
  if (reasons.some((reason) => reason.outcome === "fail")) return "declined";
  if (reasons.some((reason) => reason.outcome === "review")) return "review";
  return "qualified";
}

const reason = (rule: TriageRule, outcome: RuleOutcome, message: LocalizedMessage): TriageReason => ({
  rule,
  outcome,
  message,
});

// Zero or less reads as "I don't know" rather than as an offer, so it goes to review.
const positiveNumber = (answer: AnswerValue | undefined): number | undefined =>
  typeof answer === "number" && Number.isFinite(answer) && answer > 0 ? answer : undefined;

function checkDailyRate(answer: AnswerValue | undefined, minimum: number): TriageReason {
  const offered = positiveNumber(answer);
  if (offered === undefined || !Number.isSafeInteger(offered)) {
    return reason("dailyRate", "review", dailyRateMessages.missing);
  }
  return offered < minimum
    ? reason("dailyRate", "fail", dailyRateMessages.fail(offered, minimum))
    : reason("dailyRate", "pass", dailyRateMessages.pass(offered));
}

function checkDuration(answer: AnswerValue | undefined, minimum: number): TriageReason {
  const months = positiveNumber(answer);
  if (months === undefined) return reason("duration", "review", durationMessages.missing);
  return months < minimum
    ? reason("duration", "fail", durationMessages.fail(months, minimum))
    : reason("duration", "pass", durationMessages.pass(months));
}

function readSkills(answer: AnswerValue | undefined): Set<string> | undefined {
  if (typeof answer !== "string" && !Array.isArray(answer)) return undefined;
  const skills = extractSkills(answer);
  return skills.size > 0 ? skills : undefined;
}

function checkRequiredSkills(skills: Set<string> | undefined, required: readonly string[]): TriageReason {
  if (!skills) return reason("requiredSkills", "review", stackMissing);
  const present = required.filter((skill) => skills.has(canonicalSkill(skill))).map(skillDisplayName);
  const absent = required.filter((skill) => !skills.has(canonicalSkill(skill))).map(skillDisplayName);
  if (absent.length === 0) return reason("requiredSkills", "pass", requiredSkillsMessages.pass(present));
  if (present.length === 0) return reason("requiredSkills", "fail", requiredSkillsMessages.fail(absent));
  return reason("requiredSkills", "review", requiredSkillsMessages.review(present, absent));
}

function checkExcludedSkills(skills: Set<string> | undefined, excluded: readonly string[]): TriageReason {
  if (!skills) return reason("excludedSkills", "review", stackMissing);
  const found = excluded.filter((skill) => skills.has(canonicalSkill(skill))).map(skillDisplayName);
  return found.length > 0
    ? reason("excludedSkills", "fail", excludedSkillsMessages.fail(found))
    : reason("excludedSkills", "pass", excludedSkillsMessages.pass);
}

function checkRemote(answer: AnswerValue | undefined, wish: "required" | "preferred"): TriageReason {
  if (answer === "remote") return reason("remote", "pass", remoteMessages.pass("remote"));
  if (answer === "hybrid") {
    return wish === "required"
      ? reason("remote", "review", remoteMessages.hybridWhenRemoteRequired)
      : reason("remote", "pass", remoteMessages.pass("hybrid"));
  }
  if (answer === "onsite") {
    return wish === "required"
      ? reason("remote", "fail", remoteMessages.onsiteWhenRemoteRequired)
      : reason("remote", "review", remoteMessages.onsiteWhenRemotePreferred);
  }
  return reason("remote", "review", remoteMessages.missing);
}

// ISO dates compare correctly as strings once both are known to be real dates.
function checkStartDate(answer: AnswerValue | undefined, earliest: string, today: string): TriageReason {
  if (typeof answer !== "string" || !isIsoDate(answer))
    return reason("startDate", "review", startDateMessages.missing);
  if (isIsoDate(today) && answer < today)
    return reason("startDate", "review", startDateMessages.inThePast(answer));
  if (answer < earliest)
    return reason("startDate", "review", startDateMessages.beforeAvailability(answer, earliest));
  return reason("startDate", "pass", startDateMessages.pass(answer));
}
