// Dashboard pages for invoices (list, detail and its actions, downloads, exports) and the billing
// identity. Actions call the same use cases as the API; a refusal re-renders the page with its reason.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import { dateInZone } from "../missions/plain-date.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError, PROBLEMS } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { removeDraft } from "./edit-draft.ts";
import { invoicesCsv } from "./exports.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import { invoiceListItems, invoicePageData, listInvoices } from "./invoice-page-data.ts";
import { getInvoice, type InvoiceWithCredits } from "./invoice-store.ts";
import { issueCreditNote } from "./issue-credit-note.ts";
import { issueInvoice } from "./issue-invoice.ts";
import { parseEurosToCents } from "./money-input.ts";
import { invoiceMessages } from "./pages/invoice-messages.ts";
import { invoicePage } from "./pages/invoice-page.ts";
import { invoicesPage } from "./pages/invoices-page.ts";
import { recordPayment } from "./payments.ts";
import { invoicePdf } from "./pdf-port.ts";
import { sendInvoice } from "./send-invoice.ts";
import { businessSettingsDashboardRoutes } from "./settings-dashboard-routes.ts";
import { storedDocument } from "./stored-document.ts";
import { ciiFilename, ciiXml, ublFilename, ublXml } from "./xml-documents.ts";

type Status = 200 | 409 | 422 | 503;
type Form = Record<string, string>;

function flat(form: Record<string, string | string[]>): Form {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? ""]));
}

function refusal(error: unknown): AppError {
  if (error instanceof AppError && error.code !== "not_found" && error.code !== "internal") return error;
  throw error;
}

function errorsByPath(e: AppError, rename: (path: string) => string = (p) => p): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of e.errors ?? []) out[rename(x.path)] ??= x.message;
  return out;
}

async function ownedInvoice(c: AppContext): Promise<InvoiceWithCredits> {
  const invoice = await getInvoice(c.get("deps").database, c.get("owner")!.id, c.req.param("id")!);
  if (!invoice) throw new AppError("not_found", { detail: "No such invoice." });
  return invoice;
}

async function renderInvoice(
  c: AppContext,
  invoice: InvoiceWithCredits,
  extra: Parameters<typeof invoicePageData>[4] = {},
  status: Status = 200,
) {
  const data = await invoicePageData(c.get("deps"), c.get("owner")!, c.get("csrfToken"), invoice, extra);
  return c.html(invoicePage(data), status as 200);
}

function statusOf(e: AppError): Status {
  const s = PROBLEMS[e.code].status;
  return s === 422 || s === 409 || s === 503 ? s : 409;
}

