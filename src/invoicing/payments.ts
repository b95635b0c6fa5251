// Payments received on an issued invoice. Recording one is one guarded INSERT (it only happens while
// the amount fits in what is still owed, counted inside the statement) plus the cached total, in one batch.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { payments } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { invoiceEvent } from "../webhooks/payloads.ts";
import { paymentSchema } from "./invoice-input.ts";
import { getInvoice, type InvoiceWithCredits } from "./invoice-store.ts";
import { invoicePaidStatements } from "./invoice-workflows.ts";
import { balanceCents } from "./payment-status.ts";

export type PaymentRow = typeof payments.$inferSelect;

export async function listPayments(database: Database, ownerId: string, invoiceId: string) {
  return database.db
    .select()
    .from(payments)
    .where(and(eq(payments.ownerId, ownerId), eq(payments.invoiceId, invoiceId)))
    .orderBy(asc(payments.date), asc(payments.createdAt));
}

export async function paymentsOfYear(database: Database, ownerId: string, year: number) {
  return database.db
    .select()
    .from(payments)
    .where(and(eq(payments.ownerId, ownerId), sql`${payments.date} LIKE ${`${year}-%`}`))
    .orderBy(asc(payments.date), asc(payments.createdAt));
}

export interface PaymentInput {
  amountCents: number;
  date: string;
  method?: string;
}

export async function recordPayment(
  deps: AppDeps,
  ownerId: string,
  invoiceId: string,
  body: PaymentInput,
): Promise<{ payment: PaymentRow; invoice: InvoiceWithCredits }> {
  const input = validate(paymentSchema, body);
  const invoice = await getInvoice(deps.database, ownerId, invoiceId);
  if (!invoice) throw new AppError("not_found", { detail: "No such invoice." });
  if (invoice.type !== "invoice")
    throw new AppError("validation", {
      errors: [{ path: "invoiceId", message: "is a credit note: payments are recorded on invoices" }],
    });
  if (invoice.status !== "issued")
    throw new AppError("conflict", {
      detail: "A draft is not owed yet: issue it before recording a payment.",
    });
  if (input.date < invoice.issueDate!)
    throw new AppError("validation", {
      errors: [{ path: "date", message: `cannot be before the invoice's issue date (${invoice.issueDate})` }],
    });
  const id = deps.newId();
  const now = deps.clock.now();
  // Fully paid by this payment: the reminders stop and invoice.paid is recorded in the same batch.
  const settled = sql`EXISTS (SELECT 1 FROM payments WHERE id = ${id})
    AND EXISTS (SELECT 1 FROM invoices i WHERE i.id = ${invoiceId} AND i.gross_cents - i.paid_cents
      - (SELECT COALESCE(SUM(c.gross_cents), 0) FROM invoices c
          WHERE c.owner_id = ${ownerId} AND c.credit_of_id = i.id AND c.status = 'issued') <= 0)`;
  const events = webhookEventsForBatch(
    deps,
    {
      ...invoiceEvent("invoice.paid", invoice),
      dataFromSql: { paidCents: sql`SELECT paid_cents FROM invoices WHERE id = ${invoiceId}` },
    },
    settled,
  );
  const results = await deps.database.batch([
    sql`INSERT INTO payments (id, owner_id, invoice_id, amount_cents, date, method, created_at)
      SELECT ${id}, ${ownerId}, ${invoiceId}, ${input.amountCents}, ${input.date}, ${input.method ?? null}, ${now}
      WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.id = ${invoiceId} AND i.owner_id = ${ownerId}
        AND i.status = 'issued' AND i.type = 'invoice'
        AND i.gross_cents
          - (SELECT COALESCE(SUM(c.gross_cents), 0) FROM invoices c
              WHERE c.owner_id = ${ownerId} AND c.credit_of_id = i.id AND c.status = 'issued')
          - (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)
          >= ${input.amountCents})`,
    sql`UPDATE invoices SET paid_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE invoice_id = ${invoiceId})
      WHERE id = ${invoiceId} AND owner_id = ${ownerId}`,
    ...invoicePaidStatements(deps, ownerId, invoiceId, settled),
    ...events.statements,
  ]);
  const after = (await getInvoice(deps.database, ownerId, invoiceId))!;
  if ((results[0]?.changes ?? 0) === 0) {
    const balance = balanceCents(after);
    throw new AppError("validation", {
      title: "Over-payment",
      detail: `${input.amountCents} cents is more than the ${balance} cents still owed on ${invoice.number}.`,
      errors: [{ path: "amountCents", message: `exceeds the balance still owed (${balance} cents)` }],
      extra: { balanceCents: balance },
    });
  }
  events.afterBatch(results);
  const payment = (await deps.database.db.select().from(payments).where(eq(payments.id, id)).get())!;
  return { payment, invoice: after };
}

export function paymentJson(p: PaymentRow) {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    amountCents: p.amountCents,
    date: p.date,
    method: p.method,
    createdAt: new Date(p.createdAt).toISOString(),
  };
}
