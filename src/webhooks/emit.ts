// Records a domain event for the owner's webhook endpoints: the event (with the exact body to sign) and one
// delivery per subscribed endpoint. The statements join the batch of the change they report, so the change and
// its event are stored together or not at all; after the batch, delivery is nudged so it usually leaves within
// a second. Nothing is recorded when no active endpoint wants this type.
import { type SQL, sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { errorFields } from "../platform/logger.ts";
import { payloadBody, resourceKey, type WebhookEventType } from "./event-types.ts";
import { nudgeDelivery } from "./nudge.ts";

export interface WebhookEventInput {
  ownerId: string;
  type: WebhookEventType;
  /** the booking, lead, mission, report or invoice the event is about */
  resourceId: string;
  data: Record<string, unknown>;
  /** Same key twice = one event. Omitted: every call is a new event. */
  dedupeKey?: string;
  /** Fields of `data` only the batch knows (an invoice's number), read when the event is recorded. */
  dataFromSql?: Record<string, SQL>;
}

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

/** The endpoint `e` is active and subscribed to the event type `type` (a column of the statement). */
const wants = (type: SQL) =>
  sql`e.status = 'active' AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = ${type})`;

function bodyOf(body: string, fromSql: Record<string, SQL> | undefined): SQL {
  const fields = Object.entries(fromSql ?? {});
  if (fields.length === 0) return sql`${body}`;
  const sets = sql.join(
    fields.map(([name, value]) => sql`${`$.data.${name}`}, (${value})`),
    sql`, `,
  );
  return sql`json_set(${body}, ${sets})`;
}

/**
 * The two statements recording these events, for the batch of the change they report: one inserts the events
 * (in the order given, so their sequence follows it), one fans them out to the endpoints that want them.
 * `onlyIf` is the change having happened, read inside that batch (a guarded write that did nothing records no
 * event). Both are plain conditional inserts that do nothing on a duplicate, so they never make the change
 * fail on their own. Two statements whatever the number of events: every booking records three, and each
 * statement has a fixed cost in the batch.
 */
export function webhookEventStatements(
  deps: Deps,
  input: WebhookEventInput | WebhookEventInput[],
  onlyIf?: SQL,
): SQL[] {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return [];
  const now = deps.clock.now();
  const ids = inputs.map(() => deps.newId());
  const rows = inputs.map((i, order) => {
    const id = ids[order]!;
    const body = payloadBody({ id, type: i.type, createdAt: new Date(now).toISOString(), data: i.data });
    return sql`(${order}, ${id}, ${i.ownerId}, ${i.type}, ${resourceKey(i.type, i.resourceId)}, ${i.dedupeKey ?? `${i.type}:${id}`}, ${bodyOf(body, i.dataFromSql)})`;
  });
  const events = sql`INSERT INTO webhook_events (id, owner_id, type, resource, dedupe_key, body, created_at)
    SELECT v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, ${now}
    FROM (VALUES ${sql.join(rows, sql`, `)}) v
    WHERE (${onlyIf ?? sql`1`})
      AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.owner_id = v.column3 AND ${wants(sql`v.column4`)})
    ORDER BY v.column1
    ON CONFLICT (owner_id, dedupe_key) DO NOTHING`;
  // An event recorded (a duplicate key leaves another id in place) goes to each endpoint that wants it. Behind
  // an unfinished delivery of the same resource to the same endpoint, it waits its turn; so it does behind an
  // earlier event of this very statement, which the CASE cannot see as a delivery yet (SQLite reads the
  // SELECT in full before it inserts, since it reads the table it writes).
  const recorded = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const fanOut = sql`INSERT INTO webhook_deliveries (id, owner_id, endpoint_id, event_id, event_seq, event_type,
      resource, dedupe_key, status, attempts, next_attempt_at, created_at)
    SELECT lower(hex(randomblob(16))), e.owner_id, e.id, ev.id, ev.seq, ev.type, ev.resource, ev.id,
      CASE WHEN EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = e.id AND o.resource = ev.resource
          AND o.status IN ('waiting', 'pending', 'delivering'))
        OR EXISTS (SELECT 1 FROM webhook_events prior WHERE prior.id IN (${recorded}) AND prior.seq < ev.seq
          AND prior.resource = ev.resource AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = prior.type))
      THEN 'waiting' ELSE 'pending' END,
      0, ${now}, ${now}
    FROM webhook_events ev JOIN webhook_endpoints e ON e.owner_id = ev.owner_id
    WHERE ev.id IN (${recorded}) AND ${wants(sql`ev.type`)}
    ORDER BY ev.seq
    ON CONFLICT (endpoint_id, dedupe_key) DO NOTHING`;
  return [events, fanOut];
}

export interface WebhookEventsForBatch {
  /** To put LAST in the change's batch, in this order (events of one resource are delivered in it). */
  statements: SQL[];
  /** Once the batch succeeded, with its results: starts delivery now if an event was recorded. */
  afterBatch(results: readonly { changes: number }[]): void;
}

/** Several events for one change, all conditioned on the same `onlyIf`. */
export function webhookEventsForBatch(
  deps: AppDeps,
  input: WebhookEventInput | WebhookEventInput[],
  onlyIf?: SQL,
): WebhookEventsForBatch {
  const statements = webhookEventStatements(deps, input, onlyIf);
  return {
    statements,
    afterBatch(results) {
      // The fan-out comes last: a delivery recorded means there is something to send.
      if (statements.length > 0 && (results.at(-1)?.changes ?? 0) > 0) nudgeDelivery(deps);
    },
  };
}

/**
 * Records events that are a change of their own (nothing else to batch with), then nudges delivery. A failure
 * is logged, never thrown.
 */
export async function emitWebhookEvent(
  deps: AppDeps,
  input: WebhookEventInput | WebhookEventInput[],
): Promise<void> {
  const events = webhookEventsForBatch(deps, input);
  if (events.statements.length === 0) return;
  try {
    events.afterBatch(await deps.database.batch(events.statements));
  } catch (error) {
    deps.logger.error("webhook event not recorded", {
      types: (Array.isArray(input) ? input : [input]).map((i) => i.type).join(","),
      ...errorFields(error),
    });
  }
}
