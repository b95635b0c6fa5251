// A credit note (type 381) against an issued invoice: issued and numbered at once in its own series,
// never for more than what remains to credit (checked again inside the numbering statement).
import { sql } from "drizzle-orm";
import { dateInZone } from "../missions/plain-date.ts";
import { isUniqueViolation } from "../platform/db/database.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { invoiceEvent } from "../webhooks/payloads.ts";
import { buildCreditNote, remainingCreditableCents } from "./credit-note.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import { getInvoice, type InvoiceWithCredits } from "./invoice-store.ts";
import { asValidationProblem } from "./invoicing-problems.ts";
import { MAX_NUMBERING_ATTEMPTS, refuseIfSeriesIsAhead } from "./issue-invoice.ts";
import { issueCreditNoteStatement } from "./issue-statements.ts";
import { DEFAULT_CREDIT_NOTE_PREFIX } from "./numbering.ts";
import { getBusinessSettings } from "./settings-store.ts";
import { type StoredDocument, storedDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";

export async function issueCreditNote(
  deps: AppDeps,
  owner: CurrentOwner,
  originalId: string,
  input: { lines?: InvoiceLineInput[]; reason?: string },
): Promise<InvoiceWithCredits> {
  const id = deps.newId();
  for (let attempt = 1; attempt <= MAX_NUMBERING_ATTEMPTS; attempt++) {
    const original = await getInvoice(deps.database, owner.id, originalId);
    if (!original) throw new AppError("not_found", { detail: "No such invoice." });
    if (original.type !== "invoice")
      throw new AppError("validation", {
        detail: "A credit note cannot itself be credited.",
        errors: [{ path: "invoiceId", message: "is a credit note" }],
      });
    if (original.status !== "issued")
      throw new AppError("conflict", {
        detail: "A draft has nothing to correct: edit or delete it instead of crediting it.",
      });
    const originalDocument = storedDocument(original.document);
    const settings = await getBusinessSettings(deps.database, owner.id);
    const now = deps.clock.now();
    const issueDate = dateInZone(now, owner.timeZone);
    let document: StoredDocument;
    try {
      document = {
        ...buildCreditNote(originalDocument, { number: "", issueDate, lines: input.lines }, [
          original.creditedCents,
        ]),
        locale: originalDocument.locale,
        ...(input.reason ? { note: input.reason } : {}),
      };
    } catch (error) {
      throw asValidationProblem(error, "This credit note cannot be issued");
    }
    const totals = computeTotals(document.lines, document.vatMode);
    const target = {
      ownerId: owner.id,
      prefix: settings?.creditNotePrefix ?? DEFAULT_CREDIT_NOTE_PREFIX,
      issueDate,
    };
    const events = webhookEventsForBatch(
      deps,
      {
        ...invoiceEvent("invoice.issued", {
          netCents: totals.netCents,
          vatCents: totals.vatCents,
          grossCents: totals.grossCents,
          id,
          ownerId: owner.id,
          type: "credit_note",
          number: null,
          clientId: original.clientId,
          missionId: original.missionId,
          issueDate,
          dueDate: document.dueDate,
          paidCents: 0,
          creditOfId: original.id,
        }),
        dataFromSql: { number: sql`SELECT number FROM invoices WHERE id = ${id}` },
      },
      sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${id})`,
    );
    try {
      const results = await deps.database.batch([
        issueCreditNoteStatement({ ...target, id, original, document, totals, now }),
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
    const fresh = await getInvoice(deps.database, owner.id, originalId);
    const remaining = remainingCreditableCents(original.grossCents, [fresh?.creditedCents ?? 0]);
    if (totals.grossCents > remaining) {
      throw new AppError("validation", {
        errors: [
          {
            path: "lines",
            message: `The credit note (${totals.grossCents} cents) exceeds what remains to credit on ${original.number} (${remaining} cents)`,
          },
        ],
      });
    }
  }
  throw new AppError("conflict", {
    detail: "Could not assign a credit note number, the series is busy. Try again.",
  });
}
