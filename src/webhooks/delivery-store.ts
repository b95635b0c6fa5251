// The delivery queue's statements: claim due deliveries under a lease, and record outcomes. Every write after
// the claim is guarded by "this worker still holds the lease", so a scheduler that lost its lease (it stalled
// past LEASE_SECONDS) cannot record anything over the one that took over.
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
export async function releaseExpiredLeases(
  database: Database,
  now: number,
  ownerId?: string,
): Promise<number> {
  const result = await database.run(sql`UPDATE webhook_deliveries
    SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = ${now}
    WHERE status = 'delivering' AND lease_until < ${now}${ownerId ? sql` AND owner_id = ${ownerId}` : sql``}`);
  return result.changes;
}

/**
 * Claims up to `count` due deliveries, most overdue first, in one statement (two workers never share one), and
 * reads what to send for them. Only the oldest unfinished delivery of a resource to an endpoint is ever
 * "pending", so a claim never holds two of the same resource and endpoint.
 */
export async function claimDue(
  database: Database,
  worker: string,
  now: number,
  leaseMs: number,
  count: number,
  /** an owner's own tick (POST /api/workflows/tick) claims only that owner's deliveries */
  ownerId?: string,
): Promise<DeliveryToSend[]> {
  const claimed = await database.all<{ id: string }>(sql`UPDATE webhook_deliveries
    SET status = 'delivering', lease_owner = ${worker}, lease_until = ${now + leaseMs},
      attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ${now})
    WHERE id IN (SELECT d.id FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now}${ownerId ? sql` AND d.owner_id = ${ownerId}` : sql``}
          AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.status = 'active')
        ORDER BY d.next_attempt_at LIMIT ${count})
      AND status = 'pending'
    RETURNING id`);
  if (claimed.length === 0) return [];
  const rows = await database.all<{
    id: string;
    endpoint_id: string;
    event_id: string;
    resource: string;
    attempts: number;
    first_attempt_at: number;
    owner_id: string;
    url: string;
    sealed_secret: string;
    body: string;
    type: string;
  }>(sql`SELECT d.id, d.endpoint_id, d.event_id, d.resource, d.attempts, d.first_attempt_at,
      e.owner_id, e.url, e.sealed_secret, ev.body, ev.type
    FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id
      JOIN webhook_events ev ON ev.id = d.event_id
    WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(claimed.map((c) => c.id))}))
      AND d.lease_owner = ${worker}
    ORDER BY d.next_attempt_at`);
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    resource: r.resource,
    attempts: r.attempts,
    firstAttemptAt: r.first_attempt_at,
    ownerId: r.owner_id,
    url: r.url,
    sealedSecret: r.sealed_secret,
    body: r.body,
    eventType: r.type,
  }));
}

