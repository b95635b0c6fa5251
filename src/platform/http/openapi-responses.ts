// Response shapes of the public contract (API.md) for the OpenAPI document. The handlers build these answers
// by hand, so test/platform/openapi.test.ts parses real answers with these schemas to keep them honest.
import * as z from "zod";
import { QUESTION_TYPES } from "../../scheduling/questions.ts";

const instant = z.string().meta({ description: "ISO 8601 with an offset" });

export const publicEventTypeResponse = z.looseObject({
  title: z.string(),
  description: z.string(),
  durationMinutes: z.int(),
  locations: z.array(z.looseObject({ type: z.string() })),
  questions: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      type: z.enum(QUESTION_TYPES),
      required: z.boolean(),
      options: z.array(z.looseObject({ value: z.string(), label: z.string() })).optional(),
      role: z.string().optional(),
    }),
  ),
});

export const slotsResponse = z.looseObject({
  timeZone: z.string(),
  slots: z.record(z.string(), z.array(z.looseObject({ start: instant, end: instant }))),
});

const triageReason = z.looseObject({ rule: z.string(), outcome: z.string(), message: z.string() });
const leadVerdict = z.looseObject({
  id: z.string(),
  verdict: z.enum(["qualified", "review", "declined"]),
  reasons: z.array(triageReason),
});
const bookingSummary = z.looseObject({
  id: z.string(),
  status: z.enum(["pending", "confirmed", "cancelled", "completed", "no_show"]),
  start: instant,
  end: instant,
  manageUrl: z.string(),
});

export const bookingCreatedResponse = z.looseObject({ booking: bookingSummary, lead: leadVerdict });
export const bookingDeclinedResponse = z.looseObject({
  booking: z.null(),
  lead: leadVerdict,
  message: z.string(),
});

export const managedBookingResponse = z.looseObject({
  id: z.string(),
  status: bookingSummary.shape.status,
  start: instant,
  end: instant,
  title: z.string(),
  canCancel: z.boolean(),
  canReschedule: z.boolean(),
});

export const cancelledResponse = z.looseObject({ status: z.literal("cancelled") });
export const rescheduledResponse = z.looseObject({ booking: bookingSummary });
