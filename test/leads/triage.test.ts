import { describe, expect, it } from "vitest";
import { formatEuros } from "../../src/leads/format-money.ts";
import { canonicalSkill, extractSkills } from "../../src/leads/skills.ts";
import {
  type TriageCriteria,
  type TriageReason,
  triage,
  triageCriteriaSchema,
} from "../../src/leads/triage.ts";
import { formatDate, formatList } from "../../src/leads/triage-messages.ts";
import { DEFAULT_QUESTIONS, defaultEventType } from "../../src/scheduling/default-event-type.ts";
import { type AnswerValue, type Question, validateAnswers } from "../../src/scheduling/questions.ts";
import { validateSlotRules } from "../../src/scheduling/slot-rules-validation.ts";

const NBSP = "\u00a0";
const TODAY = "2027-03-15";

const QUESTIONS: Question[] = [
  { id: "rate", label: "Rate", type: "money", required: false, role: "dailyRate" },
  { id: "months", label: "Months", type: "number", required: false, role: "durationMonths" },
  { id: "stack", label: "Stack", type: "text", required: false, role: "skills" },
  {
    id: "stack-pick",
    label: "Stack",
    type: "multiselect",
    required: false,
    options: [
      { value: "nodejs", label: "Node.js" },
      { value: "ts", label: "TypeScript" },
    ],
  },
  {
    id: "remote",
    label: "Remote",
    type: "select",
    required: false,
    role: "remote",
    options: ["remote", "hybrid", "onsite"].map((value) => ({ value, label: value })),
  },
  { id: "start", label: "Start", type: "date", required: false, role: "startDate" },
];

function only(
  criteria: Omit<TriageCriteria, "onDecline">,
  answers: Record<string, AnswerValue>,
): TriageReason {
  const { reasons } = triage(QUESTIONS, answers, { ...criteria, onDecline: "block" }, TODAY);
  expect(reasons).toHaveLength(1);
  return reasons[0]!;
}

describe("formatEuros", () => {
  it("writes French amounts with no-break spaces, dropping zero cents", () => {
    expect(formatEuros(65_000, "fr")).toBe(`650${NBSP}€`);
    expect(formatEuros(125_050, "fr")).toBe(`1${NBSP}250,50${NBSP}€`);
    expect(formatEuros(-125_050, "fr")).toBe(`-1${NBSP}250,50${NBSP}€`);
    expect(formatEuros(123_456_789, "fr")).toBe(`1${NBSP}234${NBSP}567,89${NBSP}€`);
    expect(formatEuros(5, "fr")).toBe(`0,05${NBSP}€`);
  });

  it("writes English amounts with the sign before the euro symbol", () => {
    expect(formatEuros(65_000, "en")).toBe("€650");
    expect(formatEuros(125_050, "en")).toBe("€1,250.50");
    expect(formatEuros(-125_050, "en")).toBe("-€1,250.50");
  });

  it("refuses amounts that are not integer cents", () => {
    expect(() => formatEuros(650.5, "fr")).toThrow(RangeError);
  });
});

describe("message helpers", () => {
  it("formats dates and lists in each language", () => {
    expect(formatDate("2027-04-01", "fr")).toBe("1er avril 2027");
    expect(formatDate("2027-08-15", "fr")).toBe("15 août 2027");
    expect(formatDate("2027-04-01", "en")).toBe("1 April 2027");
    expect(formatList(["TypeScript", "React", "Node.js"], "fr")).toBe("TypeScript, React et Node.js");
    expect(formatList(["TypeScript", "React"], "en")).toBe("TypeScript and React");
    expect(formatList(["Go"], "en")).toBe("Go");
  });
});

