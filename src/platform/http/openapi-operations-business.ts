// The business side of the API: clients, missions, activity reports, invoices, settings.
import * as z from "zod";
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
import { clientsQuery, missionsQuery } from "../../missions/api-routes.ts";
import { workflowSettingsSchema } from "../../missions/check-in-policy.ts";
import { clientInputSchema, clientPatchSchema } from "../../missions/client-input.ts";
import { daysOffSchema } from "../../missions/days-off.ts";
import { missionInputSchema, missionPatchSchema } from "../../missions/mission-input.ts";
import { externalInvoiceSchema } from "../../missions/missions.ts";
import type { OperationSpec } from "./openapi.ts";
import { conflict, created, noContent, ok, operation, page } from "./openapi-operation-kit.ts";
import { invoiceResponse } from "./openapi-responses.ts";

const clients = { tag: "Clients" };
const missions = { tag: "Missions" };
const reports = { tag: "Activity reports" };
const invoices = { tag: "Invoices" };
const settings = { tag: "Settings" };
const pdfLocale = z.object({ locale: z.enum(["fr", "en"]).optional() });

export const BUSINESS_OPERATIONS: OperationSpec[] = [
  operation(
    "get",
    "/api/settings/business",
    "getBusinessSettings",
    "The seller's legal identity",
    "read",
    settings,
  ),
  operation(
    "put",
    "/api/settings/business",
    "putBusinessSettings",
    "Replace the seller's legal identity",
    "write",
    {
      ...settings,
      body: businessSettingsSchema,
    },
  ),
  operation(
    "get",
    "/api/settings/days-off",
    "getDaysOff",
    "Days off (not prefilled in reports)",
    "read",
    settings,
  ),
  operation("put", "/api/settings/days-off", "putDaysOff", "Replace the days off", "write", {
    ...settings,
    body: daysOffSchema,
  }),
  operation(
    "get",
    "/api/settings/workflows",
    "getWorkflowSettings",
    "Which follow-ups run",
    "read",
    settings,
  ),
  operation("put", "/api/settings/workflows", "putWorkflowSettings", "Turn follow-ups on or off", "write", {
    ...settings,
    body: workflowSettingsSchema,
  }),

  operation("get", "/api/clients", "listClients", "Clients, by name", "read", {
    ...clients,
    query: clientsQuery,
    responses: { 200: page("Clients") },
  }),
  operation("post", "/api/clients", "createClient", "Add a client", "write", {
    ...clients,
    body: clientInputSchema,
    responses: { 201: created("The client") },
  }),
  operation("get", "/api/clients/{id}", "getClient", "A client", "read", clients),
  operation("patch", "/api/clients/{id}", "updateClient", "Change a client", "write", {
    ...clients,
    body: clientPatchSchema,
  }),

  operation("get", "/api/missions", "listMissions", "Missions, latest start first", "read", {
    ...missions,
    query: missionsQuery,
    responses: { 200: page("Missions") },
  }),
  operation("post", "/api/missions", "createMission", "Add a mission for a client", "write", {
    ...missions,
    body: missionInputSchema,
    responses: { 201: created("The mission") },
  }),
  operation("get", "/api/missions/{id}", "getMission", "A mission", "read", missions),
  operation("patch", "/api/missions/{id}", "updateMission", "End, cancel or change a mission", "write", {
    ...missions,
    body: missionPatchSchema,
  }),
  operation(
    "get",
    "/api/missions/{id}/external-invoices",
    "listExternalInvoices",
    "Invoices a platform issued",
    "read",
    {
      ...missions,
      responses: { 200: ok("{ items }") },
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
      responses: { 201: created("The record"), 409: conflict("Already recorded") },
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
      responses: { 200: ok("{ items }: one per month, a mission has a few dozen at most") },
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
      responses: { 201: created("The new report"), 200: ok("The report, replaced") },
    },
  ),
  operation(
    "get",
    "/api/missions/{id}/activity-reports/{month}",
    "getActivityReport",
    "One month's report",
    "read",
    reports,
  ),
  operation(
    "get",
    "/api/missions/{id}/activity-reports/{month}/prefill",
    "prefillActivityReport",
    "Working days of the month, less holidays and days off",
    "read",
    reports,
  ),
  operation(
    "post",
    "/api/missions/{id}/activity-reports/{month}/submit",
    "submitActivityReport",
    "Send the report to the client for approval",
    "write",
    reports,
  ),
  operation(
    "post",
    "/api/missions/{id}/activity-reports/{month}/approve",
    "approveActivityReport",
    "Record an approval given outside Créneau",
    "write",
    reports,
  ),

  operation("get", "/api/invoices", "listInvoices", "Invoices and credit notes, newest first", "read", {
    ...invoices,
    query: invoicesQuery,
    responses: { 200: page("Invoices") },
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
      responses: { 201: created("The draft (no number yet)", invoiceResponse) },
    },
  ),
  operation("get", "/api/invoices/{id}", "getInvoice", "An invoice", "read", invoices),
  operation("patch", "/api/invoices/{id}", "updateDraft", "Change a draft", "write", {
    ...invoices,
    body: patchInvoiceSchema,
    responses: { 200: ok("The draft"), 409: conflict("Issued invoices never change") },
  }),
  operation("delete", "/api/invoices/{id}", "deleteDraft", "Delete a draft", "write", {
    ...invoices,
    responses: { 204: noContent, 409: conflict("Issued invoices are never deleted") },
  }),
  operation("post", "/api/invoices/{id}/issue", "issueInvoice", "Number and freeze a draft", "write", {
    ...invoices,
    responses: {
      200: ok("The issued invoice", invoiceResponse),
      409: conflict("Already issued, or the series is ahead"),
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
      responses: { 201: created("The credit note") },
    },
  ),
  operation("get", "/api/invoices/{id}/payments", "listPayments", "Payments received", "read", invoices),
  operation("post", "/api/invoices/{id}/payments", "recordPayment", "Record a payment", "write", {
    ...invoices,
    body: paymentSchema,
    responses: { 201: created("The payment and the invoice") },
  }),
  operation("post", "/api/invoices/{id}/send", "sendInvoice", "Email it to the client", "write", {
    ...invoices,
    responses: { 202: ok("Queued"), 200: ok("Already sent") },
  }),
  operation("get", "/api/invoices/{id}/pdf", "getInvoicePdf", "Factur-X PDF", "read", {
    ...invoices,
    query: pdfLocale,
    responses: { 200: { description: "PDF/A-3 with the CII attached", contentType: "application/pdf" } },
  }),
  operation("get", "/api/invoices/{id}/xml", "getInvoiceXml", "CII XML (EN 16931)", "read", {
    ...invoices,
    responses: { 200: { description: "UN/CEFACT CII", contentType: "application/xml" } },
  }),
  operation("get", "/api/invoices/{id}/ubl", "getInvoiceUbl", "UBL 2.1 XML (EN 16931)", "read", {
    ...invoices,
    responses: {
      200: {
        description: "OASIS UBL 2.1: an Invoice, or a CreditNote for a credit note",
        contentType: "application/xml",
      },
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
      responses: { 200: { description: "CSV", contentType: "text/csv" } },
    },
  ),
  operation("get", "/api/exports/invoices.zip", "exportInvoicesZip", "A year's PDFs and XMLs", "read", {
    ...invoices,
    query: yearQuery,
    responses: { 200: { description: "ZIP", contentType: "application/zip" } },
  }),
];
