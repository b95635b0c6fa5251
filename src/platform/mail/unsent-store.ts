// The owner's "unsent" emails with the call each is about (for unsentFate), and the one batch that requeues
// or expires them. Every statement is scoped to the owner and guarded by status = 'unsent', so two clicks at
// once requeue each email once.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { bookings, outbox, workflowRuns } from "../db/schema.ts";
import type { UnsentMessage } from "./unsent-fate.ts";

export interface UnsentRow extends UnsentMessage {
  id: string;
}

/** D1 binds at most 100 parameters per statement. */
const IDS_PER_STATEMENT = 90;

const BOOKING_KEY = /^booking:([^:]+):/;

export async function loadUnsent(database: Database, ownerId: string, limit: number): Promise<UnsentRow[]> {
  const rows = await database.db
    .select({
      id: outbox.id,
      why: outbox.why,
      createdAt: outbox.createdAt,
      idempotencyKey: outbox.idempotencyKey,
      runInput: workflowRuns.input,
    })
    .from(outbox)
    .leftJoin(workflowRuns, and(eq(workflowRuns.id, outbox.workflowRunId), eq(workflowRuns.ownerId, ownerId)))
    .where(and(eq(outbox.ownerId, ownerId), eq(outbox.status, "unsent")))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit);
  const about = rows.map((row) => {
    const bookingId = BOOKING_KEY.exec(row.idempotencyKey)?.[1] ?? row.runInput?.bookingId;
    const startMs = row.runInput?.startMs;
    return {
      bookingId: typeof bookingId === "string" ? bookingId : null,
      spokenStart: typeof startMs === "number" ? startMs : null,
    };
  });
  const calls = await bookingStarts(
    database,
    ownerId,
    about.flatMap((a) => (a.bookingId ? [a.bookingId] : [])),
  );
  return rows.map((row, i) => {
    const { bookingId, spokenStart } = about[i]!;
    const booking = bookingId ? calls.get(bookingId) : undefined;
    const startMs = spokenStart ?? booking?.startMs;
    const call =
      booking && startMs !== undefined
        ? { startMs, stillOn: booking.live && booking.startMs === startMs }
        : null;
    return { id: row.id, why: row.why, createdAt: row.createdAt, call };
  });
}

async function bookingStarts(database: Database, ownerId: string, ids: string[]) {
  const found = new Map<string, { startMs: number; live: boolean }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += IDS_PER_STATEMENT) {
    const rows = await database.db
      .select({ id: bookings.id, startMs: bookings.startMs, status: bookings.status })
      .from(bookings)
      .where(
        and(eq(bookings.ownerId, ownerId), inArray(bookings.id, unique.slice(i, i + IDS_PER_STATEMENT))),
      );
    for (const r of rows)
      found.set(r.id, { startMs: r.startMs, live: r.status === "pending" || r.status === "confirmed" });
  }
  return found;
}

/** Requeues `requeue` (due now, attempts from zero) and marks each of `expired` with its reason, in one batch. */
export async function settleUnsent(
  database: Database,
  ownerId: string,
  decided: { requeue: string[]; expired: { id: string; reason: string }[] },
  now: number,
): Promise<{ requeued: number; expired: number }> {
  const statements: SQL[] = [];
  const requeueChunks: string[][] = [];
  for (let i = 0; i < decided.requeue.length; i += IDS_PER_STATEMENT)
    requeueChunks.push(decided.requeue.slice(i, i + IDS_PER_STATEMENT));
  const stillUnsent = (ids: string[]) =>
    sql`owner_id = ${ownerId} AND status = 'unsent' AND id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`;
  for (const ids of requeueChunks)
    statements.push(sql`UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ${now},
      lease_until = NULL, last_error = NULL WHERE ${stillUnsent(ids)}`);
  for (const { id, reason } of decided.expired)
    statements.push(
      sql`UPDATE outbox SET status = 'expired', last_error = ${reason} WHERE ${stillUnsent([id])}`,
    );
  if (statements.length === 0) return { requeued: 0, expired: 0 };
  const results = await database.batch(statements);
  const count = (from: number, to?: number) => results.slice(from, to).reduce((n, r) => n + r.changes, 0);
  return { requeued: count(0, requeueChunks.length), expired: count(requeueChunks.length) };
}

/** How many of the owner's emails are unsent, for the dashboard's explanation. */
export async function countUnsent(database: Database, ownerId: string): Promise<number> {
  const row = await database.db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(eq(outbox.ownerId, ownerId), eq(outbox.status, "unsent")))
    .get();
  return row?.n ?? 0;
}
