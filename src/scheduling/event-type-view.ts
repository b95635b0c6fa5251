// Event types as JSON: the owner's full view and the public one a prospect sees.
import type { Locale } from "../platform/i18n.ts";
import type { StoredEventType } from "./event-type-input.ts";
import type { LocalizedText, Question } from "./questions.ts";

export function localized(text: LocalizedText, locale: Locale): string {
  return typeof text === "string" ? text : text[locale];
}

export function ownerEventTypeJson(e: StoredEventType, baseUrl: string, handle: string) {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    description: e.description,
    translations: e.translations,
    durationMinutes: e.durationMinutes,
    slotIntervalMinutes: e.slotIntervalMinutes ?? e.durationMinutes,
    locations: e.locations,
    timeZone: e.timeZone,
    weeklyHours: e.weeklyHours,
    dateOverrides: e.dateOverrides,
    bufferBeforeMinutes: e.bufferBeforeMinutes,
    bufferAfterMinutes: e.bufferAfterMinutes,
    minimumNoticeMinutes: e.minimumNoticeMinutes,
    horizonDays: e.horizonDays,
    maxPerDay: e.maxPerDay ?? null,
    maxPerWeek: e.maxPerWeek ?? null,
    cancelNoticeMinutes: e.cancelNoticeMinutes ?? 0,
    questions: e.questions,
    triage: e.triage,
    requiresConfirmation: e.requiresConfirmation,
    active: e.active,
    bookingUrl: `${baseUrl}/${handle}/${e.slug}`,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

export function eventTitle(e: StoredEventType, locale: Locale): { title: string; description: string } {
  if (locale === "en" && e.translations?.en?.title) return e.translations.en;
  return { title: e.title, description: e.description };
}

export function publicQuestionJson(q: Question, locale: Locale) {
  return {
    id: q.id,
    label: localized(q.label, locale),
    type: q.type,
    required: q.required,
    ...(q.options
      ? { options: q.options.map((o) => ({ value: o.value, label: localized(o.label, locale) })) }
      : {}),
    ...(q.role ? { role: q.role } : {}),
  };
}

export function publicEventTypeJson(e: StoredEventType, locale: Locale) {
  const { title, description } = eventTitle(e, locale);
  return {
    title,
    description,
    durationMinutes: e.durationMinutes,
    locations: e.locations.map((l) => ({ type: l.type })),
    questions: e.questions.map((q) => publicQuestionJson(q, locale)),
  };
}
