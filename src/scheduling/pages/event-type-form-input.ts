// The editor's strings → the owner API's event type body, so the dashboard saves through the very same
// validation (eventTypeInputSchema + normalizeEventType). Blank rows are skipped; every row kept remembers
// its form field, so an API error path ("weeklyHours.mon.1.0") lands next to the field that caused it.
import { parseDecimal, parseEurosToCents } from "../answer-parsers.ts";
import { type EventTypeFormValues, type QuestionRow, WEEKDAY_KEYS } from "./event-type-form.ts";

export type LocalErrorCode = "integer" | "number" | "money" | "hours";

export interface EditorInput {
  input: Record<string, unknown>;
  /** what could not even be read, by form field */
  localErrors: Record<string, LocalErrorCode>;
  /** the form field an API error path belongs to, or undefined for errors about the whole link */
  fieldFor(path: string): string | undefined;
}

const blank = (s: string) => s.trim() === "";

/** "9:00", "9h00", "09h" → "09:00"; anything else is passed on for the API to reject with its own message. */
export function normalizeTime(value: string): string {
  const m = /^(\d{1,2})\s*[:hH]\s*(\d{2})?$/.exec(value.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2] ?? "00"}` : value.trim();
}

/** "10:00-12:00, 14:00–18:00" → ranges; null when a part cannot be read. */
export function parseHoursText(text: string): [string, string][] | null {
  const parts = text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: [string, string][] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}\s*[:hH]\s*\d{0,2})\s*(?:-|–|—|à|to)\s*(\d{1,2}\s*[:hH]\s*\d{0,2})$/i.exec(part);
    if (!m) return null;
    ranges.push([normalizeTime(m[1]!), normalizeTime(m[2]!)]);
  }
  return ranges;
}

/** A question id from its label when the owner left the id blank: "Durée (mois)" → "duree-mois". */
export function slugifyId(label: string): string {
  const slug = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return /^[a-z]/.test(slug) ? slug : `q-${slug}`;
}

function optionsOf(text: string) {
  return text
    .split("\n")
    .map((line) => line.split("|").map((part) => part.trim()))
    .filter(([value]) => value)
    .map(([value = "", labelFr, labelEn]) => ({
      value,
      label: labelFr && labelEn ? { fr: labelFr, en: labelEn } : labelFr || labelEn || value,
    }));
}

export function editorInput(v: EventTypeFormValues): EditorInput {
  const localErrors: Record<string, LocalErrorCode> = {};
  const fields: [string, string][] = [];
  const map = (apiPath: string, field: string) => fields.push([apiPath, field]);

  const integer = (value: string, field: string): number | undefined => {
    if (blank(value)) return undefined;
    if (/^\s*\d{1,9}\s*$/.test(value)) return Number(value);
    localErrors[field] = "integer";
    return undefined;
  };
  const decimal = (value: string, field: string): number | undefined => {
    if (blank(value)) return undefined;
    const n = parseDecimal(value);
    if (n === undefined) localErrors[field] = "number";
    return n;
  };
  const cents = (value: string, field: string): number | undefined => {
    if (blank(value)) return undefined;
    const n = parseEurosToCents(value);
    if (n === undefined) localErrors[field] = "money";
    return n;
  };
  const list = (value: string) =>
    value
      .split(/[,\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);

  for (const key of ["slug", "title", "description", "timeZone", "requiresConfirmation", "active"])
    map(key, key);
  map("translations.en.description", "descriptionEn");
  map("translations", "titleEn");

  const numbers: Record<string, number | undefined> = {};
  for (const key of [
    "durationMinutes",
    "slotIntervalMinutes",
    "bufferBeforeMinutes",
    "bufferAfterMinutes",
    "minimumNoticeMinutes",
    "horizonDays",
    "maxPerDay",
    "maxPerWeek",
    "cancelNoticeMinutes",
  ] as const) {
    numbers[key] = integer(v[key], key);
    map(key, key);
  }

  const locations = v.locations
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !blank(row.type))
    .map(({ row, index }, k) => {
      map(`locations.${k}.details`, `locations.${index}.details`);
      map(`locations.${k}`, `locations.${index}.type`);
      return blank(row.details) ? { type: row.type } : { type: row.type, details: row.details.trim() };
    });

  const weeklyHours: Record<string, [string, string][]> = {};
  for (const day of WEEKDAY_KEYS) {
    const windows = v.weeklyHours[day]
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => !blank(row.start) || !blank(row.end));
    windows.forEach(({ index }, k) => {
      map(`weeklyHours.${day}.${k}.1`, `weeklyHours.${day}.${index}.end`);
      map(`weeklyHours.${day}.${k}`, `weeklyHours.${day}.${index}.start`);
    });
    if (windows.length)
      weeklyHours[day] = windows.map(({ row }) => [normalizeTime(row.start), normalizeTime(row.end)]);
  }

  const dateOverrides = v.dateOverrides
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !blank(row.date) || !blank(row.hours))
    .map(({ row, index }, k) => {
      map(`dateOverrides.${k}.hours`, `dateOverrides.${index}.hours`);
      map(`dateOverrides.${k}`, `dateOverrides.${index}.date`);
      const hours = parseHoursText(row.hours);
      if (!hours) localErrors[`dateOverrides.${index}.hours`] = "hours";
      return { date: row.date.trim(), hours: hours ?? [] };
    });

  const questions = v.questions
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !row.remove && !(blank(row.id) && blank(row.labelFr) && blank(row.labelEn)))
    .map((q) => ({ ...q, at: Number(q.row.position) || q.index + 1 }))
    // A question given a new position goes before the one already there.
    .sort(
      (a, b) =>
        a.at - b.at || Number(b.at !== b.index + 1) - Number(a.at !== a.index + 1) || a.index - b.index,
    )
    .map(({ row, index }, k) => questionInput(row, index, k, { map, integer, decimal, cents }));

  const t = v.triage;
  const triage = {
    ...(blank(t.minDailyRate) ? {} : { minDailyRateCents: cents(t.minDailyRate, "triage.minDailyRate") }),
    ...(blank(t.minDurationMonths)
      ? {}
      : { minDurationMonths: decimal(t.minDurationMonths, "triage.minDurationMonths") }),
    ...(list(t.requiredSkills).length ? { requiredSkills: list(t.requiredSkills) } : {}),
    ...(list(t.excludedSkills).length ? { excludedSkills: list(t.excludedSkills) } : {}),
    ...(blank(t.remote) ? {} : { remote: t.remote }),
    ...(blank(t.earliestStartDate) ? {} : { earliestStartDate: t.earliestStartDate.trim() }),
    ...(blank(t.onDecline) ? {} : { onDecline: t.onDecline }),
  };
  map("triage.minDailyRateCents", "triage.minDailyRate");
  for (const key of [
    "minDurationMonths",
    "requiredSkills",
    "excludedSkills",
    "remote",
    "earliestStartDate",
    "onDecline",
  ]) {
    map(`triage.${key}`, `triage.${key}`);
  }

  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
  const input = defined({
    slug: v.slug,
    title: v.title,
    description: v.description,
    ...(blank(v.titleEn) && blank(v.descriptionEn)
      ? {}
      : {
          translations: { en: { title: v.titleEn.trim() || v.title.trim(), description: v.descriptionEn } },
        }),
    ...numbers,
    locations,
    timeZone: v.timeZone,
    weeklyHours,
    dateOverrides,
    questions,
    triage,
    requiresConfirmation: v.requiresConfirmation,
    active: v.active,
  });

  // Most specific first: "questions.2.label" before "questions.2".
  fields.sort((a, b) => b[0].length - a[0].length);
  const fieldFor = (path: string) => fields.find(([api]) => path === api || path.startsWith(`${api}.`))?.[1];
  return { input, localErrors, fieldFor };
}

interface Readers {
  map(apiPath: string, field: string): void;
  integer(value: string, field: string): number | undefined;
  decimal(value: string, field: string): number | undefined;
  cents(value: string, field: string): number | undefined;
}

function questionInput(row: QuestionRow, index: number, k: number, r: Readers): Record<string, unknown> {
  const at = `questions.${index}`;
  for (const [api, field] of [
    ["id", "id"],
    ["label.en", "labelEn"],
    ["label", "labelFr"],
    ["type", "type"],
    ["role", "role"],
    ["options", "options"],
    ["min", "min"],
    ["max", "max"],
    ["maxLength", "maxLength"],
    ["placeholder.en", "placeholderEn"],
    ["placeholder", "placeholderFr"],
  ]) {
    r.map(`questions.${k}.${api}`, `${at}.${field}`);
  }
  r.map(`questions.${k}`, `${at}.labelFr`);
  const bound = (value: string, field: string) =>
    row.type === "money" ? r.cents(value, `${at}.${field}`) : r.decimal(value, `${at}.${field}`);
  const localizedOf = (frText: string, enText: string) => {
    const a = frText.trim();
    const b = enText.trim();
    if (!a && !b) return undefined;
    return a && b ? { fr: a, en: b } : a || b;
  };
  const options = optionsOf(row.options);
  const question: Record<string, unknown> = {
    id: row.id.trim() || slugifyId(row.labelFr || row.labelEn),
    label: localizedOf(row.labelFr, row.labelEn) ?? "",
    type: row.type,
    required: row.required,
    ...(options.length ? { options } : {}),
    ...(blank(row.role) ? {} : { role: row.role }),
    maxLength: r.integer(row.maxLength, `${at}.maxLength`),
    min: bound(row.min, "min"),
    max: bound(row.max, "max"),
    placeholder: localizedOf(row.placeholderFr, row.placeholderEn),
  };
  return Object.fromEntries(Object.entries(question).filter(([, x]) => x !== undefined));
}
