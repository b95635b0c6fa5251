// Reading the outbox for the API and the dashboard (always scoped to one owner).
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { outbox } from "../db/schema.ts";

export type OutboxRow = typeof outbox.$inferSelect;

export async function listOutbox(
  database: Database,
  ownerId: string,
  options: {
    limit: number;
    /** the dashboard's cursor: older than this instant */
    before?: number;
    /** the API's cursor: after this (createdAt, id) in newest-first order */
    after?: { at: number; id: string };
    status?: OutboxRow["status"];
    /** what sent it: "booking.confirmation", or a prefix such as "workflow:" */
    why?: string;
  },
) {
  const after = options.after;
  return database.db
    .select({
      id: outbox.id,
      why: outbox.why,
      toAddress: outbox.toAddress,
      toName: outbox.toName,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      messageId: outbox.messageId,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.ownerId, ownerId),
        options.before ? lt(outbox.createdAt, options.before) : undefined,
        after
          ? or(lt(outbox.createdAt, after.at), and(eq(outbox.createdAt, after.at), lt(outbox.id, after.id)))
          : undefined,
        options.status ? eq(outbox.status, options.status) : undefined,
        options.why ? sql`substr(${outbox.why}, 1, ${options.why.length}) = ${options.why}` : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(options.limit);
}

export async function getOutboxMessage(
  database: Database,
  ownerId: string,
  id: string,
): Promise<OutboxRow | undefined> {
  return database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ownerId, ownerId), eq(outbox.id, id)))
    .get();
}
