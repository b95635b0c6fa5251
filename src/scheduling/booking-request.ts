// What a prospect sends to book (API.md), validated before anything is read from the database.
import * as z from "zod";
import { isValidTimeZone } from "../accounts/owner-input.ts";

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const instantSchema = z
  .string()
  .regex(ISO_WITH_OFFSET, "use an ISO 8601 instant with an offset, e.g. 2027-03-29T09:00:00+02:00")
  .refine((v) => !Number.isNaN(Date.parse(v)), "is not a real instant");

export const bookingRequestSchema = z.object({
  start: instantSchema,
  timeZone: z.string().refine(isValidTimeZone, "is not a known IANA time zone"),
  name: z.string().trim().min(1, "is required").max(120, "is too long (120 characters at most)"),
  email: z.email("is not a valid email address").trim().toLowerCase().max(254),
  answers: z.record(z.string(), z.unknown()).default({}),
  source: z.string().trim().toLowerCase().max(60).optional(),
  notes: z.string().max(5000, "is too long (5,000 characters at most)").optional(),
  locale: z.enum(["fr", "en"]).optional(),
  utm: z.record(z.string().max(40), z.string().max(200)).optional(),
});

export type BookingRequest = z.output<typeof bookingRequestSchema>;

export const rescheduleSchema = z.object({ start: instantSchema });
export const cancelSchema = z.object({ reason: z.string().max(2000).optional() });
