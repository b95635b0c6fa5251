// The workflow an issued invoice owns: its payment reminders, started in the batch that issues it and
// woken by its full payment.
import { type SQL, sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { emitEventStatements, startWorkflowStatement } from "../platform/workflows/engine.ts";

export const INVOICE_DUNNING = "invoice-dunning";
/** Nothing is owed any more on the invoice (key: invoice id). */
export const INVOICE_PAID = "invoice.paid";

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

/** Holds only if, once the batch ran, the invoice is issued — and an invoice, never a credit note. */
export function startDunningStatement(deps: Deps, ownerId: string, invoiceId: string): SQL {
  const issued = sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${invoiceId} AND owner_id = ${ownerId}
    AND status = 'issued' AND type = 'invoice')`;
  return startWorkflowStatement(
    deps,
    { workflow: INVOICE_DUNNING, ownerId, key: invoiceId, input: { invoiceId } },
    issued,
  ) as SQL;
}

/** With onlyIf, recorded only if that holds once the batch ran (the payment that settles it was recorded). */
export function invoicePaidStatements(deps: Deps, ownerId: string, invoiceId: string, onlyIf?: SQL) {
  return emitEventStatements(deps, { ownerId, name: INVOICE_PAID, key: invoiceId }, onlyIf);
}
