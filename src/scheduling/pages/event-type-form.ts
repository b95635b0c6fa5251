// The booking-link editor's form as plain strings: filled from a stored link, or read back from a POST
// exactly as typed (rows included, blank ones too), so a form with errors comes back unchanged.
import type { EventTypeDefinition } from "../default-event-type.ts";
import type { LocalizedText, Question } from "../questions.ts";
import type { HoursRange, Weekday } from "../slot-types.ts";

export const WEEKDAY_KEYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface QuestionRow {
  id: string;
  labelFr: string;
  labelEn: string;
  type: string;
  required: boolean;
  role: string;
  /** one option a line: "value | Libellé | Label" */
  options: string;
  /** euros for money questions */
  min: string;
  max: string;
  maxLength: string;
  placeholderFr: string;
  placeholderEn: string;
  position: string;
  remove: boolean;
}

export interface EventTypeFormValues {
  slug: string;
  title: string;
  description: string;
  titleEn: string;
  descriptionEn: string;
  durationMinutes: string;
  slotIntervalMinutes: string;
  timeZone: string;
  locations: { type: string; details: string }[];
  weeklyHours: Record<Weekday, { start: string; end: string }[]>;
  /** hours as "10:00-12:00, 14:00-18:00"; empty closes the day */
  dateOverrides: { date: string; hours: string }[];
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNoticeMinutes: string;
  horizonDays: string;
  maxPerDay: string;
  maxPerWeek: string;
  cancelNoticeMinutes: string;
  requiresConfirmation: boolean;
  active: boolean;
  questions: QuestionRow[];
  triage: {
    /** euros */
    minDailyRate: string;
    minDurationMonths: string;
    requiredSkills: string;
    excludedSkills: string;
    remote: string;
    earliestStartDate: string;
    onDecline: string;
  };
}

export const BLANK_QUESTION: QuestionRow = {
  id: "",
  labelFr: "",
  labelEn: "",
  type: "text",
  required: false,
  role: "",
  options: "",
  min: "",
  max: "",
  maxLength: "",
  placeholderFr: "",
  placeholderEn: "",
  position: "",
  remove: false,
};

const str = (v: number | undefined | null) => (v === undefined || v === null ? "" : String(v));
const fr = (t: LocalizedText | undefined) => (t === undefined ? "" : typeof t === "string" ? t : t.fr);
const en = (t: LocalizedText | undefined) => (t === undefined || typeof t === "string" ? "" : t.en);
/** Plain "650" or "650.50": read back by parseEurosToCents, whatever the owner's language. */
const euros = (cents: number | undefined) =>
  cents === undefined ? "" : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

export function hoursText(ranges: readonly HoursRange[]): string {
  return ranges.map(([a, b]) => `${a}-${b}`).join(", ");
}

function optionsText(q: Question): string {
  return (q.options ?? [])
    .map((o) => {
      const label =
        typeof o.label === "string" ? (o.label === o.value ? [] : [o.label]) : [o.label.fr, o.label.en];
      return [o.value, ...label].join(" | ");
    })
    .join("\n");
}

function questionRow(q: Question, index: number): QuestionRow {
  const bound = (v: number | undefined) => (q.type === "money" ? euros(v) : str(v));
  return {
    id: q.id,
    labelFr: fr(q.label),
    labelEn: en(q.label),
    type: q.type,
    required: q.required,
    role: q.role ?? "",
    options: optionsText(q),
    min: bound(q.min),
    max: bound(q.max),
    maxLength: str(q.maxLength),
    placeholderFr: fr(q.placeholder),
    placeholderEn: en(q.placeholder),
    position: String(index + 1),
    remove: false,
  };
}

