// What the owner API answers for booking links and bookings (owner-api-routes.ts, event-type-view.ts). The
// OpenAPI document publishes these, and test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import { triageCriteriaSchema } from "../leads/triage.ts";
import { instant, jsonObject, localizedText } from "../platform/http/openapi-values.ts";
import { QUESTION_ROLES, QUESTION_TYPES } from "./questions.ts";

const LOCATION_TYPES = ["video", "google_meet", "phone", "in_person"] as const;
const hoursRange = z
  .tuple([z.string(), z.string()])
  .meta({ description: "HH:MM to HH:MM; 24:00 is midnight" });
const location = z.object({ type: z.enum(LOCATION_TYPES), details: z.string().optional() });

const question = z.object({
  id: z.string(),
  label: localizedText,
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: localizedText })).optional(),
  role: z.enum(QUESTION_ROLES).optional(),
  maxLength: z.int().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  placeholder: localizedText.optional(),
});

export const eventTypeResponse = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  translations: z.object({ en: z.object({ title: z.string(), description: z.string() }) }).optional(),
  durationMinutes: z.int(),
  slotIntervalMinutes: z.int(),
  locations: z.array(location),
  timeZone: z.string(),
  weeklyHours: z.partialRecord(
    z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    z.array(hoursRange),
  ),
  dateOverrides: z.array(z.object({ date: z.iso.date(), hours: z.array(hoursRange) })),
  bufferBeforeMinutes: z.int(),
  bufferAfterMinutes: z.int(),
  minimumNoticeMinutes: z.int(),
  horizonDays: z.int(),
  maxPerDay: z.int().nullable(),
  maxPerWeek: z.int().nullable(),
  cancelNoticeMinutes: z.int(),
  questions: z.array(question),
  triage: triageCriteriaSchema,
  requiresConfirmation: z.boolean(),
  active: z.boolean(),
  bookingUrl: z.string().meta({ description: "the public booking page" }),
  createdAt: instant,
  updatedAt: instant,
});

export const BOOKING_STATUSES = ["pending", "confirmed", "cancelled", "completed", "no_show"] as const;

export const ownerBookingResponse = z.object({
  id: z.string(),
  eventTypeId: z.string(),
  leadId: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  start: instant.meta({ description: "in the owner's zone" }),
  end: instant,
  name: z.string(),
  email: z.string(),
  timeZone: z.string().meta({ description: "the prospect's zone" }),
  locale: z.string(),
  answers: jsonObject,
  notes: z.string().nullable(),
  flagged: z.boolean().meta({ description: "triage declined the lead and the link only flags it" }),
  location: location.nullable(),
  cancelReason: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  createdAt: instant,
});

export const ownerCancelledResponse = z.object({ status: z.literal("cancelled") });
