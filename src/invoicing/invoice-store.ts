// Invoices and credit notes in the database. Drafts change freely; the statements that touch an issued
// row do not exist (every write below is guarded by status = 'draft'). Numbers: see issue-statements.ts.
import { and, desc, eq, like, type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { invoices } from "../platform/db/schema.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import type { InvoiceTotals } from "./totals.ts";

export type InvoiceRow = typeof invoices.$inferSelect;
export interface InvoiceWithCredits extends InvoiceRow {
  /** gross of the credit notes issued against this invoice */
  creditedCents: number;
}

// Written out rather than interpolated: drizzle drops the table name of a single-table select's
// columns, and a bare "id" inside the subquery would mean c.id.
const creditedCents = sql<number>`(SELECT COALESCE(SUM(c.gross_cents), 0) FROM invoices c
  WHERE c.owner_id = "invoices"."owner_id" AND c.credit_of_id = "invoices"."id" AND c.status = 'issued')`;
const withCredits = { invoice: invoices, creditedCents };

function merge(r: { invoice: InvoiceRow; creditedCents: number }): InvoiceWithCredits {
  return { ...r.invoice, creditedCents: Number(r.creditedCents) };
}

export async function getInvoice(
  database: Database,
  ownerId: string,
  id: string,
): Promise<InvoiceWithCredits | undefined> {
  const row = await database.db
    .select(withCredits)
    .from(invoices)
    .where(and(eq(invoices.ownerId, ownerId), eq(invoices.id, id)))
    .get();
  return row ? merge(row) : undefined;
}

export interface InvoiceFilter {
  status?: InvoiceRow["status"];
  type?: InvoiceRow["type"];
  missionId?: string;
  clientId?: string;
  creditOfId?: string;
  /** year of the issue date */
  year?: number;
  limit: number;
  after?: { createdAt: number; id: string };
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listInvoices(
  database: Database,
  ownerId: string,
  filter: InvoiceFilter,
): Promise<InvoiceWithCredits[]> {
  const conditions: SQL[] = [eq(invoices.ownerId, ownerId)];
  if (filter.status) conditions.push(eq(invoices.status, filter.status));
  if (filter.type) conditions.push(eq(invoices.type, filter.type));
  if (filter.missionId) conditions.push(eq(invoices.missionId, filter.missionId));
  if (filter.clientId) conditions.push(eq(invoices.clientId, filter.clientId));
  if (filter.creditOfId) conditions.push(eq(invoices.creditOfId, filter.creditOfId));
  if (filter.year !== undefined) conditions.push(like(invoices.issueDate, `${filter.year}-%`));
  if (filter.after)
    conditions.push(
      sql`(${invoices.createdAt}, ${invoices.id}) < (${filter.after.createdAt}, ${filter.after.id})`,
    );
  const rows = await database.db
    .select(withCredits)
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(filter.limit);
  return rows.map(merge);
}

/** Issued invoices, then credit notes, of a year, each series in number order: what the accountant receives. */
export async function issuedInYear(database: Database, ownerId: string, year: number) {
  const rows = await database.db
    .select(withCredits)
    .from(invoices)
    .where(
      and(
        eq(invoices.ownerId, ownerId),
        eq(invoices.status, "issued"),
        like(invoices.issueDate, `${year}-%`),
      ),
    )
    .orderBy(desc(invoices.type), invoices.series, invoices.sequence);
  return rows.map(merge);
}

export interface DraftRow {
  id: string;
  ownerId: string;
  missionId: string | null;
  clientId: string;
  activityReportId: string | null;
  periodStart: string;
  periodEnd: string;
  lines: InvoiceLineInput[];
  totals: Pick<InvoiceTotals, "netCents" | "vatCents" | "grossCents">;
  now: number;
}

export function draftInsert(database: Database, d: DraftRow) {
  return database.db.insert(invoices).values({
    id: d.id,
    ownerId: d.ownerId,
    missionId: d.missionId,
    clientId: d.clientId,
    activityReportId: d.activityReportId,
    type: "invoice",
    status: "draft",
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    lines: d.lines,
    netCents: d.totals.netCents,
    vatCents: d.totals.vatCents,
    grossCents: d.totals.grossCents,
    createdAt: d.now,
    updatedAt: d.now,
  });
}

export async function updateDraft(
  database: Database,
  ownerId: string,
  id: string,
  d: Pick<DraftRow, "periodStart" | "periodEnd" | "lines" | "totals" | "now">,
): Promise<boolean> {
  const [result] = await database.batch([
    database.db
      .update(invoices)
      .set({
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        lines: d.lines,
        netCents: d.totals.netCents,
        vatCents: d.totals.vatCents,
        grossCents: d.totals.grossCents,
        updatedAt: d.now,
      })
      .where(and(eq(invoices.ownerId, ownerId), eq(invoices.id, id), eq(invoices.status, "draft"))),
  ]);
  return (result?.changes ?? 0) > 0;
}

/** Deletes a draft and frees the activity report it was built from, so it can be invoiced again. */
export async function deleteDraft(database: Database, ownerId: string, id: string): Promise<boolean> {
  const [deleted] = await database.batch([
    sql`DELETE FROM invoices WHERE id = ${id} AND owner_id = ${ownerId} AND status = 'draft'`,
    sql`UPDATE activity_reports SET invoice_id = NULL WHERE owner_id = ${ownerId} AND invoice_id = ${id}
      AND NOT EXISTS (SELECT 1 FROM invoices WHERE id = ${id})`,
  ]);
  return (deleted?.changes ?? 0) > 0;
}
