// The statements that give an invoice or a credit note its number. Each is ONE statement that reads the
// series' highest sequence and writes the next one, so no other writer can slip in between on SQLite or
// D1; the unique index (owner_id, series, sequence) turns any race that still happens (two processes)
// into an error the caller retries. A series never goes back in time: a document dated before the
// latest one in its series is refused, which keeps numbers chronological.
import { type SQL, sql } from "drizzle-orm";
import type { InvoiceDocument, InvoiceLineInput } from "./invoice-model.ts";
import { invoiceSeriesKey, seriesYear } from "./numbering.ts";
import type { InvoiceTotals } from "./totals.ts";

type Amounts = Pick<InvoiceTotals, "netCents" | "vatCents" | "grossCents">;

export interface NumberTarget {
  ownerId: string;
  prefix: string;
  issueDate: string;
}

function series(t: NumberTarget): string {
  return invoiceSeriesKey(t.prefix, seriesYear(t.issueDate));
}

/** `FROM (…) AS n`: n.next is the next sequence of the series. */
function nextInSeries(t: NumberTarget): SQL {
  return sql`(SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM invoices
    WHERE owner_id = ${t.ownerId} AND series = ${series(t)}) AS n`;
}

/** F-2027-0001, as formatInvoiceNumber writes it (at least four digits). */
function numberOf(t: NumberTarget): SQL {
  return sql`(${t.prefix} || '-' || ${String(seriesYear(t.issueDate))} || '-' || printf('%04d', n.next))`;
}

function nothingLaterInSeries(t: NumberTarget): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM invoices later
    WHERE later.owner_id = ${t.ownerId} AND later.series = ${series(t)} AND later.issue_date > ${t.issueDate})`;
}

export interface IssueDraft extends NumberTarget {
  id: string;
  document: InvoiceDocument;
  totals: Amounts;
  /** the draft's content the document was built from: issuing fails if it changed meanwhile */
  expected: { lines: InvoiceLineInput[]; periodStart: string; periodEnd: string };
  now: number;
}

/** Draft → issued, numbered, with its document frozen. changes = 0: not a draft any more, or refused. */
export function issueDraftStatement(d: IssueDraft): SQL {
  const number = numberOf(d);
  return sql`UPDATE invoices SET status = 'issued', series = ${series(d)}, sequence = n.next, number = ${number},
      issue_date = ${d.issueDate}, due_date = ${d.document.dueDate},
      document = json_set(${JSON.stringify(d.document)}, '$.number', ${number}),
      net_cents = ${d.totals.netCents}, vat_cents = ${d.totals.vatCents}, gross_cents = ${d.totals.grossCents},
      issued_at = ${d.now}, updated_at = ${d.now}
    FROM ${nextInSeries(d)}
    WHERE invoices.id = ${d.id} AND invoices.owner_id = ${d.ownerId} AND invoices.status = 'draft'
      AND invoices.lines = ${JSON.stringify(d.expected.lines)}
      AND invoices.period_start = ${d.expected.periodStart} AND invoices.period_end = ${d.expected.periodEnd}
      AND ${nothingLaterInSeries(d)}`;
}

export interface IssueCreditNote extends NumberTarget {
  id: string;
  original: { id: string; missionId: string | null; clientId: string; grossCents: number };
  document: InvoiceDocument;
  totals: Amounts;
  now: number;
}

/**
 * Inserts an issued credit note, numbered, unless it would credit more than what remains of the
 * original (counted inside the statement, so two credit notes at once cannot both pass).
 */
export function issueCreditNoteStatement(d: IssueCreditNote): SQL {
  const number = numberOf(d);
  const { servicePeriod } = d.document;
  return sql`INSERT INTO invoices (id, owner_id, mission_id, client_id, type, status, series, sequence, number,
      issue_date, due_date, period_start, period_end, lines, net_cents, vat_cents, gross_cents, document,
      credit_of_id, paid_cents, created_at, updated_at, issued_at)
    SELECT ${d.id}, ${d.ownerId}, ${d.original.missionId}, ${d.original.clientId}, 'credit_note', 'issued',
      ${series(d)}, n.next, ${number}, ${d.issueDate}, ${d.document.dueDate}, ${servicePeriod.start},
      ${servicePeriod.end}, ${JSON.stringify(d.document.lines)}, ${d.totals.netCents}, ${d.totals.vatCents},
      ${d.totals.grossCents}, json_set(${JSON.stringify(d.document)}, '$.number', ${number}), ${d.original.id},
      0, ${d.now}, ${d.now}, ${d.now}
    FROM ${nextInSeries(d)}
    WHERE ${nothingLaterInSeries(d)}
      AND (SELECT COALESCE(SUM(c.gross_cents), 0) FROM invoices c
        WHERE c.owner_id = ${d.ownerId} AND c.credit_of_id = ${d.original.id} AND c.status = 'issued')
        + ${d.totals.grossCents} <= ${d.original.grossCents}`;
}

/** The latest issue date in a series, to explain a refusal. */
export function latestIssueDateQuery(t: NumberTarget): SQL {
  return sql`SELECT MAX(issue_date) AS latest FROM invoices WHERE owner_id = ${t.ownerId} AND series = ${series(t)}`;
}
