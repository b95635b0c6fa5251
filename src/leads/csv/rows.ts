// One CSV record → one lead to import, or the precise reasons it cannot be. Pure.
import * as z from "zod";
import { channelFromAnswer, channelSlug } from "../channels.ts";
import { parseLooseDate, parseMoneyCents, parseMonths, parseRemote } from "../loose-values.ts";
import { isStage, STAGES, type Stage } from "../pipeline.ts";
import type { ColumnMap, ImportField } from "./columns.ts";

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  company: string | null;
  source: string;
  answers: {
    dailyRate?: number;
    durationMonths?: number;
    skills?: string;
    remote?: string;
    startDate?: string;
  };
  notes: string | null;
  /** first contact (YYYY-MM-DD), when the file says it */
  date: string | null;
  stage: Stage;
}

export type RowProblem =
  | { code: "email_missing" | "email_invalid" | "name_missing" | "too_long"; field?: ImportField }
  | { code: "formula"; field: ImportField; value: string }
  | { code: "unreadable"; field: ImportField; value: string }
  | { code: "extra_cells"; cells: number; expected: number }
  | { code: "duplicate"; firstLine: number };

export interface RowError {
  line: number;
  problems: RowProblem[];
}

const emailSchema = z.email();
const MAX_TEXT = 5000;

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): "=…", "@…", a tab or CR first, or
 * "+"/"-" unless the whole cell is a number or a phone number ("+33 6 12…" and "-5" are fine,
 * "-2+3+cmd|…" is not).
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-][\d\s().,/-]*$/.test(value));
}

const STAGE_WORDS: Record<string, Stage> = {
  nouveau: "new",
  "appel prévu": "call_scheduled",
  "appel planifié": "call_scheduled",
  "call scheduled": "call_scheduled",
  "appel fait": "call_done",
  "appel effectué": "call_done",
  "call done": "call_done",
  "rencontre équipe": "team_meeting",
  "team meeting": "team_meeting",
  "test technique": "technical_test",
  "technical test": "technical_test",
  proposition: "proposal",
  proposal: "proposal",
  gagné: "won",
  won: "won",
  signé: "won",
  perdu: "lost",
  lost: "lost",
  décliné: "declined",
  refusé: "declined",
  declined: "declined",
};

function readStage(text: string): Stage | undefined {
  const value = text.trim().toLowerCase();
  if (!value) return "new";
  if (isStage(value)) return value;
  return (
    STAGE_WORDS[value] ??
    ((STAGES as readonly string[]).find((s) => s === value.replace(/[\s-]+/g, "_")) as Stage | undefined)
  );
}

export function readRow(
  cells: readonly string[],
  line: number,
  columns: ColumnMap,
  headerSize: number,
  today: string,
): ImportRow | RowError {
  const problems: RowProblem[] = [];
  const value: Partial<Record<ImportField, string>> = {};
  for (const [index, field] of columns.fields) {
    const cell = (cells[index] ?? "").trim();
    if (cell.length > MAX_TEXT) problems.push({ code: "too_long", field });
    else if (looksLikeFormula(cell)) problems.push({ code: "formula", field, value: cell.slice(0, 40) });
    else value[field] = cell;
  }
  // More cells than headers: a value with the delimiter in it was not quoted, so columns are shifted.
  if (cells.length > headerSize && cells.slice(headerSize).some((c) => c.trim() !== ""))
    problems.push({ code: "extra_cells", cells: cells.length, expected: headerSize });

  const email = (value.email ?? "").toLowerCase();
  if (!email && !problems.some((p) => "field" in p && p.field === "email"))
    problems.push({ code: "email_missing" });
  else if (email && !emailSchema.safeParse(email).success)
    problems.push({ code: "email_invalid", field: "email" });
  const name = value.name || [value.firstName, value.lastName].filter(Boolean).join(" ");
  if (
    !name &&
    !problems.some((p) => "field" in p && ["name", "firstName", "lastName"].includes(p.field ?? ""))
  )
    problems.push({ code: "name_missing" });

  const answers: ImportRow["answers"] = {};
  const read = <T>(field: ImportField, parse: (text: string) => T | undefined, set: (v: T) => void) => {
    const text = value[field];
    if (!text) return;
    const parsed = parse(text);
    if (parsed === undefined) problems.push({ code: "unreadable", field, value: text.slice(0, 40) });
    else set(parsed);
  };
  read("dailyRate", parseMoneyCents, (v) => (answers.dailyRate = v));
  read(
    "durationMonths",
    (t) => parseMonths(t),
    (v) => (answers.durationMonths = v),
  );
  read("remote", parseRemote, (v) => (answers.remote = v));
  read(
    "startDate",
    (t) => parseLooseDate(t, today),
    (v) => (answers.startDate = v),
  );
  if (value.skills) answers.skills = value.skills;
  let date: string | null = null;
  read(
    "date",
    (t) => parseLooseDate(t, today),
    (v) => (date = v),
  );
  let stage: Stage = "new";
  read("stage", readStage, (v) => (stage = v));

  if (problems.length > 0) return { line, problems };
  const source = value.source
    ? channelFromAnswer(value.source) === "other"
      ? channelSlug(value.source) || "other"
      : channelFromAnswer(value.source)
    : "other";
  return {
    line,
    name: name.slice(0, 120),
    email,
    company: value.company || null,
    source,
    answers,
    notes: value.notes || null,
    date,
    stage,
  };
}