export interface AttemptRecord {
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
  /** the endpoint has failed for three days: disable it, which fails what is queued for it, this one included */
  | { kind: "disable"; reason: string };

export interface RecordedOutcome {
  delivery: ClaimedDelivery;
  attempt: AttemptRecord;
  outcome: Outcome;
}

/**
 * Outcomes as one batch: the attempts in the log, each delivery's new state, the next delivery of each finished
 * resource let through, and the endpoints' health. Returns, per outcome, whether it was recorded (this worker
 * still held the lease) and whether it disabled the endpoint. A few statements serve the whole batch, so the
 * cost per delivery stays small.
 */
export async function recordOutcomes(
  database: Database,
  worker: string,
  outcomes: RecordedOutcome[],
  now: number,
): Promise<{ recorded: boolean; disabled: boolean }[]> {
  if (outcomes.length === 0) return [];
  const statements: SQL[] = [attemptsInsert(outcomes, worker)];
  const updates = outcomes.map(({ delivery, attempt, outcome }) => {
    statements.push(deliveryUpdate(delivery, worker, attempt, outcome, now));
    return statements.length - 1;
  });
  const finished = outcomes.filter((o) => o.outcome.kind === "succeeded" || o.outcome.kind === "failed");
  if (finished.length > 0)
    statements.push(
      promoteNextStatement(
        finished.map((o) => o.delivery),
        now,
      ),
    );
  statements.push(...healthStatements(outcomes, now));
  const disables = outcomes.map(({ delivery, outcome }) => {
    if (outcome.kind !== "disable") return null;
    statements.push(...disableStatements(delivery, outcome.reason, now));
    return statements.length - 2;
  });
  const results = await database.batch(statements);
  return outcomes.map((_, i) => ({
    recorded: (results[updates[i]!]?.changes ?? 0) === 1,
    disabled: disables[i] !== null && (results[disables[i]!]?.changes ?? 0) === 1,
  }));
}

/**
 * One insert for the batch's attempts, each only while this worker holds its delivery. The rows travel as one
 * JSON parameter: D1 allows 100 bound parameters per statement, a batch of attempts would need hundreds.
 */
function attemptsInsert(outcomes: RecordedOutcome[], worker: string): SQL {
  const rows = JSON.stringify(
    outcomes.map(({ delivery: d, attempt: a }) => [
      d.id,
      d.attempts,
      a.startedAt,
      a.durationMs,
      a.statusCode,
      a.error,
      a.responseExcerpt,
    ]),
  );
  return sql`INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, response_excerpt)
    SELECT r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6
    FROM json_each(${rows}) AS r
    WHERE EXISTS (SELECT 1 FROM webhook_deliveries d
      WHERE d.id = r.value ->> 0 AND d.status = 'delivering' AND d.lease_owner = ${worker})
    ON CONFLICT (delivery_id, attempt) DO NOTHING`;
}

function deliveryUpdate(
  d: ClaimedDelivery,
  worker: string,
  attempt: AttemptRecord,
  outcome: Outcome,
  now: number,
): SQL {
  const finished = outcome.kind === "succeeded" || outcome.kind === "failed";
  const status =
    outcome.kind === "succeeded" ? "succeeded" : outcome.kind === "failed" ? "failed" : "pending";
  return sql`UPDATE webhook_deliveries SET status = ${status},
      next_attempt_at = ${outcome.kind === "retry" ? outcome.at : now},
      last_status_code = ${attempt.statusCode}, last_error = ${attempt.error},
      finished_at = ${finished ? now : null}, lease_owner = NULL, lease_until = NULL
    WHERE id = ${d.id} AND status = 'delivering' AND lease_owner = ${worker}`;
}

const HEALTH_RESOLUTION_MS = 60_000;

/**
 * Per endpoint: any success ends its failure streak (a healthy endpoint's row is rewritten at most once a
 * minute); failures alone start one if none is running.
 */
function healthStatements(outcomes: RecordedOutcome[], now: number): SQL[] {
  const byEndpoint = new Map<string, { success: boolean; firstFailure: number }>();
  for (const { delivery, attempt, outcome } of outcomes) {
    const seen = byEndpoint.get(delivery.endpointId) ?? {
      success: false,
      firstFailure: Number.POSITIVE_INFINITY,
    };
    if (outcome.kind === "succeeded") seen.success = true;
    else seen.firstFailure = Math.min(seen.firstFailure, attempt.startedAt);
    byEndpoint.set(delivery.endpointId, seen);
  }
  return [...byEndpoint].map(([id, seen]) =>
    seen.success
      ? sql`UPDATE webhook_endpoints SET failing_since = NULL, last_success_at = ${now}
          WHERE id = ${id} AND (failing_since IS NOT NULL OR last_success_at IS NULL
            OR last_success_at < ${now - HEALTH_RESOLUTION_MS})`
      : sql`UPDATE webhook_endpoints SET failing_since = ${seen.firstFailure} WHERE id = ${id} AND failing_since IS NULL`,
  );
}

/** Disables the endpoint (once) and fails what is still queued for it, this delivery included. */
function disableStatements(d: ClaimedDelivery, reason: string, now: number): [SQL, SQL] {
  return [
    sql`UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ${reason}, updated_at = ${now}
      WHERE id = ${d.endpointId} AND status = 'active'`,
    sql`UPDATE webhook_deliveries SET status = 'failed', last_error = 'the endpoint was disabled',
        finished_at = ${now}, next_attempt_at = ${now}, lease_owner = NULL, lease_until = NULL
      WHERE endpoint_id = ${d.endpointId} AND status IN ('pending', 'waiting')
        AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${d.endpointId} AND status = 'disabled')`,
  ];
}

/** The partial chain index holds unfinished deliveries; a query uses it only when it repeats this condition. */
const UNFINISHED = sql.raw("status IN ('waiting', 'pending', 'delivering')");

/** Lets the oldest waiting delivery of each resource through, once nothing of that resource is under way. */
export function promoteNextStatement(finished: { endpointId: string; resource: string }[], now: number): SQL {
  const chains = JSON.stringify(finished.map((d) => [d.endpointId, d.resource]));
  return sql`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ${now}
    WHERE id IN (SELECT (SELECT w.id FROM webhook_deliveries w
          WHERE w.endpoint_id = c.value ->> 0 AND w.resource = c.value ->> 1
            AND ${UNFINISHED} AND w.status = 'waiting' ORDER BY w.event_seq LIMIT 1)
        FROM json_each(${chains}) AS c
        WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries u
          WHERE u.endpoint_id = c.value ->> 0 AND u.resource = c.value ->> 1
            AND ${UNFINISHED} AND u.status IN ('pending', 'delivering')))`;
}
