// Owner API for business settings, invoices, credit notes, payments and exports (Bearer auth applied
// by the /api router). Every query is scoped by the owner: another owner's invoice is a 404.
import { Hono } from "hono";
import * as z from "zod";
import { dateInZone } from "../missions/plain-date.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, readOptionalJson, validate } from "../platform/http/request-body.ts";
import {
  BUSINESS_SETTINGS_KEY,
  businessSettingsSchema,
  businessSettingsView,
  normalizeBusinessSettings,
} from "./business-settings.ts";
import { createDraftFromMission, createDraftFromReport } from "./create-invoice.ts";
import { editDraft, removeDraft } from "./edit-draft.ts";
import { invoicesCsv } from "./exports.ts";
import {
  creditNoteSchema,
  invoiceFromMissionSchema,
  invoiceFromReportSchema,
  patchInvoiceSchema,
  paymentSchema,
} from "./invoice-input.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import { getInvoice, type InvoiceWithCredits, listInvoices } from "./invoice-store.ts";
import { invoiceJson } from "./invoice-view.ts";
import { issueCreditNote } from "./issue-credit-note.ts";
import { issueInvoice } from "./issue-invoice.ts";
import { listPayments, paymentJson, recordPayment } from "./payments.ts";
import { invoicePdf } from "./pdf-port.ts";
import { sendInvoice } from "./send-invoice.ts";
import { getBusinessSettings, putOwnerSetting } from "./settings-store.ts";
import { storedDocument } from "./stored-document.ts";
import { ciiFilename, ciiXml, ublFilename, ublXml } from "./xml-documents.ts";

export const invoicesQuery = z.object({
  status: z.enum(["draft", "issued"]).optional(),
  type: z.enum(["invoice", "credit_note"]).optional(),
  missionId: z.string().max(100).optional(),
  clientId: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,16}_[\w-]{1,100}$/, "is not a cursor this API gave")
    .optional(),
});
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

function today(c: AppContext): string {
  const owner = c.get("owner")!;
  return dateInZone(c.get("deps").clock.now(), owner.timeZone);
}

function json(c: AppContext, invoice: InvoiceWithCredits) {
  return invoiceJson(invoice, today(c));
}

async function ownedInvoice(c: AppContext): Promise<InvoiceWithCredits> {
  const invoice = await getInvoice(c.get("deps").database, c.get("owner")!.id, c.req.param("id")!);
  if (!invoice) throw new AppError("not_found", { detail: "No such invoice." });
  return invoice;
}

async function issuedDocument(c: AppContext) {
  const invoice = await ownedInvoice(c);
  if (invoice.status !== "issued")
    throw new AppError("conflict", {
      detail: "A draft has no number yet, so no legal document: issue it first.",
    });
  return { invoice, document: storedDocument(invoice.document) };
}

