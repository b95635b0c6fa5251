// What GET /api/outbox and /api/outbox/{id} answer (outbox-routes.ts). The OpenAPI document publishes
// these, and test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import { instant } from "../http/openapi-values.ts";

export const outboxSummaryResponse = z.object({
  id: z.string(),
  to: z.array(z.object({ address: z.string(), name: z.string().nullable() })),
  subject: z.string(),
  why: z.string().meta({ description: "the workflow or action that sent it" }),
  status: z.enum(["queued", "sending", "sent", "failed", "unsent", "expired"]),
  attempts: z.int(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  createdAt: instant,
  sentAt: instant.nullable(),
  rawUrl: z.string().meta({ description: "the RFC 5322 message" }),
});

export const outboxEmailResponse = z.object({
  ...outboxSummaryResponse.shape,
  html: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
});

export const resendUnsentResponse = z.object({
  requeued: z.int().meta({ description: "emails queued for sending, oldest first" }),
  expired: z.int().meta({ description: "emails too old to send (a reminder of a call that has passed…)" }),
});
