// Queries for webhook endpoints, always scoped by owner. The signing secret is sealed at rest.
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { webhookDeliveries, webhookEndpoints } from "../platform/db/schema.ts";
import type { PageCursor } from "../platform/http/pagination.ts";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** Inserts the endpoint only while the owner has fewer than `cap`: one statement, so two at once cannot pass it. */
export async function insertEndpointUnderCap(
  database: Database,
  row: EndpointRow,
  cap: number,
): Promise<boolean> {
  const result = await database.run(sql`INSERT INTO webhook_endpoints (id, owner_id, url, description, events,
      sealed_secret, status, disabled_reason, failing_since, last_success_at, created_at, updated_at)
    SELECT ${row.id}, ${row.ownerId}, ${row.url}, ${row.description}, ${JSON.stringify(row.events)}, ${row.sealedSecret},
      ${row.status}, ${row.disabledReason}, ${row.failingSince}, ${row.lastSuccessAt}, ${row.createdAt}, ${row.updatedAt}
    WHERE (SELECT COUNT(*) FROM webhook_endpoints WHERE owner_id = ${row.ownerId}) < ${cap}`);
  return result.changes === 1;
}

export async function getEndpoint(
  database: Database,
  ownerId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  return database.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.ownerId, ownerId), eq(webhookEndpoints.id, id)))
    .get();
}

export async function listEndpoints(
  database: Database,
  ownerId: string,
  filter: { status?: "active" | "disabled"; event?: string; limit: number; after?: PageCursor },
): Promise<EndpointRow[]> {
  const after = filter.after;
  return database.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.ownerId, ownerId),
        filter.status ? eq(webhookEndpoints.status, filter.status) : undefined,
        filter.event
          ? sql`EXISTS (SELECT 1 FROM json_each(${webhookEndpoints.events}) WHERE value = ${filter.event})`
          : undefined,
        after
          ? or(
              lt(webhookEndpoints.createdAt, after.at),
              and(eq(webhookEndpoints.createdAt, after.at), lt(webhookEndpoints.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(filter.limit);
}

export interface EndpointChange {
  url?: string;
  description?: string | null;
  events?: string[];
  sealedSecret?: string;
  status?: "active" | "disabled";
}

/**
 * Applies a change. Disabling fails what was still queued for the endpoint (the owner can replay it);
 * enabling clears the failure streak, so the three-day count starts again.
 */
export async function updateEndpoint(
  database: Database,
  ownerId: string,
  id: string,
  change: EndpointChange,
  now: number,
): Promise<void> {
  const statusChange =
    change.status === "active"
      ? { status: "active" as const, disabledReason: null, failingSince: null }
      : change.status === "disabled"
        ? { status: "disabled" as const, disabledReason: "disabled by the owner" }
        : {};
  await database.batch([
    database.db
      .update(webhookEndpoints)
      .set({
        ...(change.url !== undefined ? { url: change.url } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.events !== undefined ? { events: change.events } : {}),
        ...(change.sealedSecret !== undefined ? { sealedSecret: change.sealedSecret } : {}),
        ...statusChange,
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoints.ownerId, ownerId), eq(webhookEndpoints.id, id))),
    ...(change.status === "disabled" ? [failOutstandingStatement(database, id, now)] : []),
  ]);
}

/** Queued deliveries of a disabled endpoint end as failed, rather than waiting forever. */
export function failOutstandingStatement(database: Database, endpointId: string, now: number) {
  return database.db
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: "the endpoint was disabled", finishedAt: now, nextAttemptAt: now })
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        inArray(webhookDeliveries.status, ["pending", "waiting"]),
        sql`EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${endpointId} AND status = 'disabled')`,
      ),
    );
}

export async function deleteEndpoint(database: Database, ownerId: string, id: string): Promise<boolean> {
  const [result] = await database.batch([
    database.db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.ownerId, ownerId), eq(webhookEndpoints.id, id))),
  ]);
  return (result?.changes ?? 0) === 1;
}
