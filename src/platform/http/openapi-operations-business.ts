// The business side of the API: clients, missions, activity reports, invoices, settings.
import * as z from "zod";
import {
  businessSettingsResponse,
  fullInvoiceResponse,
  invoiceSentResponse,
  paymentRecordedResponse,
  paymentsResponse,
} from "../../invoicing/api-responses.ts";
import { invoicesQuery, yearQuery } from "../../invoicing/api-routes.ts";
import { businessSettingsSchema } from "../../invoicing/business-settings.ts";
import {
  creditNoteSchema,
  invoiceFromMissionSchema,
  invoiceFromReportSchema,
  patchInvoiceSchema,
  paymentSchema,
} from "../../invoicing/invoice-input.ts";
import { reportInputSchema } from "../../missions/activity-reports.ts";
import {
  activityReportResponse,
  activityReportsResponse,
  clientResponse,
  daysOffResponse,
  externalInvoiceResponse,
  externalInvoicesResponse,
  missionResponse,
  prefillResponse,
  submittedReportResponse,
  workflowSettingsResponse,
} from "../../missions/api-responses.ts";
import { clientsQuery, missionsQuery } from "../../missions/api-routes.ts";
import { workflowSettingsSchema } from "../../missions/check-in-policy.ts";
import { clientInputSchema, clientPatchSchema } from "../../missions/client-input.ts";
import { daysOffSchema } from "../../missions/days-off.ts";
import { missionInputSchema, missionPatchSchema } from "../../missions/mission-input.ts";
import { externalInvoiceSchema } from "../../missions/missions.ts";
import type { OperationSpec } from "./openapi.ts";
import { conflict, created, file, noContent, ok, operation, page, problem } from "./openapi-operation-kit.ts";

const clients = { tag: "Clients" };
const missions = { tag: "Missions" };
const reports = { tag: "Activity reports" };
const invoices = { tag: "Invoices" };
const settings = { tag: "Settings" };
const pdfLocale = z.object({ locale: z.enum(["fr", "en"]).optional() });
const monthProblem = problem("The month is not YYYY-MM, or is outside the mission");
const emptyReportProblem = problem("The month is not YYYY-MM, or the report has no day worked");

