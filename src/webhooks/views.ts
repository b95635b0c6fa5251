// The JSON the API answers with (documented by the response schemas in schemas.ts).
import type { AttemptRow, DeliveryRow } from "./delivery-queries.ts";
import type { EndpointRow } from "./endpoint-store.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function endpointJson(e: EndpointRow, secret?: string) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.status,
    disabledReason: e.disabledReason,
    failingSince: iso(e.failingSince),
    lastSuccessAt: iso(e.lastSuccessAt),
    createdAt: iso(e.createdAt)!,
    updatedAt: iso(e.updatedAt)!,
    ...(secret ? { secret } : {}),
  };
}

export function attemptJson(a: AttemptRow) {
  return {
    attempt: a.attempt,
    startedAt: iso(a.startedAt)!,
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    error: a.error,
    responseExcerpt: a.responseExcerpt,
  };
}

export function deliveryJson(d: DeliveryRow, log: AttemptRow[]) {
  const open = d.status === "pending" || d.status === "waiting";
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    resource: d.resource,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: open ? iso(d.nextAttemptAt) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    replayOf: d.replayOf,
    createdAt: iso(d.createdAt)!,
    finishedAt: iso(d.finishedAt),
    log: log.map(attemptJson),
  };
}
