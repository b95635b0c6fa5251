// The document served at /api/openapi.json, built once per base URL.

import { buildOpenApiDocument, type OperationSpec } from "./openapi.ts";
import { BOOKING_OPERATIONS } from "./openapi-operations-booking.ts";
import { BUSINESS_OPERATIONS } from "./openapi-operations-business.ts";
import { PLATFORM_OPERATIONS } from "./openapi-operations-platform.ts";

export const OPERATIONS: OperationSpec[] = [
  ...BOOKING_OPERATIONS,
  ...BUSINESS_OPERATIONS,
  ...PLATFORM_OPERATIONS,
];

const DESCRIPTION = `Créneau's JSON API. Authenticate with \`Authorization: Bearer <api key>\`; GET needs the
\`read\` scope and every other method \`write\`. Each key may make a limited number of requests a minute
(429 with Retry-After beyond it). Lists answer \`{ items, nextCursor }\`: pass \`nextCursor\` back as
\`cursor\` for the next page. Errors are RFC 9457 problem details. Webhooks: see docs/webhooks.md.`;

const cache = new Map<string, Record<string, unknown>>();

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  let document = cache.get(baseUrl);
  if (!document) {
    document = buildOpenApiDocument(
      { title: "Créneau API", version: "0.1.0", description: DESCRIPTION, serverUrl: baseUrl },
      OPERATIONS,
    );
    cache.set(baseUrl, document);
  }
  return document;
}