export const BUSINESS_OPERATIONS: OperationSpec[] = [
  operation("get", "/api/settings/business", "getBusinessSettings", "The seller's legal identity", "read", {
    ...settings,
    responses: { 200: ok("The settings", businessSettingsResponse) },
  }),
  operation(
    "put",
    "/api/settings/business",
    "putBusinessSettings",
    "Replace the seller's legal identity",
    "write",
    {
      ...settings,
      body: businessSettingsSchema,
      responses: { 200: ok("The settings, saved", businessSettingsResponse) },
    },
  ),
  operation("get", "/api/settings/days-off", "getDaysOff", "Days off (not prefilled in reports)", "read", {
    ...settings,
    responses: { 200: ok("The days off, sorted", daysOffResponse) },
  }),
  operation("put", "/api/settings/days-off", "putDaysOff", "Replace the days off", "write", {
    ...settings,
    body: daysOffSchema,
    responses: { 200: ok("The days off, sorted and without repeats", daysOffResponse) },
  }),
  operation("get", "/api/settings/workflows", "getWorkflowSettings", "Which follow-ups run", "read", {
    ...settings,
    responses: { 200: ok("The settings", workflowSettingsResponse) },
  }),
  operation("put", "/api/settings/workflows", "putWorkflowSettings", "Turn follow-ups on or off", "write", {
    ...settings,
    body: workflowSettingsSchema,
    responses: { 200: ok("The settings, saved", workflowSettingsResponse) },
  }),

  operation("get", "/api/clients", "listClients", "Clients, by name", "read", {
    ...clients,
    query: clientsQuery,
    responses: { 200: page("Clients", clientResponse) },
  }),
  operation("post", "/api/clients", "createClient", "Add a client", "write", {
    ...clients,
    body: clientInputSchema,
    responses: { 201: created("The client", clientResponse) },
  }),
  operation("get", "/api/clients/{id}", "getClient", "A client", "read", {
    ...clients,
    responses: { 200: ok("The client", clientResponse) },
  }),
  operation("patch", "/api/clients/{id}", "updateClient", "Change a client", "write", {
    ...clients,
    body: clientPatchSchema,
    responses: { 200: ok("The client, changed", clientResponse) },
  }),

  operation("get", "/api/missions", "listMissions", "Missions, latest start first", "read", {
    ...missions,
    query: missionsQuery,
    responses: { 200: page("Missions", missionResponse) },
  }),
  operation("post", "/api/missions", "createMission", "Add a mission for a client", "write", {
    ...missions,
    body: missionInputSchema,
    responses: { 201: created("The mission", missionResponse) },
  }),
  operation("get", "/api/missions/{id}", "getMission", "A mission", "read", {
    ...missions,
    responses: { 200: ok("The mission", missionResponse) },
  }),
  operation("patch", "/api/missions/{id}", "updateMission", "End, cancel or change a mission", "write", {
    ...missions,
    body: missionPatchSchema,
    responses: { 200: ok("The mission, changed", missionResponse) },
  }),
  operation(
    "get",
    "/api/missions/{id}/external-invoices",
    "listExternalInvoices",
    "Invoices a platform issued",
    "read",
    {
      ...missions,
      responses: { 200: ok("Every one recorded (a mission has a few)", externalInvoicesResponse) },
    },
  ),
  operation(
    "post",
    "/api/missions/{id}/external-invoices",
    "recordExternalInvoice",
    "Record a platform's invoice",
    "write",
    {
      ...missions,
      body: externalInvoiceSchema,
      responses: { 201: ok("The record", externalInvoiceResponse), 409: conflict("Already recorded") },
    },
  ),

  operation(
    "get",
    "/api/missions/{id}/activity-reports",
    "listActivityReports",
    "A mission's monthly reports",
    "read",
    {
      ...reports,
      responses: {
        200: ok("One per month, oldest first: a mission has a few dozen at most", activityReportsResponse),
      },
    },
  ),
  operation(
    "post",
    "/api/missions/{id}/activity-reports",
    "saveActivityReport",
    "Save a month's days worked",
    "write",
    {
      ...reports,
      body: reportInputSchema,
      responses: {
        201: created("The new report", activityReportResponse),
        200: ok("The report, replaced", activityReportResponse),
        409: conflict("The report is approved: it no longer changes"),
      },
    },
  ),
  operation(
    "get",
    "/api/missions/{id}/activity-reports/{month}",
    "getActivityReport",
    "One month's report",
    "read",
    { ...reports, responses: { 200: ok("The report", activityReportResponse), 422: monthProblem } },
  ),
  operation(
    "get",
    "/api/missions/{id}/activity-reports/{month}/prefill",
    "prefillActivityReport",
    "Working days of the month, less holidays and days off",
    "read",
    { ...reports, responses: { 200: ok("The days to propose", prefillResponse), 422: monthProblem } },
  ),
  operation(
    "post",
    "/api/missions/{id}/activity-reports/{month}/submit",
    "submitActivityReport",
    "Send the report to the client for approval",
    "write",
    {
      ...reports,
      responses: {
        200: ok("The report, submitted, with the client's review link", submittedReportResponse),
        409: conflict("Already approved, or changed meanwhile"),
        422: emptyReportProblem,
      },
    },
  ),
  operation(
    "post",
    "/api/missions/{id}/activity-reports/{month}/approve",
    "approveActivityReport",
    "Record an approval given outside Créneau",
    "write",
    {
      ...reports,
      responses: {
        200: ok("The report, approved (a monthly mission's invoice is drafted)", activityReportResponse),
        422: emptyReportProblem,
      },
    },
  ),

  operation("get", "/api/invoices", "listInvoices", "Invoices and credit notes, newest first", "read", {
    ...invoices,
    query: invoicesQuery,
    responses: { 200: page("Invoices", fullInvoiceResponse) },
  }),
  operation(
    "post",
    "/api/invoices",
    "createInvoice",
    "A draft, from a mission and period or an approved report",
    "write",
    {
      ...invoices,
      body: z.union([invoiceFromMissionSchema, invoiceFromReportSchema]),
      responses: {
        201: created("The draft (no number yet)", fullInvoiceResponse),
        409: conflict("The activity report already has its invoice (invoiceId in the problem)"),
      },
    },
  ),
  operation("get", "/api/invoices/{id}", "getInvoice", "An invoice", "read", {
    ...invoices,
    responses: { 200: ok("The invoice or credit note", fullInvoiceResponse) },
  }),
  operation("patch", "/api/invoices/{id}", "updateDraft", "Change a draft", "write", {
    ...invoices,
    body: patchInvoiceSchema,
    responses: { 200: ok("The draft", fullInvoiceResponse), 409: conflict("Issued invoices never change") },
  }),
  operation("delete", "/api/invoices/{id}", "deleteDraft", "Delete a draft", "write", {
    ...invoices,
    responses: { 204: noContent, 409: conflict("Issued invoices are never deleted") },
  }),
  operation("post", "/api/invoices/{id}/issue", "issueInvoice", "Number and freeze a draft", "write", {
    ...invoices,
    responses: {
      200: ok("The issued invoice", fullInvoiceResponse),
      409: conflict("Already issued, or the series is ahead"),
      422: problem(
        "The seller or buyer lacks a mandatory mention (listed in errors), or a line breaks the VAT rules",
      ),
    },
  }),
  operation(
    "post",
    "/api/invoices/{id}/credit-note",
    "issueCreditNote",
    "Issue a credit note against it",
    "write",
    {
      ...invoices,
      body: creditNoteSchema,
      bodyOptional: true,
      responses: {
        201: created("The credit note, issued", fullInvoiceResponse),
        409: conflict("Only an issued invoice can be credited, up to what it still carries"),
      },
    },
  ),
  operation("get", "/api/invoices/{id}/payments", "listPayments", "Payments received", "read", {
    ...invoices,
    responses: { 200: ok("The payments, oldest first, and the invoice", paymentsResponse) },
  }),
  operation("post", "/api/invoices/{id}/payments", "recordPayment", "Record a payment", "write", {
    ...invoices,
    body: paymentSchema,
    responses: {
      201: ok("The payment and the invoice", paymentRecordedResponse),
      409: conflict("Not an issued invoice"),
    },
  }),
  operation("post", "/api/invoices/{id}/send", "sendInvoice", "Email it to the client", "write", {
    ...invoices,
    responses: {
      202: ok("Queued", invoiceSentResponse),
      200: ok("Already sent (alreadySent: true)", invoiceSentResponse),
      409: conflict("A draft is not sent"),
    },
  }),
  operation("get", "/api/invoices/{id}/pdf", "getInvoicePdf", "Factur-X PDF", "read", {
    ...invoices,
    query: pdfLocale,
    responses: {
      200: file("PDF/A-3 with the CII attached", "application/pdf"),
      409: conflict("A draft has no PDF"),
    },
  }),
  operation("get", "/api/invoices/{id}/xml", "getInvoiceXml", "CII XML (EN 16931)", "read", {
    ...invoices,
    responses: { 200: file("UN/CEFACT CII", "application/xml"), 409: conflict("A draft has no XML") },
  }),
  operation("get", "/api/invoices/{id}/ubl", "getInvoiceUbl", "UBL 2.1 XML (EN 16931)", "read", {
    ...invoices,
    responses: {
      200: file("OASIS UBL 2.1: an Invoice, or a CreditNote for a credit note", "application/xml"),
      409: conflict("A draft has no XML"),
    },
  }),
  operation(
    "get",
    "/api/exports/invoices.csv",
    "exportInvoicesCsv",
    "A year's invoices for the accountant",
    "read",
    {
      ...invoices,
      query: yearQuery,
      responses: {
        200: file(
          "One row per issued invoice, credit note and payment received; RFC 4180 (comma separator, UTF-8), amounts in euros with a decimal point, credit notes negative, net and VAT per rate",
          "text/csv",
        ),
      },
    },
  ),
  operation("get", "/api/exports/invoices.zip", "exportInvoicesZip", "A year's PDFs and XMLs", "read", {
    ...invoices,
    query: yearQuery,
    responses: {
      200: file(
        "README.txt (in the owner's language), the year's CSV, and for each issued invoice and credit note its Factur-X PDF, CII XML and UBL XML; streamed as it is built",
        "application/zip",
      ),
    },
  }),
];
