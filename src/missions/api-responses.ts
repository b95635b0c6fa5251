// What the owner API answers for clients, missions, activity reports and their settings (api-routes.ts,
// client-store.ts, mission-store.ts, report-view.ts). The OpenAPI document publishes these, and
// test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import {
  fieldWarning,
  instant,
  plainDate,
  postalAddress,
  yearMonth,
} from "../platform/http/openapi-values.ts";

export const clientResponse = z.object({
  id: z.string(),
  name: z.string(),
  address: postalAddress,
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  billingEmail: z.string(),
  locale: z.enum(["fr", "en"]),
  contacts: z.array(
    z.object({
      name: z.string(),
      email: z.string().optional(),
      phone: z.string().optional(),
      role: z.string().optional(),
    }),
  ),
  warnings: z.array(fieldWarning),
  createdAt: instant,
  updatedAt: instant,
});

export const missionResponse = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  leadId: z.string().nullable(),
  title: z.string(),
  dailyRateCents: z.int(),
  currency: z.literal("EUR"),
  startDate: plainDate,
  plannedEndDate: plainDate.nullable(),
  endDate: plainDate.nullable(),
  status: z.enum(["planned", "active", "ended", "cancelled"]),
  source: z.string(),
  ratingUrl: z.string().nullable(),
  ratingReceived: z.boolean(),
  ratingReceivedAt: instant.nullable(),
  paymentTermsDays: z.int(),
  billingMode: z.enum(["monthly", "end", "platform"]),
  vatRate: z.number().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const activityDay = z.object({ date: plainDate, fraction: z.union([z.literal(1), z.literal(0.5)]) });

export const activityReportResponse = z.object({
  id: z.string(),
  missionId: z.string(),
  month: yearMonth,
  days: z.array(activityDay),
  totalDays: z.number(),
  amountCents: z.int().meta({ description: "days × the mission's daily rate" }),
  unusualDays: z.array(z.object({ date: plainDate, reason: z.enum(["weekend", "public-holiday"]) })),
  status: z.enum(["draft", "submitted", "approved", "contested"]),
  clientComment: z.string().nullable(),
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  invoiceId: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const activityReportsResponse = z.object({ items: z.array(activityReportResponse) });

export const submittedReportResponse = z.object({
  ...activityReportResponse.shape,
  reviewUrl: z.string().meta({ description: "the signed page where the client approves or contests" }),
  outboxId: z.string().meta({ description: "the email sent to the client" }),
});

export const prefillResponse = z.object({
  month: yearMonth,
  days: z.array(activityDay),
  totalDays: z.number(),
});

export const externalInvoiceResponse = z.object({
  id: z.string(),
  missionId: z.string(),
  platform: z.string(),
  number: z.string(),
  issueDate: plainDate,
  amountCents: z.int(),
  createdAt: instant,
});

export const externalInvoicesResponse = z.object({ items: z.array(externalInvoiceResponse) });

export const daysOffResponse = z.object({ dates: z.array(plainDate) });

export const workflowSettingsResponse = z.object({
  reEngagementMonths: z
    .int()
    .meta({ description: "months after a mission ends before the check-in; 0: off" }),
});