export function formValuesOf(e: EventTypeDefinition, active: boolean): EventTypeFormValues {
  // An English text equal to the French one was filled in by default: show it blank ("same as French").
  const english = e.translations?.en;
  const sameEnglish = !english || (english.title === e.title && english.description === e.description);
  const weeklyHours = Object.fromEntries(
    WEEKDAY_KEYS.map((d) => [d, (e.weeklyHours[d] ?? []).map(([start, end]) => ({ start, end }))]),
  ) as EventTypeFormValues["weeklyHours"];
  return {
    slug: e.slug,
    title: e.title,
    description: e.description,
    titleEn: sameEnglish ? "" : english.title,
    descriptionEn: sameEnglish ? "" : english.description,
    durationMinutes: str(e.durationMinutes),
    slotIntervalMinutes: str(e.slotIntervalMinutes),
    timeZone: e.timeZone,
    locations: e.locations.map((l) => ({ type: l.type, details: l.details ?? "" })),
    weeklyHours,
    dateOverrides: e.dateOverrides.map((o) => ({ date: o.date, hours: hoursText(o.hours) })),
    bufferBeforeMinutes: str(e.bufferBeforeMinutes),
    bufferAfterMinutes: str(e.bufferAfterMinutes),
    minimumNoticeMinutes: str(e.minimumNoticeMinutes),
    horizonDays: str(e.horizonDays),
    maxPerDay: str(e.maxPerDay),
    maxPerWeek: str(e.maxPerWeek),
    cancelNoticeMinutes: str(e.cancelNoticeMinutes ?? 0),
    requiresConfirmation: e.requiresConfirmation,
    active,
    questions: e.questions.map(questionRow),
    triage: {
      minDailyRate: euros(e.triage.minDailyRateCents),
      minDurationMonths: str(e.triage.minDurationMonths),
      requiredSkills: (e.triage.requiredSkills ?? []).join(", "),
      excludedSkills: (e.triage.excludedSkills ?? []).join(", "),
      remote: e.triage.remote ?? "",
      earliestStartDate: e.triage.earliestStartDate ?? "",
      onDecline: e.triage.onDecline,
    },
  };
}

type Form = Record<string, string | string[]>;
// Row indexes come from field names; a hostile "questions.99999999.id" must not build a huge array.
const MAX_ROWS = 500;

const text = (form: Form, key: string): string => {
  const v = form[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
};

/** Rows named `${prefix}.${i}.${field}`, in index order, gaps filled with blank rows. */
function rows(form: Form, prefix: string): Record<string, string>[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d{1,3})\\.(\\w+)$`);
  const out: Record<string, string>[] = [];
  for (const key of Object.keys(form)) {
    const m = pattern.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    if (index >= MAX_ROWS) continue;
    while (out.length <= index) out.push({});
    out[index]![m[2]!] = text(form, key);
  }
  return out;
}

export function readEventTypeForm(form: Form): EventTypeFormValues {
  const v = (key: string) => text(form, key);
  const checked = (key: string) => v(key) !== "";
  const weeklyHours = Object.fromEntries(
    WEEKDAY_KEYS.map((d) => [
      d,
      rows(form, `weeklyHours.${d}`).map((r) => ({ start: r.start ?? "", end: r.end ?? "" })),
    ]),
  ) as EventTypeFormValues["weeklyHours"];
  return {
    slug: v("slug"),
    title: v("title"),
    description: v("description"),
    titleEn: v("titleEn"),
    descriptionEn: v("descriptionEn"),
    durationMinutes: v("durationMinutes"),
    slotIntervalMinutes: v("slotIntervalMinutes"),
    timeZone: v("timeZone"),
    locations: rows(form, "locations").map((r) => ({ type: r.type ?? "", details: r.details ?? "" })),
    weeklyHours,
    dateOverrides: rows(form, "dateOverrides").map((r) => ({ date: r.date ?? "", hours: r.hours ?? "" })),
    bufferBeforeMinutes: v("bufferBeforeMinutes"),
    bufferAfterMinutes: v("bufferAfterMinutes"),
    minimumNoticeMinutes: v("minimumNoticeMinutes"),
    horizonDays: v("horizonDays"),
    maxPerDay: v("maxPerDay"),
    maxPerWeek: v("maxPerWeek"),
    cancelNoticeMinutes: v("cancelNoticeMinutes"),
    requiresConfirmation: checked("requiresConfirmation"),
    active: checked("active"),
    questions: rows(form, "questions").map((r) => ({
      ...BLANK_QUESTION,
      ...r,
      type: r.type || "text",
      required: (r.required ?? "") !== "",
      remove: (r.remove ?? "") !== "",
    })),
    triage: {
      minDailyRate: v("triage.minDailyRate"),
      minDurationMonths: v("triage.minDurationMonths"),
      requiredSkills: v("triage.requiredSkills"),
      excludedSkills: v("triage.excludedSkills"),
      remote: v("triage.remote"),
      earliestStartDate: v("triage.earliestStartDate"),
      onDecline: v("triage.onDecline"),
    },
  };
}
