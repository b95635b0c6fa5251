// What the owner API answers for leads (api-routes.ts, lead-json.ts, personal-data.ts). The OpenAPI
// document publishes these, and test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import { instant, jsonObject } from "../platform/http/openapi-values.ts";
import { leadSettingsSchema } from "./lead-settings.ts";
import { STAGES } from "./pipeline.ts";

const verdict = z.enum(["qualified", "review", "declined"]);
const reason = z.object({
  rule: z.enum(["dailyRate", "duration", "requiredSkills", "excludedSkills", "remote", "startDate"]),
  outcome: z.enum(["pass", "review", "fail"]),
  message: z.object({ fr: z.string(), en: z.string() }),
});
const bookingStatus = z.enum(["pending", "confirmed", "cancelled", "completed", "no_show"]);

export const leadListItemResponse = z.object({
  id: z.string(),
  contactId: z.string(),
  name: z.string(),
  email: z.string().nullable().meta({ description: "null when the lead came without an email" }),
  company: z.string().nullable(),
  source: z.string(),
  verdict,
  stage: z.enum(STAGES),
  createdAt: instant,
  updatedAt: instant,
});

export const leadResponse = z.object({
  ...leadListItemResponse.shape,
  locale: z.string(),
  reasons: z.array(reason),
  lostReason: z.string().nullable(),
  missionId: z.string().nullable().meta({ description: "the mission it became, once won" }),
  eventTypeId: z.string().nullable(),
  answers: jsonObject,
  utm: z.record(z.string(), z.string()).nullable(),
  notes: z.string().nullable(),
  timeline: z.array(z.object({ kind: z.string(), at: instant, data: jsonObject.nullable() })),
  bookings: z.array(z.object({ id: z.string(), status: bookingStatus, start: instant, end: instant })),
});

export const leadCreatedResponse = z.object({
  ...leadResponse.shape,
  merged: z.boolean().meta({ description: "the email was known: the answers went to that person's lead" }),
});

export const leadDeclinedResponse = z.object({
  ...leadResponse.shape,
  emailed: z.boolean(),
});

export const personErasedResponse = z.object({
  erased: z.object({ leads: z.int(), bookings: z.int(), emails: z.int() }),
});

export const personExportResponse = z.object({
  exportedAt: instant,
  contact: z.object({
    name: z.string(),
    email: z.string(),
    company: z.string().nullable(),
    locale: z.string(),
    timeZone: z.string().nullable(),
    createdAt: instant,
  }),
  leads: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      verdict,
      reasons: z.array(reason),
      stage: z.enum(STAGES),
      answers: jsonObject,
      utm: z.record(z.string(), z.string()).nullable(),
      notes: z.string().nullable(),
      createdAt: instant,
      timeline: z.array(z.object({ kind: z.string(), at: instant, data: jsonObject.nullable() })),
    }),
  ),
  bookings: z.array(
    z.object({
      id: z.string(),
      status: bookingStatus,
      start: instant,
      end: instant,
      name: z.string(),
      email: z.string(),
      timeZone: z.string(),
      answers: jsonObject,
      notes: z.string().nullable(),
      cancelReason: z.string().nullable(),
    }),
  ),
  emails: z.array(
    z.object({
      to: z.string(),
      subject: z.string(),
      why: z.string(),
      status: z.string(),
      text: z.string(),
      createdAt: instant,
    }),
  ),
});

export const leadWonResponse = z.object({ clientId: z.string(), missionId: z.string() });

/** The settings as stored: the request schema's output side, defaults filled in. */
export const leadSettingsResponse = leadSettingsSchema;
