// Records a domain event for the owner's webhook endpoints: the event (with the exact body to sign) and one
// delivery per subscribed endpoint, in one batch, then nudges delivery so it usually leaves within a second.
// Nothing is recorded when no active endpoint wants this type.
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
}

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

const wants = (type: string) =>
  sql`e.status = 'active' AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = ${type})`;

/** The two statements, for a caller that wants them in the batch of the change they report. */
export function webhookEventStatements(deps: Deps, input: WebhookEventInput): SQL[] {
  const id = deps.newId();
  const now = deps.clock.now();
  const dedupeKey = input.dedupeKey ?? `${input.type}:${id}`;
  const resource = resourceKey(input.type, input.resourceId);
  const body = payloadBody({
    id,
    type: input.type,
    createdAt: new Date(now).toISOString(),
    data: input.data,
  });
  const event = sql`INSERT INTO webhook_events (id, owner_id, type, resource, dedupe_key, body, created_at)
    SELECT ${id}, ${input.ownerId}, ${input.type}, ${resource}, ${dedupeKey}, ${body}, ${now}
    WHERE EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.owner_id = ${input.ownerId} AND ${wants(input.type)})
    ON CONFLICT (owner_id, dedupe_key) DO NOTHING`;
  // Behind an unfinished delivery of the same resource to the same endpoint, a delivery waits its turn.
  const fanOut = sql`INSERT INTO webhook_deliveries (id, owner_id, endpoint_id, event_id, event_seq, event_type,
      resource, dedupe_key, status, attempts, next_attempt_at, created_at)
    SELECT lower(hex(randomblob(16))), e.owner_id, e.id, ev.id, ev.seq, ev.type, ev.resource, ev.id,
      CASE WHEN EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = e.id AND o.resource = ev.resource
        AND o.status IN ('waiting', 'pending', 'delivering')) THEN 'waiting' ELSE 'pending' END,
      0, ${now}, ${now}
    FROM webhook_events ev JOIN webhook_endpoints e ON e.owner_id = ev.owner_id
    WHERE ev.owner_id = ${input.ownerId} AND ev.dedupe_key = ${dedupeKey} AND ev.id = ${id} AND ${wants(input.type)}
    ON CONFLICT (endpoint_id, dedupe_key) DO NOTHING`;
  return [event, fanOut];
}

/**
 * Records the event(s) after the change they report, in order, in one batch. A failure here is logged, never
 * thrown: a booking must not fail because an integration is misconfigured.
 */
export async function emitWebhookEvent(
  deps: AppDeps,
  input: WebhookEventInput | WebhookEventInput[],
): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return;
  try {
    const results = await deps.database.batch(inputs.flatMap((i) => webhookEventStatements(deps, i)));
    if (results.some((r, i) => i % 2 === 1 && r.changes > 0)) nudgeDelivery(deps);
  } catch (error) {
    deps.logger.error("webhook event not recorded", {
      types: inputs.map((i) => i.type).join(","),
      ...errorFields(error),
    });
  }
}