describe("skills", () => {
  it.each([
    ["node", "nodejs", "Node.js", "NodeJS", "node js"],
    ["js", "javascript", "JavaScript"],
    ["ts", "typescript", "TypeScript"],
    ["react", "reactjs", "React.js"],
    ["vue", "vuejs", "Vue.js"],
    ["postgres", "postgresql", "PostgreSQL"],
    ["k8s", "kubernetes"],
    ["golang", "go", "Go"],
    ["c#", "csharp", "C#"],
    [".net", "dotnet", ".NET"],
  ])("treats %s and its aliases as one skill", (...spellings) => {
    expect(new Set(spellings.map(canonicalSkill)).size).toBe(1);
  });

  it("keeps different technologies apart", () => {
    expect(canonicalSkill("java")).not.toBe(canonicalSkill("javascript"));
    expect(canonicalSkill("c")).not.toBe(canonicalSkill("c#"));
    expect(canonicalSkill("c++")).not.toBe(canonicalSkill("c#"));
    expect(canonicalSkill("angular")).not.toBe(canonicalSkill("angularjs"));
  });

  it("splits free text on commas, slashes, semicolons, newlines, 'et' and 'and'", () => {
    const skills = extractSkills("TS/React; node.js et Postgres\nk8s and Go, C++");
    for (const skill of ["typescript", "react", "nodejs", "postgresql", "kubernetes", "go", "c++"]) {
      expect(skills.has(canonicalSkill(skill)), skill).toBe(true);
    }
  });

  it("reads a stack written as a sentence, but keeps a known multi-word skill whole", () => {
    const sentence = extractSkills("Du React avec TypeScript (front).");
    expect(sentence.has(canonicalSkill("react"))).toBe(true);
    expect(sentence.has(canonicalSkill("typescript"))).toBe(true);
    expect(extractSkills("React Native").has(canonicalSkill("react"))).toBe(false);
  });

  it("splits on the words 'et' and 'and' but not inside words, keeping unknown multi-word skills whole", () => {
    const skills = extractSkills("Jetpack Compose et Kotlin and Apache Beam");
    for (const skill of ["Jetpack Compose", "Kotlin", "Apache Beam"])
      expect(skills.has(canonicalSkill(skill)), skill).toBe(true);
    expect(skills.has(canonicalSkill("jetpack compose et kotlin"))).toBe(false);
  });
});

describe("triage: daily rate", () => {
  const criteria = { minDailyRateCents: 60_000 };

  it("passes at or above the minimum", () => {
    expect(only(criteria, { rate: 60_000 })).toMatchObject({ rule: "dailyRate", outcome: "pass" });
  });

  it("fails below the minimum with both amounts in each language", () => {
    const reason = only(criteria, { rate: 45_000 });
    expect(reason.outcome).toBe("fail");
    expect(reason.message.fr).toBe(`Le TJM proposé (450${NBSP}€) est inférieur à mon minimum (600${NBSP}€).`);
    expect(reason.message.en).toBe("The daily rate offered (€450) is below my minimum (€600).");
  });

  it("sends a missing, zero or unreadable rate to review", () => {
    const unclear: Record<string, AnswerValue>[] = [{}, { rate: 0 }, { rate: "six cents" }];
    for (const answers of unclear) {
      expect(only(criteria, answers).outcome).toBe("review");
    }
    expect(triage([], {}, { ...criteria, onDecline: "block" }, TODAY).verdict).toBe("review");
  });
});

describe("triage: duration", () => {
  const criteria = { minDurationMonths: 3 };

  it("passes a long enough mission and fails a short one", () => {
    expect(only(criteria, { months: 3 }).outcome).toBe("pass");
    const short = only(criteria, { months: 1.5 });
    expect(short.outcome).toBe("fail");
    expect(short.message.fr).toBe(
      "Une mission de 1,5 mois est plus courte que ce que j'accepte (3 mois minimum).",
    );
    expect(short.message.en).toBe("A 1.5-month mission is shorter than I take on (3 months minimum).");
  });

  it("sends a missing duration to review", () => {
    expect(only(criteria, {}).outcome).toBe("review");
    expect(only(criteria, { months: "long" }).outcome).toBe("review");
  });
});

