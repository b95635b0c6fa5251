// What the owner API answers for invoices, payments and the seller's settings (api-routes.ts,
// invoice-view.ts, payments.ts, business-settings.ts). The OpenAPI document publishes these, and
// test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import { fieldWarning, instant, plainDate, postalAddress } from "../platform/http/openapi-values.ts";
import { businessSettingsSchema } from "./business-settings.ts";

const line = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPriceCents: z.int(),
  vatRate: z.number().meta({ description: "percent, e.g. 20 or 5.5" }),
  unit: z.enum(["DAY", "HUR", "C62"]).optional().meta({ description: "UN/ECE rec 20: day, hour, one" }),
});

const vatMode = z.enum(["standard", "franchise", "reverse-charge", "outside-scope"]);

/** The complete document frozen when it was issued: what the PDF and the CII show. */
const issuedDocument = z.object({
  typeCode: z.enum(["380", "381"]),
  number: z.string(),
  issueDate: plainDate,
  dueDate: plainDate,
  servicePeriod: z.object({ start: plainDate, end: plainDate }),
  currency: z.literal("EUR"),
  vatMode,
  seller: z.object({
    legalName: z.string(),
    tradeName: z.string().optional(),
    legalForm: z.string(),
    siren: z.string(),
    siret: z.string(),
    vatNumber: z.string().optional(),
    vatFranchise: z.boolean(),
    address: postalAddress,
    email: z.string(),
    iban: z.string(),
    bic: z.string(),
    capitalCents: z.int().optional(),
    rcs: z.string().optional(),
  }),
  buyer: z.object({
    name: z.string(),
    address: postalAddress,
    siren: z.string().optional(),
    siret: z.string().optional(),
    vatNumber: z.string().optional(),
    billingEmail: z.string(),
  }),
  lines: z.array(line),
  paymentTerms: z.object({
    termsDays: z.int(),
    latePenaltyRate: z.string().optional(),
    earlyPaymentDiscount: z.string().optional(),
  }),
  precedingInvoice: z.object({ number: z.string(), issueDate: plainDate }).optional(),
  purchaseOrderReference: z.string().optional(),
  buyerReference: z.string().optional(),
  locale: z.enum(["fr", "en"]),
  note: z.string().optional(),
});

const totals = z.object({ netCents: z.int(), vatCents: z.int(), grossCents: z.int() });

export const fullInvoiceResponse = z.object({
  id: z.string(),
  type: z.enum(["invoice", "credit_note"]),
  typeCode: z.enum(["380", "381"]),
  status: z.enum(["draft", "issued"]),
  number: z.string().nullable().meta({ description: "given when issued; null for a draft" }),
  issueDate: plainDate.nullable(),
  dueDate: plainDate.nullable(),
  missionId: z.string().nullable(),
  clientId: z.string(),
  activityReportId: z.string().nullable(),
  creditOfId: z.string().nullable().meta({ description: "the invoice a credit note corrects" }),
  periodStart: plainDate,
  periodEnd: plainDate,
  currency: z.literal("EUR"),
  vatMode: vatMode.nullable(),
  lines: z.array(line),
  totals,
  paidCents: z.int(),
  creditedCents: z.int(),
  balanceCents: z.int().nullable().meta({ description: "what the client still owes; null unless issued" }),
  paymentStatus: z.enum(["unpaid", "partially_paid", "paid", "overdue", "credited"]).nullable(),
  reason: z.string().nullable().meta({ description: "why a credit note was issued" }),
  document: issuedDocument.nullable(),
  links: z.object({ pdf: z.string().nullable(), xml: z.string().nullable() }),
  createdAt: instant,
  issuedAt: instant.nullable(),
});

const payment = z.object({
  id: z.string(),
  invoiceId: z.string(),
  amountCents: z.int(),
  date: plainDate,
  method: z.string().nullable(),
  createdAt: instant,
});

export const paymentsResponse = z.object({ items: z.array(payment), invoice: fullInvoiceResponse });
export const paymentRecordedResponse = z.object({ ...payment.shape, invoice: fullInvoiceResponse });

export const invoiceSentResponse = z.object({
  outboxId: z.string(),
  to: z.string(),
  created: z.boolean(),
  alreadySent: z.boolean(),
});

/** What is stored (every field optional until an invoice is issued), what is missing, what looks wrong. */
export const businessSettingsResponse = z.object({
  ...businessSettingsSchema.shape,
  missingMandatoryFields: z.array(z.string()).meta({ description: "e.g. seller.siret" }),
  warnings: z.array(fieldWarning),
});
