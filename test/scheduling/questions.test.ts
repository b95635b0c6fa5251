import { describe, expect, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import { parseEurosToCents } from "../../src/scheduling/answer-parsers.ts";
import { DEFAULT_QUESTIONS, defaultEventType } from "../../src/scheduling/default-event-type.ts";
import {
  type AnswerError,
  type Question,
  questionSchema,
  questionsSchema,
  validateAnswers,
} from "../../src/scheduling/questions.ts";

const q = (question: Partial<Question> & Pick<Question, "id" | "type">): Question => ({
  label: question.id,
  required: false,
  ...question,
});

const REMOTE_OPTIONS = [
  { value: "remote", label: "Remote" },
  { value: "hybrid", label: "Hybrid" },
  { value: "onsite", label: "On site" },
];

function errorsOf(questions: Question[], raw: unknown): AnswerError[] {
  const result = validateAnswers(questions, raw);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.answers)}`);
  return result.errors;
}

function answersOf(questions: Question[], raw: unknown): Record<string, unknown> {
  const result = validateAnswers(questions, raw);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.answers;
}

function codeFor(question: Question, value: unknown): string | undefined {
  return errorsOf([question], { [question.id]: value })[0]?.code;
}

function valueFor(question: Question, value: unknown): unknown {
  return answersOf([question], { [question.id]: value })[question.id];
}

describe("questionSchema", () => {
  it("accepts a well-formed question, defaults required to false, and its output is a Question", () => {
    const parsed = questionSchema.parse({
      id: "daily-rate",
      label: { fr: "TJM", en: "Daily rate" },
      type: "money",
      role: "dailyRate",
    });
    expect(parsed.required).toBe(false);
    expectTypeOf<z.output<typeof questionSchema>>().toExtend<Question>();
  });

  it.each([
    ["an id that is not a slug", { id: "Daily Rate", label: "x", type: "text" }],
    ["an id starting with a digit", { id: "1st", label: "x", type: "text" }],
    ["an empty label", { id: "a", label: "  ", type: "text" }],
    ["a label missing its English", { id: "a", label: { fr: "x" }, type: "text" }],
    ["a label with control characters", { id: "a", label: "x\u0007", type: "text" }],
    ["an unknown type", { id: "a", label: "x", type: "color" }],
    ["an unknown field", { id: "a", label: "x", type: "text", colour: "red" }],
    ["a select without options", { id: "a", label: "x", type: "select" }],
    ["a multiselect with no options", { id: "a", label: "x", type: "multiselect", options: [] }],
    [
      "options on a text question",
      { id: "a", label: "x", type: "text", options: [{ value: "a", label: "A" }] },
    ],
    [
      "duplicate option values",
      {
        id: "a",
        label: "x",
        type: "select",
        options: [
          { value: "a", label: "A" },
          { value: "a", label: "B" },
        ],
      },
    ],
    [
      "an option value with spaces",
      { id: "a", label: "x", type: "select", options: [{ value: "a b", label: "A" }] },
    ],
    ["dailyRate on a number question", { id: "a", label: "x", type: "number", role: "dailyRate" }],
    ["durationMonths on a text question", { id: "a", label: "x", type: "text", role: "durationMonths" }],
    ["skills on a longtext question", { id: "a", label: "x", type: "longtext", role: "skills" }],
    ["startDate on a text question", { id: "a", label: "x", type: "text", role: "startDate" }],
    [
      "remote with a foreign option",
      { id: "a", label: "x", type: "select", role: "remote", options: [{ value: "mars", label: "Mars" }] },
    ],
    ["maxLength on a number", { id: "a", label: "x", type: "number", maxLength: 10 }],
    ["a maxLength of zero", { id: "a", label: "x", type: "text", maxLength: 0 }],
    ["a huge maxLength", { id: "a", label: "x", type: "longtext", maxLength: 1_000_000 }],
    ["min on a text question", { id: "a", label: "x", type: "text", min: 1 }],
    ["min above max", { id: "a", label: "x", type: "number", min: 5, max: 1 }],
    ["fractional cents as a money bound", { id: "a", label: "x", type: "money", min: 10.5 }],
  ])("rejects %s", (_, definition) => {
    expect(questionSchema.safeParse(definition).success).toBe(false);
  });

  it("accepts each role on each type API.md allows", () => {
    const allowed: [Question["type"], Question["role"]][] = [
      ["money", "dailyRate"],
      ["number", "durationMonths"],
      ["multiselect", "skills"],
      ["text", "skills"],
      ["date", "startDate"],
      ["text", "company"],
      ["text", "source"],
    ];
    for (const [type, role] of allowed) {
      const options = type === "multiselect" ? [{ value: "ts", label: "TypeScript" }] : undefined;
      expect(
        questionSchema.safeParse({ id: "a", label: "x", type, role, options }).success,
        `${role} on ${type}`,
      ).toBe(true);
    }
    expect(
      questionSchema.safeParse({
        id: "a",
        label: "x",
        type: "select",
        role: "remote",
        options: REMOTE_OPTIONS,
      }).success,
    ).toBe(true);
  });
});

describe("questionsSchema", () => {
  it("rejects duplicate ids and a role used twice, pointing at the second question", () => {
    const dupId = questionsSchema.safeParse([q({ id: "a", type: "text" }), q({ id: "a", type: "email" })]);
    expect(dupId.error?.issues[0]?.path).toEqual([1, "id"]);
    const dupRole = questionsSchema.safeParse([
      q({ id: "a", type: "text", role: "company" }),
      q({ id: "b", type: "text", role: "company" }),
    ]);
    expect(dupRole.error?.issues[0]?.path).toEqual([1, "role"]);
  });

  it("accepts the default event type's questions", () => {
    expect(questionsSchema.safeParse(defaultEventType("Europe/Paris").questions).success).toBe(true);
  });
});

describe("validateAnswers: structure", () => {
  const questions = [
    q({ id: "company", type: "text", required: true }),
    q({ id: "notes", type: "longtext" }),
  ];

  it("requires required questions and skips optional ones left blank", () => {
    expect(errorsOf(questions, {})).toEqual([
      { path: "answers.company", code: "required", message: "This question is required." },
    ]);
    expect(answersOf(questions, { company: "Acme", notes: "   " })).toEqual({ company: "Acme" });
    expect(errorsOf(questions, { company: null })[0]?.code).toBe("required");
  });

  it("rejects unknown question ids, including inherited names", () => {
    const errors = errorsOf(questions, JSON.parse('{"company":"Acme","budget":1,"__proto__":{"x":1}}'));
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ["answers.budget", "unknown_question"],
      ["answers.__proto__", "unknown_question"],
    ]);
  });

  it("rejects answers that are not an object, and treats a missing object as no answers", () => {
    for (const raw of ["x", 3, [1], true]) expect(errorsOf(questions, raw)[0]?.code).toBe("not_an_object");
    expect(errorsOf(questions, undefined)[0]?.path).toBe("answers.company");
    expect(validateAnswers([q({ id: "notes", type: "longtext" })], undefined)).toEqual({
      ok: true,
      answers: {},
    });
  });

  it("reports every error at once, in question order", () => {
    const errors = errorsOf(
      [q({ id: "email", type: "email", required: true }), q({ id: "site", type: "url" })],
      { site: "ftp://x.fr" },
    );
    expect(errors.map((error) => error.code)).toEqual(["required", "invalid_url"]);
  });
});

describe("validateAnswers: text and formats", () => {
  const text = q({ id: "company", type: "text" });

  it("trims text, turns CRLF into LF, keeps tabs and newlines, keeps HTML as typed", () => {
    expect(valueFor(q({ id: "p", type: "longtext" }), "  line 1\r\n\tline 2  ")).toBe("line 1\n\tline 2");
    expect(valueFor(text, "<b>Acme</b>")).toBe("<b>Acme</b>");
  });

  it("rejects control characters", () => {
    for (const bad of ["Acme\u0000", "Ac\u001bme", "x\u007f", "x\u0085"])
      expect(codeFor(text, bad)).toBe("control_characters");
  });

  it("limits text to 500 and longtext to 5000 characters unless maxLength says otherwise", () => {
    expect(valueFor(text, "é".repeat(500))).toHaveLength(500);
    expect(errorsOf([text], { company: "a".repeat(501) })[0]).toMatchObject({ code: "too_long", limit: 500 });
    const longtext = q({ id: "p", type: "longtext" });
    expect(valueFor(longtext, "a".repeat(5000))).toHaveLength(5000);
    expect(codeFor(longtext, "a".repeat(5001))).toBe("too_long");
    expect(codeFor(q({ id: "c", type: "text", maxLength: 10 }), "a".repeat(11))).toBe("too_long");
    // Characters, not UTF-16 units: 500 emoji fit in 500.
    expect(valueFor(text, "🚀".repeat(500))).toBe("🚀".repeat(500));
  });

  it("rejects non-string text", () => {
    expect(codeFor(text, 42)).toBe("invalid_type");
    expect(codeFor(text, { a: 1 })).toBe("invalid_type");
    expect(codeFor(text, ["a"])).toBe("invalid_type");
  });

  it("validates email addresses", () => {
    const email = q({ id: "e", type: "email" });
    expect(valueFor(email, " jean.dupont+crm@exemple.fr ")).toBe("jean.dupont+crm@exemple.fr");
    for (const bad of [
      "jean",
      "jean@",
      "@x.fr",
      "jean@localhost",
      "je an@x.fr",
      "a@b@c.fr",
      "a@x..fr",
      `${"a".repeat(65)}@x.fr`,
    ]) {
      expect(codeFor(email, bad), bad).toBe("invalid_email");
    }
  });

  it("accepts only http(s) URLs", () => {
    const url = q({ id: "u", type: "url" });
    expect(valueFor(url, "https://exemple.fr/projet?x=1")).toBe("https://exemple.fr/projet?x=1");
    expect(valueFor(url, "http://intranet.exemple.fr")).toBe("http://intranet.exemple.fr");
    for (const bad of [
      "javascript:alert(1)",
      "ftp://x.fr",
      "exemple.fr",
      "https://",
      "http://exa mple.fr",
      "data:text/html,x",
    ]) {
      expect(codeFor(url, bad), bad).toBe("invalid_url");
    }
  });

  it("validates phone numbers", () => {
    const phone = q({ id: "p", type: "phone" });
    expect(valueFor(phone, "+33 (0)6 12-34-56-78")).toBe("+33 (0)6 12-34-56-78");
    for (const bad of ["12345", "06 12 34 AB 78", "call me"])
      expect(codeFor(phone, bad), bad).toBe("invalid_phone");
  });

  it("accepts only real YYYY-MM-DD dates", () => {
    const date = q({ id: "d", type: "date" });
    expect(valueFor(date, "2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "2027-13-01", "2027-4-1", "01/04/2027", "2027-04-01T10:00"]) {
      expect(codeFor(date, bad), bad).toBe("invalid_date");
    }
    expect(codeFor(date, 20270401)).toBe("invalid_type");
  });
});

describe("validateAnswers: select and multiselect", () => {
  const remote = q({ id: "remote", type: "select", options: REMOTE_OPTIONS });
  const stack = q({
    id: "stack",
    type: "multiselect",
    options: ["ts", "react", "node"].map((value) => ({ value, label: value })),
  });

  it("accepts one of the options and nothing else", () => {
    expect(valueFor(remote, " hybrid ")).toBe("hybrid");
    expect(codeFor(remote, "Hybrid")).toBe("invalid_option");
    expect(codeFor(remote, "mars")).toBe("invalid_option");
    expect(codeFor(remote, ["remote"])).toBe("invalid_type");
  });

  it("takes a JSON array or a comma-separated form string, deduplicated", () => {
    expect(valueFor(stack, ["ts", "node", "ts"])).toEqual(["ts", "node"]);
    expect(valueFor(stack, "ts, react,,")).toEqual(["ts", "react"]);
    expect(codeFor(stack, ["ts", "php"])).toBe("invalid_option");
    expect(codeFor(stack, ["ts", 3])).toBe("invalid_type");
    expect(codeFor(stack, { ts: true })).toBe("invalid_type");
  });

  it("treats an empty selection as unanswered", () => {
    expect(errorsOf([{ ...stack, required: true }], { stack: [] })[0]?.code).toBe("required");
    expect(answersOf([stack], { stack: ["", " "] })).toEqual({});
  });

  it("lets a skills text question take a free list, as text or as an array", () => {
    const skills = q({ id: "stack", type: "text", role: "skills" });
    expect(valueFor(skills, "TypeScript / Node.js et Kafka")).toBe("TypeScript / Node.js et Kafka");
    expect(valueFor(skills, [" Elixir ", "Phoenix", "Elixir"])).toEqual(["Elixir", "Phoenix"]);
    expect(codeFor(skills, ["a".repeat(300), "b".repeat(300)])).toBe("too_long");
    expect(codeFor(skills, ["ok", "bad\u0000"])).toBe("control_characters");
    // Only the skills role takes arrays: a company is one string.
    expect(codeFor(q({ id: "company", type: "text", role: "company" }), ["Acme"])).toBe("invalid_type");
  });
});

describe("validateAnswers: numbers, money and booleans", () => {
  const months = q({ id: "m", type: "number", min: 0, max: 60 });
  const rate = q({ id: "rate", type: "money", role: "dailyRate", max: 1_000_000 });

  it("reads numbers from JSON and from French or English form strings, within bounds", () => {
    expect(valueFor(months, 6)).toBe(6);
    expect(valueFor(months, "1,5")).toBe(1.5);
    expect(valueFor(months, " 2.5 ")).toBe(2.5);
    expect(errorsOf([months], { m: 61 })[0]).toMatchObject({ code: "too_large", limit: 60 });
    expect(codeFor(months, -1)).toBe("too_small");
    for (const bad of ["six", "1e3", "Infinity", "6 mois"])
      expect(codeFor(months, bad), bad).toBe("invalid_number");
    expect(codeFor(months, Number.NaN)).toBe("invalid_number");
    expect(codeFor(months, true)).toBe("invalid_type");
  });

  it("reads a JSON number as integer cents", () => {
    expect(valueFor(rate, 65_000)).toBe(65_000);
    expect(codeFor(rate, 650.5)).toBe("invalid_money");
    expect(codeFor(rate, -100)).toBe("too_small");
    expect(codeFor(rate, 1_000_001)).toBe("too_large");
    expect(codeFor(rate, { amount: 1 })).toBe("invalid_type");
  });

  it("reads a string as euros typed by a person", () => {
    expect(valueFor(rate, "650")).toBe(65_000);
    expect(valueFor(rate, "650,50")).toBe(65_050);
    expect(valueFor(rate, "650 €")).toBe(65_000);
    expect(valueFor(rate, "1 250,5 € HT")).toBe(125_050);
  });

  it.each([
    ["650", 65_000],
    ["650,5", 65_050],
    ["650.50", 65_050],
    ["€650", 65_000],
    ["650€", 65_000],
    ["650 EUR", 65_000],
    ["650 euros", 65_000],
    ["1\u202f250,50\u00a0€", 125_050],
    ["1.250", 125_000],
    ["1,250", 125_000],
    ["1.250,50", 125_050],
    ["1,250.50", 125_050],
    ["1 000 000", 100_000_000],
    ["0,5", 50],
  ])("parses %j as %i cents", (typed, cents) => {
    expect(parseEurosToCents(typed)).toBe(cents);
  });

  it.each(["", "abc", "650,5055", "0.250", "-650", "65O", "1,25,0", "1.2345,00", "650,", "6 5 0 €€", "1e3"])(
    "refuses %j",
    (typed) => {
      expect(parseEurosToCents(typed)).toBeUndefined();
    },
  );

  it("accepts booleans and their form spellings", () => {
    const consent = q({ id: "ok", type: "boolean", required: true });
    for (const yes of [true, "true", "on", "yes", "1", "Oui"])
      expect(valueFor(consent, yes), String(yes)).toBe(true);
    for (const no of [false, "false", "off", "no", "0", "non"])
      expect(valueFor(consent, no), String(no)).toBe(false);
    expect(codeFor(consent, "maybe")).toBe("invalid_boolean");
    expect(codeFor(consent, 1)).toBe("invalid_type");
    expect(codeFor(consent, "")).toBe("required");
  });
});

describe("default questions", () => {
  it("give every triage role a question and accept a typical form submission", () => {
    const roles = DEFAULT_QUESTIONS.map((question) => question.role).filter(Boolean);
    expect(new Set(roles)).toEqual(
      new Set(["company", "dailyRate", "durationMonths", "startDate", "skills", "remote", "source"]),
    );
    const answers = answersOf([...DEFAULT_QUESTIONS], {
      company: "Acme",
      "daily-rate": "650",
      "duration-months": "6",
      "start-date": "2027-05-03",
      stack: "TypeScript, React",
      remote: "hybrid",
      source: "malt",
      project: "",
    });
    expect(answers).toEqual({
      company: "Acme",
      "daily-rate": 65_000,
      "duration-months": 6,
      "start-date": "2027-05-03",
      stack: "TypeScript, React",
      remote: "hybrid",
      source: "malt",
    });
  });
});