describe("triage: required skills", () => {
  const criteria = { requiredSkills: ["TypeScript", "node"] };

  it("passes when all are present, whatever the spelling", () => {
    const reason = only(criteria, { stack: "ts, NodeJS, Postgres" });
    expect(reason.outcome).toBe("pass");
    expect(reason.message.en).toBe("The project's stack matches my expertise (TypeScript and Node.js).");
  });

  it("reviews when only some are present, naming what is missing", () => {
    const reason = only(criteria, { stack: "TypeScript, React" });
    expect(reason.outcome).toBe("review");
    expect(reason.message.fr).toContain("mentionne TypeScript mais pas Node.js");
  });

  it("fails when none is present", () => {
    expect(only(criteria, { stack: "Java, Spring Boot" }).outcome).toBe("fail");
  });

  it("reviews when the stack is missing or blank", () => {
    expect(only(criteria, {}).outcome).toBe("review");
    expect(only(criteria, { stack: " , " }).outcome).toBe("review");
  });

  it("reads a multiselect (array) answer the same way as free text", () => {
    const questions = QUESTIONS.map((question) =>
      question.id === "stack-pick"
        ? { ...question, role: "skills" as const }
        : { ...question, role: undefined },
    );
    const { reasons } = triage(
      questions,
      { "stack-pick": ["ts", "nodejs"] },
      { ...criteria, onDecline: "flag" },
      TODAY,
    );
    expect(reasons.map((reason) => reason.outcome)).toEqual(["pass"]);
  });

  it("ignores an empty list of required skills", () => {
    expect(triage(QUESTIONS, {}, { requiredSkills: [], onDecline: "block" }, TODAY)).toEqual({
      verdict: "qualified",
      reasons: [],
    });
  });
});

describe("triage: excluded skills", () => {
  const criteria = { excludedSkills: ["php", "wordpress"] };

  it("fails when one is mentioned, naming it", () => {
    const reason = only(criteria, { stack: "React, php" });
    expect(reason.outcome).toBe("fail");
    expect(reason.message.fr).toBe(
      "Le projet fait appel à PHP, une technologie avec laquelle je ne travaille pas.",
    );
    expect(only(criteria, { stack: ["WP", "PHP"] }).message.en).toBe(
      "The project involves PHP and WordPress, which I don't work with.",
    );
  });

  it("passes when none is mentioned and reviews when the stack is missing", () => {
    expect(only(criteria, { stack: "Vue, Python" }).outcome).toBe("pass");
    expect(only(criteria, {}).outcome).toBe("review");
  });
});

describe("triage: remote", () => {
  it.each([
    ["required", "remote", "pass"],
    ["required", "hybrid", "review"],
    ["required", "onsite", "fail"],
    ["preferred", "remote", "pass"],
    ["preferred", "hybrid", "pass"],
    ["preferred", "onsite", "review"],
    ["required", undefined, "review"],
    ["preferred", "on the moon", "review"],
  ] as const)("%s + %s → %s", (wish, answer, outcome) => {
    const answers: Record<string, AnswerValue> = answer === undefined ? {} : { remote: answer };
    expect(only({ remote: wish }, answers)).toMatchObject({ rule: "remote", outcome });
  });

  it("does not apply the rule for 'any'", () => {
    expect(
      triage(QUESTIONS, { remote: "onsite" }, { remote: "any", onDecline: "block" }, TODAY).reasons,
    ).toEqual([]);
  });
});

describe("triage: start date", () => {
  const criteria = { earliestStartDate: "2027-05-01" };

  it("passes a start on or after the owner's availability", () => {
    expect(only(criteria, { start: "2027-05-01" }).outcome).toBe("pass");
  });

  it("reviews, never fails, a start before it", () => {
    const reason = only(criteria, { start: "2027-04-01" });
    expect(reason.outcome).toBe("review");
    expect(reason.message.fr).toBe(
      "Je suis disponible à partir du 1er mai 2027, un démarrage le 1er avril 2027 est à discuter.",
    );
  });

  it("reviews a start date already past, and a missing or malformed one", () => {
    expect(only(criteria, { start: "2027-03-01" }).message.en).toContain("has already passed");
    expect(only(criteria, {}).outcome).toBe("review");
    expect(only(criteria, { start: "soon" }).outcome).toBe("review");
  });
});

