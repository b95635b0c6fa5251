// The delivery queue's statements: claim one due delivery under a lease, read what to send, and record the
// outcome. Every write after the claim is guarded by "this worker still holds the lease", so a scheduler that
// lost its lease (it stalled past LEASE_SECONDS) cannot record anything over the one that took over.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  resource: string;
  attempts: number;
  firstAttemptAt: number;
}

export interface DeliveryToSend extends ClaimedDelivery {
  ownerId: string;
  url: string;
  sealedSecret: string;
  body: string;
  eventType: string;
}

/** Deliveries whose sender vanished (a crash mid-request) are queued again; their attempt was already counted. */
export async function releaseExpiredLeases(database: Database, now: number): Promise<number> {
  const result = await database.run(sql`UPDATE webhook_deliveries
    SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = ${now}
    WHERE status = 'delivering' AND lease_until < ${now}`);
  return result.changes;
}

/** Claims the most overdue delivery, or returns null when nothing is due. One statement: two workers never share one. */
export async function claimDue(
  database: Database,
  worker: string,
  now: number,
  leaseMs: number,
): Promise<ClaimedDelivery | null> {
  const rows = await database.all<{
    id: string;
    endpoint_id: string;
    event_id: string;
    resource: string;
    attempts: number;
    first_attempt_at: number;
  }>(sql`UPDATE webhook_deliveries
    SET status = 'delivering', lease_owner = ${worker}, lease_until = ${now + leaseMs},
      attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ${now})
    WHERE id = (SELECT d.id FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now}
          AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.status = 'active')
        ORDER BY d.next_attempt_at LIMIT 1)
      AND status = 'pending'
    RETURNING id, endpoint_id, event_id, resource, attempts, first_attempt_at`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    resource: row.resource,
    attempts: row.attempts,
    firstAttemptAt: row.first_attempt_at,
  };
}

export async function loadForSending(
  database: Database,
  claimed: ClaimedDelivery,
): Promise<DeliveryToSend | null> {
  const rows = await database.all<{
    owner_id: string;
    url: string;
    sealed_secret: string;
    body: string;
    type: string;
  }>(sql`SELECT e.owner_id, e.url, e.sealed_secret, ev.body, ev.type
    FROM webhook_endpoints e, webhook_events ev WHERE e.id = ${claimed.endpointId} AND ev.id = ${claimed.eventId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    ...claimed,
    ownerId: row.owner_id,
    url: row.url,
    sealedSecret: row.sealed_secret,
    body: row.body,
    eventType: row.type,
  };
}

export interface AttemptRecord {
  attemptId: string;
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

export type Outcome =
  | { kind: "succeeded" }
  | { kind: "retry"; at: number }
  | { kind: "failed" }
  /** a retry, and the endpoint has failed for three days: disable it (which fails what is queued) */
  | { kind: "disable"; reason: string };

const held = (id: string, worker: string) =>
  sql`EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ${id} AND status = 'delivering' AND lease_owner = ${worker})`;

/**
 * The outcome as one batch: the attempt in the log, the delivery's new state, the next delivery of the same
 * resource let through when this one is finished, and the endpoint's health. Returns whether the endpoint was
 * disabled by this batch (so the owner is told once).
 */
export async function recordOutcome(
  database: Database,
  d: ClaimedDelivery,
  worker: string,
  attempt: AttemptRecord,
  outcome: Outcome,
  now: number,
): Promise<{ recorded: boolean; disabled: boolean }> {
  const finished = outcome.kind === "succeeded" || outcome.kind === "failed";
  const status =
    outcome.kind === "succeeded" ? "succeeded" : outcome.kind === "failed" ? "failed" : "pending";
  const nextAt = outcome.kind === "retry" ? outcome.at : now;
  const recordedAttempt = sql`EXISTS (SELECT 1 FROM webhook_attempts WHERE id = ${attempt.attemptId})`;
  const statements: SQL[] = [
    sql`INSERT INTO webhook_attempts (id, delivery_id, attempt, started_at, duration_ms, status_code, error, response_excerpt)
      SELECT ${attempt.attemptId}, ${d.id}, ${d.attempts}, ${attempt.startedAt}, ${attempt.durationMs},
        ${attempt.statusCode}, ${attempt.error}, ${attempt.responseExcerpt}
      WHERE ${held(d.id, worker)}`,
    sql`UPDATE webhook_deliveries SET status = ${status}, next_attempt_at = ${nextAt},
        last_status_code = ${attempt.statusCode}, last_error = ${attempt.error},
        finished_at = ${finished ? now : null}, lease_owner = NULL, lease_until = NULL
      WHERE id = ${d.id} AND status = 'delivering' AND lease_owner = ${worker}`,
    outcome.kind === "succeeded"
      ? sql`UPDATE webhook_endpoints SET failing_since = NULL, last_success_at = ${now}
          WHERE id = ${d.endpointId} AND ${recordedAttempt}`
      : sql`UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ${attempt.startedAt})
          WHERE id = ${d.endpointId} AND ${recordedAttempt}`,
  ];
  if (finished) statements.push(promoteNextStatement(d.endpointId, d.resource, now));
  if (outcome.kind === "disable") {
    statements.push(
      sql`UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ${outcome.reason}, updated_at = ${now}
        WHERE id = ${d.endpointId} AND status = 'active' AND ${recordedAttempt}`,
      sql`UPDATE webhook_deliveries SET status = 'failed', last_error = 'the endpoint was disabled',
          finished_at = ${now}, next_attempt_at = ${now}, lease_owner = NULL, lease_until = NULL
        WHERE endpoint_id = ${d.endpointId} AND (status IN ('pending', 'waiting') OR id = ${d.id})
          AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${d.endpointId} AND status = 'disabled')
          AND ${recordedAttempt}`,
    );
  }
  const results = await database.batch(statements);
  return {
    recorded: (results[0]?.changes ?? 0) === 1,
    disabled: outcome.kind === "disable" && (results[results.length - 2]?.changes ?? 0) === 1,
  };
}

/** Lets the oldest waiting delivery of a resource through, once nothing of that resource is under way. */
export function promoteNextStatement(endpointId: string, resource: string, now: number): SQL {
  return sql`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ${now}
    WHERE id = (SELECT id FROM webhook_deliveries WHERE endpoint_id = ${endpointId} AND resource = ${resource}
        AND status = 'waiting' ORDER BY event_seq, created_at LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ${endpointId} AND resource = ${resource}
        AND status IN ('pending', 'delivering'))`;
}
