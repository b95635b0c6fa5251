// The webhooks API's shapes: request schemas validate input; response schemas document the answers
// in the OpenAPI document (the same objects the views build).
import * as z from "zod";
import { cursorSchema, limitSchema } from "../platform/http/pagination.ts";
import { WEBHOOK_EVENT_TYPES } from "./event-types.ts";

const eventType = z.enum(WEBHOOK_EVENT_TYPES);
const events = z
  .array(eventType)
  .min(1, "choose at least one event")
  .transform((list) => [...new Set(list)])
  .meta({ description: "the events this endpoint receives" });

export const endpointCreateSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "is required")
    .max(2000)
    .meta({ example: "https://hooks.example.com/creneau" }),
  events,
  description: z.string().trim().max(200).optional(),
});

export const endpointPatchSchema = z.object({
  url: z.string().trim().min(1).max(2000).optional(),
  events: events.optional(),
  description: z.string().trim().max(200).nullable().optional(),
  status: z
    .enum(["active", "disabled"])
    .optional()
    .meta({ description: "disabled: nothing more is sent and queued deliveries fail (replayable)" }),
  rotateSecret: z
    .boolean()
    .optional()
    .meta({ description: "true: a new signing secret, returned once in this answer" }),
});

export const endpointsQuery = z.object({
  status: z.enum(["active", "disabled"]).optional(),
  event: eventType.optional().meta({ description: "only endpoints subscribed to this event" }),
  limit: limitSchema(50, 200),
  cursor: cursorSchema.optional(),
});

export const DELIVERY_STATUSES = ["waiting", "pending", "delivering", "succeeded", "failed"] as const;

export const deliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  eventType: eventType.optional(),
  eventId: z.string().max(100).optional(),
  limit: limitSchema(50, 200),
  cursor: cursorSchema.optional(),
});

const instant = z.iso.datetime({ offset: true });

export const endpointResponse = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(eventType),
  status: z.enum(["active", "disabled"]),
  disabledReason: z.string().nullable(),
  failingSince: instant.nullable(),
  lastSuccessAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  secret: z.string().optional().meta({ description: "the signing secret; only when created or rotated" }),
});

export const attemptResponse = z.object({
  attempt: z.int(),
  startedAt: instant,
  durationMs: z.int(),
  statusCode: z.int().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});

export const deliveryResponse = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: eventType,
  resource: z.string().meta({ description: "what the event is about, e.g. booking:<id>" }),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.int(),
  nextAttemptAt: instant.nullable(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  replayOf: z.string().nullable(),
  createdAt: instant,
  finishedAt: instant.nullable(),
  log: z.array(attemptResponse),
});

export const payloadSchema = z.object({
  id: z.string().meta({ description: "the event id: the same on every retry and replay" }),
  type: eventType,
  createdAt: instant,
  data: z.record(z.string(), z.unknown()),
});
