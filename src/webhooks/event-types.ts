// The events an endpoint can subscribe to, and the resource each one is about. Pure.
// Deliveries of one resource to one endpoint go out in order, so the resource is part of the contract.

export const WEBHOOK_EVENT_TYPES = [
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "lead.created",
  "lead.triaged",
  "lead.stage_changed",
  "mission.started",
  "mission.ended",
  "activity_report.approved",
  "invoice.issued",
  "invoice.paid",
  "rating.requested",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an event is about; its deliveries to one endpoint are ordered by this. */
export type ResourceKind = "booking" | "lead" | "mission" | "activity_report" | "invoice";

export const RESOURCE_OF: Record<WebhookEventType, ResourceKind> = {
  "booking.created": "booking",
  "booking.rescheduled": "booking",
  "booking.cancelled": "booking",
  "lead.created": "lead",
  "lead.triaged": "lead",
  "lead.stage_changed": "lead",
  "mission.started": "mission",
  "mission.ended": "mission",
  // A rating is asked for a mission: it joins the mission's order (after mission.ended).
  "rating.requested": "mission",
  "activity_report.approved": "activity_report",
  "invoice.issued": "invoice",
  "invoice.paid": "invoice",
};

export function resourceKey(type: WebhookEventType, resourceId: string): string {
  return `${RESOURCE_OF[type]}:${resourceId}`;
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The JSON body every endpoint receives; `id` is the same across retries and replays (dedupe on it). */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: Record<string, unknown>;
}

export function payloadBody(payload: WebhookPayload): string {
  return JSON.stringify(payload);
}