describe("triage: verdict", () => {
  const criteria: TriageCriteria = {
    minDailyRateCents: 60_000,
    minDurationMonths: 3,
    requiredSkills: ["TypeScript"],
    remote: "required",
    onDecline: "block",
  };
  const good = { rate: 70_000, months: 6, stack: "TypeScript", remote: "remote" };

  it("qualifies when every rule passes, with one reason per configured rule in order", () => {
    const result = triage(QUESTIONS, good, criteria, TODAY);
    expect(result.verdict).toBe("qualified");
    expect(result.reasons.map((reason) => reason.rule)).toEqual([
      "dailyRate",
      "duration",
      "requiredSkills",
      "remote",
    ]);
  });

  it("reviews when one rule is unsure and none fails", () => {
    expect(triage(QUESTIONS, { ...good, remote: "hybrid" }, criteria, TODAY).verdict).toBe("review");
    expect(
      triage(QUESTIONS, { months: 6, stack: "TypeScript", remote: "remote" }, criteria, TODAY).verdict,
    ).toBe("review");
  });

  it("declines when any rule fails, even alongside reviews", () => {
    expect(triage(QUESTIONS, { ...good, months: 2, remote: "hybrid" }, criteria, TODAY).verdict).toBe(
      "declined",
    );
  });

  it("qualifies with no criteria at all", () => {
    expect(triage(QUESTIONS, {}, { onDecline: "approve" }, TODAY)).toEqual({
      verdict: "qualified",
      reasons: [],
    });
  });
});

describe("triageCriteriaSchema", () => {
  it("accepts the default criteria and rejects bad ones", () => {
    expect(triageCriteriaSchema.safeParse(defaultEventType("Europe/Paris").triage).success).toBe(true);
    expect(triageCriteriaSchema.safeParse({ onDecline: "ignore" }).success).toBe(false);
    expect(triageCriteriaSchema.safeParse({ onDecline: "block", minDailyRateCents: 600.5 }).success).toBe(
      false,
    );
    expect(
      triageCriteriaSchema.safeParse({ onDecline: "block", earliestStartDate: "2027-02-30" }).success,
    ).toBe(false);
    expect(triageCriteriaSchema.safeParse({ minDurationMonths: 3 }).success).toBe(false);
  });
});

describe("defaultEventType", () => {
  const eventType = defaultEventType("Europe/Paris");

  it("is a 30-minute weekday call with the agreed hours and rules", () => {
    expect(eventType).toMatchObject({
      slug: "premier-echange",
      title: "Premier échange",
      translations: { en: { title: "Discovery call" } },
      durationMinutes: 30,
      timeZone: "Europe/Paris",
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 720,
      horizonDays: 30,
      triage: { minDurationMonths: 3, onDecline: "block" },
    });
    expect(Object.keys(eventType.weeklyHours)).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(eventType.weeklyHours.fri).toEqual([
      ["09:30", "12:00"],
      ["14:00", "18:00"],
    ]);
  });

  it("returns fresh data each time, so editing one event type cannot change another", () => {
    const other = defaultEventType("Europe/Paris");
    other.weeklyHours.mon?.push(["20:00", "21:00"]);
    other.questions[0]!.required = false;
    expect(eventType.weeklyHours.tue).toHaveLength(2);
    expect(defaultEventType("Europe/Paris").weeklyHours.mon).toHaveLength(2);
    expect(DEFAULT_QUESTIONS[0]!.required).toBe(true);
  });

  it("has slot rules the slot engine accepts", () => {
    expect(validateSlotRules(eventType)).toEqual([]);
  });

  it("refuses an unknown time zone", () => {
    expect(() => defaultEventType("Europe/Atlantis")).toThrow(RangeError);
  });

  it("declines a 2-month mission typed into its booking form, and qualifies a 6-month one", () => {
    const form = { company: "Acme", "daily-rate": "650", stack: "React", remote: "remote", source: "malt" };
    const decide = (months: string) => {
      const validation = validateAnswers(eventType.questions, { ...form, "duration-months": months });
      if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
      return triage(eventType.questions, validation.answers, eventType.triage, TODAY);
    };
    const short = decide("2");
    expect(short.verdict).toBe("declined");
    expect(short.reasons).toEqual([
      {
        rule: "duration",
        outcome: "fail",
        message: {
          fr: "Une mission de 2 mois est plus courte que ce que j'accepte (3 mois minimum).",
          en: "A 2-month mission is shorter than I take on (3 months minimum).",
        },
      },
    ]);
    expect(decide("6").verdict).toBe("qualified");
  });
});
