// Bodies of POST/PATCH /api/invoices and POST /api/invoices/{id}/credit-note, /payments: the shape is
// checked here, the invoicing rules (positive prices, half days, VAT rates) by validateLines.
import * as z from "zod";
import { plainDateSchema } from "../missions/mission-input.ts";

export const lineSchema = z.object({
  description: z.string().trim().min(1, "is required").max(500),
  quantity: z.number(),
  unitPriceCents: z.number(),
  vatRate: z.number(),
  unit: z.enum(["DAY", "HUR", "C62"]).optional(),
});

export const linesSchema = z.array(lineSchema).min(1, "an invoice needs at least one line").max(100);

/** From a mission and a period; without lines, the days reported in the period × the daily rate. */
export const invoiceFromMissionSchema = z.object({
  missionId: z.string().min(1).max(100),
  periodStart: plainDateSchema,
  periodEnd: plainDateSchema,
  lines: linesSchema.optional(),
});
export type InvoiceFromMissionInput = z.output<typeof invoiceFromMissionSchema>;

export const invoiceFromReportSchema = z.object({ activityReportId: z.string().min(1).max(100) });

export const patchInvoiceSchema = z.object({
  periodStart: plainDateSchema.optional(),
  periodEnd: plainDateSchema.optional(),
  lines: linesSchema.optional(),
});

export const creditNoteSchema = z.object({
  lines: linesSchema.optional(),
  reason: z.string().trim().max(500).optional(),
});

export const paymentSchema = z.object({
  amountCents: z.int("must be a whole number of cents").min(1, "must be more than 0"),
  date: plainDateSchema,
  method: z.string().trim().max(50).optional(),
});
