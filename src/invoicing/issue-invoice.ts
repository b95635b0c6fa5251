// Issuing a draft: check the legal identity fields, freeze the complete document, assign the next
// number of the series — the last two in one guarded statement (issue-statements.ts).
import { sql } from "drizzle-orm";
import { getClient } from "../missions/client-store.ts";
import { getMission } from "../missions/mission-store.ts";
import { dateInZone } from "../missions/plain-date.ts";
import { isUniqueViolation } from "../platform/db/database.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { invoiceEvent } from "../webhooks/payloads.ts";
import { sellerFromSettings } from "./business-settings.ts";
import { DEFAULT_PAYMENT_TERMS_DAYS, dueDate } from "./due-date.ts";
import { buyerFromClient, invoiceDocument } from "./invoice-draft.ts";
import type { Buyer, InvoiceLineInput, Seller } from "./invoice-model.ts";
import { getInvoice, type InvoiceWithCredits } from "./invoice-store.ts";
import { startDunningStatement } from "./invoice-workflows.ts";
import {
  alreadyIssuedProblem,
  asValidationProblem,
  missingMandatoryFieldsProblem,
} from "./invoicing-problems.ts";
import { issueDraftStatement, latestIssueDateQuery } from "./issue-statements.ts";
import { missingMandatoryFields } from "./mandatory-fields.ts";
import { DEFAULT_INVOICE_PREFIX } from "./numbering.ts";
import { getBusinessSettings } from "./settings-store.ts";
import type { StoredDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";

/** A unique-index collision means another writer took the number first: read again and retry. */
export const MAX_NUMBERING_ATTEMPTS = 8;

export async function issueInvoice(
  deps: AppDeps,
  owner: CurrentOwner,
  id: string,
): Promise<InvoiceWithCredits> {
  for (let attempt = 1; attempt <= MAX_NUMBERING_ATTEMPTS; attempt++) {
    const draft = await getInvoice(deps.database, owner.id, id);
    if (!draft) throw new AppError("not_found", { detail: "No such invoice." });
    if (draft.status !== "draft") throw alreadyIssuedProblem(draft.number);
    const settings = await getBusinessSettings(deps.database, owner.id);
    const client = await getClient(deps.database, owner.id, draft.clientId);
    const mission = draft.missionId ? await getMission(deps.database, owner.id, draft.missionId) : undefined;
    const seller = sellerFromSettings(settings);
    const buyer = client ? buyerFromClient(client) : {};
    const missing = missingMandatoryFields({ seller, buyer });
    if (missing.length > 0) throw missingMandatoryFieldsProblem(missing);

    const now = deps.clock.now();
    const issueDate = dateInZone(now, owner.timeZone);
    const termsDays = mission?.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS;
    const lines = draft.lines as InvoiceLineInput[];
    const document: StoredDocument = {
      ...invoiceDocument({
        typeCode: "380",
        seller: seller as Seller,
        buyer: buyer as Buyer,
        lines,
        servicePeriod: { start: draft.periodStart, end: draft.periodEnd },
        issueDate,
        dueDate: dueDate(issueDate, termsDays),
        termsDays,
        latePenaltyRate: settings?.latePenaltyRate,
        earlyPaymentDiscount: settings?.earlyPaymentDiscount,
      }),
      locale: client?.locale === "en" ? "en" : "fr",
    };
    let totals: ReturnType<typeof computeTotals>;
    try {
      totals = computeTotals(lines, document.vatMode);
    } catch (error) {
      throw asValidationProblem(error, "The invoice lines are not valid for this VAT regime");
    }
    const target = {
      ownerId: owner.id,
      prefix: settings?.invoicePrefix ?? DEFAULT_INVOICE_PREFIX,
      issueDate,
    };
    // The number is only known inside the numbering statement: the event reads it from the row.
    const events = webhookEventsForBatch(
      deps,
      {
        ...invoiceEvent("invoice.issued", {
          ...draft,
          netCents: totals.netCents,
          vatCents: totals.vatCents,
          grossCents: totals.grossCents,
          issueDate,
          dueDate: document.dueDate,
          number: null,
        }),
        dataFromSql: { number: sql`SELECT number FROM invoices WHERE id = ${id}` },
      },
      sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${id} AND status = 'issued' AND issued_at = ${now})`,
    );
    try {
      // The payment reminders and the event are in the same batch: they exist if and only if it was issued.
      const results = await deps.database.batch([
        issueDraftStatement({
          ...target,
          id,
          document,
          totals,
          expected: { lines, periodStart: draft.periodStart, periodEnd: draft.periodEnd },
          now,
        }),
        startDunningStatement(deps, owner.id, id),
        ...events.statements,
      ]);
      if (results[0]?.changes === 1) {
        events.afterBatch(results);
        return (await getInvoice(deps.database, owner.id, id))!;
      }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      continue;
    }
    await refuseIfSeriesIsAhead(deps, target);
    // Otherwise the draft changed or was issued meanwhile: the next pass sees which.
  }
  throw new AppError("conflict", {
    detail: "Could not assign an invoice number, the series is busy. Try again.",
  });
}

/** Numbers follow dates: after an invoice dated later than today, today's would break the order. */
export async function refuseIfSeriesIsAhead(
  deps: AppDeps,
  target: { ownerId: string; prefix: string; issueDate: string },
): Promise<void> {
  const [row] = await deps.database.all<{ latest: string | null }>(latestIssueDateQuery(target));
  if (row?.latest && row.latest > target.issueDate) {
    throw new AppError("conflict", {
      detail: `The series ${target.prefix} already has a document dated ${row.latest}; numbers must follow dates, so one dated ${target.issueDate} cannot follow it.`,
    });
  }
}