export function invoicingApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/settings/business", async (c) => {
    const settings = await getBusinessSettings(c.get("deps").database, c.get("owner")!.id);
    return c.json(businessSettingsView(settings));
  });

  api.put("/settings/business", async (c) => {
    const deps = c.get("deps");
    const settings = normalizeBusinessSettings(await readJson(c, businessSettingsSchema));
    await putOwnerSetting(
      deps.database,
      c.get("owner")!.id,
      BUSINESS_SETTINGS_KEY,
      settings,
      deps.clock.now(),
    );
    return c.json(businessSettingsView(settings));
  });

  api.get("/invoices", async (c) => {
    const q = validate(invoicesQuery, c.req.query(), "query");
    const [createdAt, id] = q.cursor ? q.cursor.split("_") : [];
    const rows = await listInvoices(c.get("deps").database, c.get("owner")!.id, {
      ...q,
      limit: q.limit + 1,
      after: createdAt && id ? { createdAt: Number(createdAt), id } : undefined,
    });
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page[page.length - 1] : undefined;
    return c.json({
      items: page.map((i) => json(c, i)),
      nextCursor: last ? `${last.createdAt}_${last.id}` : null,
    });
  });

  api.post("/invoices", async (c) => {
    const deps = c.get("deps");
    const ownerId = c.get("owner")!.id;
    const body = await readJson(c, z.record(z.string(), z.unknown()));
    const invoice =
      "activityReportId" in body
        ? await createDraftFromReport(deps, ownerId, validate(invoiceFromReportSchema, body).activityReportId)
        : await createDraftFromMission(deps, ownerId, validate(invoiceFromMissionSchema, body));
    return c.json(json(c, invoice), 201, { Location: `/api/invoices/${invoice.id}` });
  });

  api.get("/invoices/:id", async (c) => c.json(json(c, await ownedInvoice(c))));

  api.patch("/invoices/:id", async (c) => {
    const existing = await ownedInvoice(c);
    const patch = await readJson(c, patchInvoiceSchema);
    const updated = await editDraft(c.get("deps"), c.get("owner")!.id, existing.id, {
      ...patch,
      lines: patch.lines as InvoiceLineInput[] | undefined,
    });
    return c.json(json(c, updated));
  });

  api.delete("/invoices/:id", async (c) => {
    await removeDraft(c.get("deps"), c.get("owner")!.id, c.req.param("id"));
    return c.body(null, 204);
  });

  api.post("/invoices/:id/issue", async (c) => {
    const invoice = await issueInvoice(c.get("deps"), c.get("owner")!, c.req.param("id"));
    return c.json(json(c, invoice));
  });

  api.post("/invoices/:id/credit-note", async (c) => {
    const input = await readOptionalJson(c, creditNoteSchema);
    const creditNote = await issueCreditNote(c.get("deps"), c.get("owner")!, c.req.param("id"), {
      lines: input.lines as InvoiceLineInput[] | undefined,
      reason: input.reason,
    });
    return c.json(json(c, creditNote), 201, { Location: `/api/invoices/${creditNote.id}` });
  });

  api.get("/invoices/:id/payments", async (c) => {
    const invoice = await ownedInvoice(c);
    const payments = await listPayments(c.get("deps").database, c.get("owner")!.id, invoice.id);
    return c.json({ items: payments.map(paymentJson), invoice: json(c, invoice) });
  });

  api.post("/invoices/:id/payments", async (c) => {
    const input = await readJson(c, paymentSchema);
    const { payment, invoice } = await recordPayment(
      c.get("deps"),
      c.get("owner")!.id,
      c.req.param("id"),
      input,
    );
    return c.json({ ...paymentJson(payment), invoice: json(c, invoice) }, 201);
  });

  api.post("/invoices/:id/send", async (c) => {
    const sent = await sendInvoice(c.get("deps"), c.get("owner")!.id, c.req.param("id"));
    return c.json({ ...sent, alreadySent: !sent.created }, sent.created ? 202 : 200);
  });

  api.get("/invoices/:id/xml", async (c) => {
    const { document } = await issuedDocument(c);
    return c.body(await ciiXml(document), 200, {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${ciiFilename(document.number)}"`,
    });
  });

  api.get("/invoices/:id/ubl", async (c) => {
    const { document } = await issuedDocument(c);
    return c.body(await ublXml(document), 200, {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${ublFilename(document.number)}"`,
    });
  });

  api.get("/invoices/:id/pdf", async (c) => {
    const { document } = await issuedDocument(c);
    const lang = c.req.query("locale");
    const pdf = await invoicePdf(c.get("deps"), document, lang === "en" || lang === "fr" ? lang : undefined);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${document.number}.pdf"`,
    });
  });

  api.get("/exports/invoices.csv", async (c) => {
    const { year } = validate(yearQuery, c.req.query(), "query");
    const y = year ?? Number(today(c).slice(0, 4));
    const csv = await invoicesCsv(c.get("deps"), c.get("owner")!, y, today(c));
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="invoices-${y}.csv"`,
    });
  });

  api.get("/exports/invoices.zip", async (c) => {
    const { year } = validate(yearQuery, c.req.query(), "query");
    const y = year ?? Number(today(c).slice(0, 4));
    const { invoicesZipStream } = await import("./export-zip.ts");
    const zip = await invoicesZipStream(c.get("deps"), c.get("owner")!, y, today(c));
    return c.body(zip, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="invoices-${y}.zip"`,
    });
  });

  return api;
}
