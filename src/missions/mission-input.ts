// A mission as POST/PATCH /api/missions and the dashboard form take it.
import * as z from "zod";
import { MAX_PAYMENT_TERMS_DAYS } from "../invoicing/due-date.ts";
import { blankAsAbsent } from "../invoicing/party-input.ts";
import { parsePlainDate } from "./plain-date.ts";

export const MISSION_SOURCES = ["malt", "comet", "linkedin", "referral", "agency", "direct"] as const;
export const MISSION_STATUSES = ["planned", "active", "ended", "cancelled"] as const;
/** monthly: an invoice per approved month; end: one at the end; platform: the platform invoices (Malt). */
export const BILLING_MODES = ["monthly", "end", "platform"] as const;
export const DEFAULT_VAT_RATE = 20;

export const plainDateSchema = z
  .string()
  .refine((v) => parsePlainDate(v) !== undefined, "is not a valid YYYY-MM-DD date");
const optional = <S extends z.ZodType>(schema: S) => blankAsAbsent(schema.nullable().optional());

export const missionFields = {
  clientId: z.string().min(1, "is required").max(100),
  title: z.string().trim().min(1, "is required").max(200),
  dailyRateCents: z
    .int("must be a whole number of cents")
    .min(1, "must be more than 0")
    .max(100_000_000, "cannot exceed 1 000 000 €"),
  currency: z.literal("EUR", "only EUR is supported").default("EUR"),
  startDate: plainDateSchema,
  plannedEndDate: optional(plainDateSchema),
  endDate: optional(plainDateSchema),
  status: z.enum(MISSION_STATUSES).optional(),
  source: z.enum(MISSION_SOURCES),
  ratingUrl: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000)),
  paymentTermsDays: z.int().min(0).max(MAX_PAYMENT_TERMS_DAYS).default(30),
  billingMode: z.enum(BILLING_MODES),
  vatRate: optional(z.number().gt(0).max(100)),
  leadId: optional(z.string().max(100)),
};

function datesInOrder(
  m: { startDate: string; plannedEndDate?: string | null; endDate?: string | null },
  ctx: z.RefinementCtx,
) {
  for (const key of ["plannedEndDate", "endDate"] as const) {
    const value = m[key];
    if (value && value < m.startDate)
      ctx.addIssue({ code: "custom", path: [key], message: "cannot be before the start date" });
  }
}

export const missionInputSchema = z.object(missionFields).superRefine(datesInOrder);
export type MissionInput = z.output<typeof missionInputSchema>;

/** A PATCH may also say the client's rating came (true) or not (false): it ends the rating reminders. */
export const missionPatchSchema = z
  .object({ ...missionFields, ratingReceived: z.boolean("must be true or false") })
  .partial();