export function invoicingDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/invoices", requireSession());
  app.use("/invoices/*", requireSession());
  app.route("/", businessSettingsDashboardRoutes());

  app.get("/invoices", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const t = invoiceMessages(owner.locale);
    const status =
      c.req.query("status") === "draft" || c.req.query("status") === "issued" ? c.req.query("status") : "";
    const year = /^\d{4}$/.test(c.req.query("year") ?? "") ? c.req.query("year")! : "";
    const cursor = /^\d{1,16}_[\w-]{1,100}$/.test(c.req.query("cursor") ?? "")
      ? c.req.query("cursor")!
      : undefined;
    const [createdAt, id] = cursor ? cursor.split("_") : [];
    const limit = 50;
    const rows = await listInvoices(deps.database, owner.id, {
      ...(status ? { status: status as "draft" | "issued" } : {}),
      ...(year ? { year: Number(year) } : {}),
      limit: limit + 1,
      after: createdAt && id ? { createdAt: Number(createdAt), id } : undefined,
    });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page[page.length - 1] : undefined;
    const thisYear = Number(dateInZone(deps.clock.now(), owner.timeZone).slice(0, 4));
    const done = c.req.query("done");
    return c.html(
      invoicesPage({
        owner,
        csrfToken: c.get("csrfToken"),
        items: await invoiceListItems(deps, owner, page),
        filter: { status: status ?? "", year },
        years: [thisYear, thisYear - 1, thisYear - 2],
        nextUrl: last
          ? `/dashboard/invoices?status=${status}&year=${year}&cursor=${last.createdAt}_${last.id}`
          : null,
        ...(done === "deleted" ? { flash: t("deletedDone") } : {}),
      }),
    );
  });

  app.get("/invoices/export/:file", async (c) => {
    const match = /^invoices-(\d{4})\.(csv|zip)$/.exec(c.req.param("file"));
    if (!match) throw new AppError("not_found");
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const year = Number(match[1]);
    const today = dateInZone(deps.clock.now(), owner.timeZone);
    if (match[2] === "csv")
      return c.body(await invoicesCsv(deps, owner, year, today), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="invoices-${year}.csv"`,
      });
    const { invoicesZipStream } = await import("./export-zip.ts");
    const zip = await invoicesZipStream(deps, owner, year, today);
    return c.body(zip, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="invoices-${year}.zip"`,
    });
  });

  app.get("/invoices/:id", async (c) => {
    const invoice = await ownedInvoice(c);
    const t = invoiceMessages(c.get("owner")!.locale);
    const done = c.req.query("done");
    const flash =
      done === "issued"
        ? t("issuedDone", { number: invoice.number ?? "" })
        : done === "sent"
          ? t("sentDone", { email: c.req.query("to") ?? "" })
          : done === "payment"
            ? t("paymentDone")
            : done === "credit"
              ? t("creditDone", { number: invoice.number ?? "" })
              : undefined;
    return renderInvoice(c, invoice, flash ? { flash } : {});
  });

  app.post("/invoices/:id/issue", async (c) => {
    const invoice = await ownedInvoice(c);
    try {
      await issueInvoice(c.get("deps"), c.get("owner")!, invoice.id);
      return c.redirect(`/dashboard/invoices/${invoice.id}?done=issued`, 303);
    } catch (error) {
      const e = refusal(error);
      const missing = e.extra?.missingMandatoryFields as string[] | undefined;
      return renderInvoice(
        c,
        invoice,
        missing ? { missingFields: missing } : { error: e.detail ?? e.message },
        statusOf(e),
      );
    }
  });

  app.post("/invoices/:id/delete", async (c) => {
    const invoice = await ownedInvoice(c);
    try {
      await removeDraft(c.get("deps"), c.get("owner")!.id, invoice.id);
      return c.redirect("/dashboard/invoices?done=deleted", 303);
    } catch (error) {
      const e = refusal(error);
      return renderInvoice(c, invoice, { error: e.detail ?? e.message }, statusOf(e));
    }
  });

  app.post("/invoices/:id/send", async (c) => {
    const invoice = await ownedInvoice(c);
    try {
      const sent = await sendInvoice(c.get("deps"), c.get("owner")!.id, invoice.id);
      return c.redirect(`/dashboard/invoices/${invoice.id}?done=sent&to=${encodeURIComponent(sent.to)}`, 303);
    } catch (error) {
      const e = refusal(error);
      return renderInvoice(c, invoice, { error: e.detail ?? e.message }, statusOf(e));
    }
  });

  app.post("/invoices/:id/payments", async (c) => {
    const invoice = await ownedInvoice(c);
    const owner = c.get("owner")!;
    const form = flat(await readForm(c));
    try {
      const amountCents = parseEurosToCents(form.amount ?? "");
      if (amountCents === undefined || amountCents === 0)
        throw new AppError("validation", {
          errors: [{ path: "amount", message: invoiceMessages(owner.locale)("invalidAmount") }],
        });
      await recordPayment(c.get("deps"), owner.id, invoice.id, {
        amountCents,
        date: form.date ?? "",
        ...(form.method ? { method: form.method.slice(0, 50) } : {}),
      });
      return c.redirect(`/dashboard/invoices/${invoice.id}?done=payment`, 303);
    } catch (error) {
      const e = refusal(error);
      const paymentErrors = errorsByPath(e, (p) => (p === "amountCents" ? "amount" : p));
      return renderInvoice(c, invoice, { paymentValues: form, paymentErrors, error: e.detail }, statusOf(e));
    }
  });

  app.post("/invoices/:id/credit-note", async (c) => {
    const invoice = await ownedInvoice(c);
    const owner = c.get("owner")!;
    const t = invoiceMessages(owner.locale);
    const form = flat(await readForm(c));
    try {
      const reason = formString(form, "reason").slice(0, 500);
      let lines: InvoiceLineInput[] | undefined;
      if ((form.amount ?? "").trim() !== "") {
        const cents = parseEurosToCents(form.amount ?? "");
        if (!cents)
          throw new AppError("validation", { errors: [{ path: "amount", message: t("invalidAmount") }] });
        const first = (invoice.lines as InvoiceLineInput[])[0];
        lines = [
          {
            description: reason || t("creditOf", { number: invoice.number ?? "" }),
            quantity: 1,
            unitPriceCents: cents,
            vatRate: first?.vatRate ?? 20,
            unit: "C62",
          },
        ];
      }
      const creditNote = await issueCreditNote(c.get("deps"), owner, invoice.id, {
        lines,
        ...(reason ? { reason } : {}),
      });
      return c.redirect(`/dashboard/invoices/${creditNote.id}?done=credit`, 303);
    } catch (error) {
      const e = refusal(error);
      return renderInvoice(
        c,
        invoice,
        {
          creditValues: form,
          creditErrors: { amount: e.errors?.map((x) => x.message).join(" ") ?? e.detail ?? e.message },
        },
        statusOf(e),
      );
    }
  });

  app.get("/invoices/:id/pdf", async (c) => {
    const invoice = await ownedInvoice(c);
    if (invoice.status !== "issued")
      throw new AppError("conflict", { detail: "A draft has no PDF: issue it first." });
    const document = storedDocument(invoice.document);
    const pdf = await invoicePdf(c.get("deps"), document);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${document.number}.pdf"`,
    });
  });

  app.get("/invoices/:id/xml", async (c) => {
    const invoice = await ownedInvoice(c);
    if (invoice.status !== "issued")
      throw new AppError("conflict", { detail: "A draft has no XML: issue it first." });
    const document = storedDocument(invoice.document);
    return c.body(await ciiXml(document), 200, {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ciiFilename(document.number)}"`,
    });
  });

  app.get("/invoices/:id/ubl", async (c) => {
    const invoice = await ownedInvoice(c);
    if (invoice.status !== "issued")
      throw new AppError("conflict", { detail: "A draft has no XML: issue it first." });
    const document = storedDocument(invoice.document);
    return c.body(await ublXml(document), 200, {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ublFilename(document.number)}"`,
    });
  });

  return app;
}
