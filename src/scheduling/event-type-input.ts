// An event type as the owner API and the dashboard editor accept it (API.md), validated in two layers:
// the shape (zod) and the scheduling rules (validateSlotRules), so every error names its field.
import * as z from "zod";
import { isValidTimeZone } from "../accounts/owner-input.ts";
import { triageCriteriaSchema } from "../leads/triage.ts";
import type { FieldError } from "../platform/http/problems.ts";
import type { EventTypeDefinition, EventTypeLocation } from "./default-event-type.ts";
import { questionsSchema } from "./questions.ts";
import { validateSlotRules } from "./slot-rules-validation.ts";

const LOCATION_TYPES = ["video", "google_meet", "phone", "in_person"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:MM (00:00–24:00)");
const hoursRange = z.tuple([hhmm, hhmm]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");
const minutes = (max: number) => z.int().min(0).max(max);

const locationSchema = z.union([
  z.enum(LOCATION_TYPES).transform((type): EventTypeLocation => ({ type }) as EventTypeLocation),
  z.strictObject({ type: z.enum(LOCATION_TYPES), details: z.string().trim().max(500).optional() }),
]);

export const eventTypeInputSchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "use lowercase letters, digits and dashes"),
  title: z.string().trim().min(1, "is required").max(120),
  description: z.string().trim().max(2000).default(""),
  translations: z
    .strictObject({
      en: z.strictObject({ title: z.string().trim().max(120), description: z.string().trim().max(2000) }),
    })
    .optional(),
  durationMinutes: z
    .int()
    .min(5)
    .max(12 * 60),
  slotIntervalMinutes: z
    .int()
    .min(5)
    .max(12 * 60)
    .optional(),
  locations: z
    .array(locationSchema)
    .max(5)
    .default([{ type: "video" }]),
  timeZone: z.string().refine(isValidTimeZone, "is not a known IANA time zone"),
  weeklyHours: z.partialRecord(
    z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    z.array(hoursRange).max(12),
  ),
  dateOverrides: z
    .array(z.strictObject({ date: isoDate, hours: z.array(hoursRange).max(12) }))
    .max(400)
    .default([]),
  bufferBeforeMinutes: minutes(240).default(0),
  bufferAfterMinutes: minutes(240).default(0),
  minimumNoticeMinutes: minutes(60 * 24 * 90).default(0),
  horizonDays: z.int().min(1).max(730).default(60),
  maxPerDay: z.int().min(1).max(200).nullish(),
  maxPerWeek: z.int().min(1).max(1000).nullish(),
  cancelNoticeMinutes: minutes(60 * 24 * 30).default(0),
  questions: questionsSchema.default([]),
  triage: triageCriteriaSchema.partial({ onDecline: true }).default({}),
  requiresConfirmation: z.boolean().default(false),
  active: z.boolean().default(true),
});

export type EventTypeInput = z.output<typeof eventTypeInputSchema>;

export interface StoredEventType extends EventTypeDefinition {
  id: string;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Applies defaults the schema cannot express and checks the scheduling rules as a whole. */
export function normalizeEventType(
  input: EventTypeInput,
): { definition: EventTypeDefinition; active: boolean } | { errors: FieldError[] } {
  const { active, maxPerDay, maxPerWeek, triage, translations, ...rest } = input;
  const definition: EventTypeDefinition = {
    ...rest,
    ...(maxPerDay ? { maxPerDay } : {}),
    ...(maxPerWeek ? { maxPerWeek } : {}),
    translations: translations ?? { en: { title: rest.title, description: rest.description } },
    locations: rest.locations as EventTypeLocation[],
    triage: { ...triage, onDecline: triage.onDecline ?? "flag" },
  };
  const issues = validateSlotRules(definition);
  if (issues.length) return { errors: issues.map((i) => ({ path: i.path, message: i.message })) };
  return { definition, active };
}
