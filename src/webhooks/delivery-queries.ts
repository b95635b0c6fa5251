// Reading the delivery log (scoped by owner), and the replay statement.
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { webhookAttempts, webhookDeliveries } from "../platform/db/schema.ts";
import type { PageCursor } from "../platform/http/pagination.ts";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

export async function listDeliveries(
  database: Database,
  ownerId: string,
  endpointId: string,
  filter: {
    status?: DeliveryRow["status"];
    eventType?: string;
    eventId?: string;
    limit: number;
    after?: PageCursor;
  },
): Promise<DeliveryRow[]> {
  const after = filter.after;
  return database.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.ownerId, ownerId),
        eq(webhookDeliveries.endpointId, endpointId),
        filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
        filter.eventType ? eq(webhookDeliveries.eventType, filter.eventType) : undefined,
        filter.eventId ? eq(webhookDeliveries.eventId, filter.eventId) : undefined,
        after
          ? or(
              lt(webhookDeliveries.createdAt, after.at),
              and(eq(webhookDeliveries.createdAt, after.at), lt(webhookDeliveries.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit);
}

export async function attemptsOf(
  database: Database,
  deliveryIds: string[],
): Promise<Map<string, AttemptRow[]>> {
  const byDelivery = new Map<string, AttemptRow[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await database.db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.startedAt));
  for (const row of rows) byDelivery.set(row.deliveryId, [...(byDelivery.get(row.deliveryId) ?? []), row]);
  return byDelivery;
}

export async function getDelivery(
  database: Database,
  ownerId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  return database.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.ownerId, ownerId), eq(webhookDeliveries.id, id)))
    .get();
}

/**
 * A replay is a new delivery of the same event (same id and body) to the same endpoint, queued behind any
 * unfinished delivery of the same resource. Refused (nothing written) while the event is still on its way
 * to that endpoint or the endpoint is disabled.
 */
export async function insertReplay(
  database: Database,
  original: DeliveryRow,
  replayId: string,
  now: number,
): Promise<boolean> {
  const result =
    await database.run(sql`INSERT INTO webhook_deliveries (id, owner_id, endpoint_id, event_id, event_seq,
      event_type, resource, dedupe_key, replay_of, status, attempts, next_attempt_at, created_at)
    SELECT ${replayId}, ${original.ownerId}, ${original.endpointId}, ${original.eventId}, ${original.eventSeq},
      ${original.eventType}, ${original.resource}, ${`replay:${replayId}`}, ${original.id},
      CASE WHEN EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = ${original.endpointId}
        AND o.resource = ${original.resource} AND o.status IN ('waiting', 'pending', 'delivering'))
        THEN 'waiting' ELSE 'pending' END,
      0, ${now}, ${now}
    WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${original.endpointId} AND status = 'active')
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = ${original.endpointId}
        AND o.event_id = ${original.eventId} AND o.status IN ('waiting', 'pending', 'delivering'))`);
  return result.changes === 1;
}
