// What the owner API answers for workflow runs and ticks (api-routes.ts, tick.ts). The OpenAPI document
// publishes these, and test/platform/openapi-responses.test.ts holds real answers to them.
import * as z from "zod";
import { instant, jsonObject } from "../http/openapi-values.ts";

export const runResponse = z.object({
  id: z.string(),
  workflow: z.string(),
  key: z.string().meta({ description: "what the run is about, e.g. a booking or mission id" }),
  status: z.enum(["waiting", "running", "completed", "failed", "cancelled"]),
  waitingOn: z.string().nullable(),
  wakeAt: instant.nullable().meta({ description: "when a waiting run goes on" }),
  attempts: z.int(),
  lastError: z.string().nullable(),
  input: jsonObject,
  createdAt: instant,
  updatedAt: instant,
  finishedAt: instant.nullable(),
});

const count = z.int().min(0);

export const tickResponse = z.object({
  at: instant,
  workflows: z.object({ claimed: count, completed: count, waiting: count, failed: count, lost: count }),
  calendars: z.object({
    syncChainsStarted: count.meta({ description: "connections whose sync runs were started" }),
    bookingEvents: count.meta({ description: "bookings written to a calendar again" }),
  }),
  leadDeclines: z.object({ sent: count }),
  missions: z.object({
    started: count.meta({ description: "planned missions whose start date arrived, now active" }),
  }),
  mail: z.object({ sent: count, failed: count, retrying: count }),
  webhooks: z.object({
    claimed: count,
    delivered: count,
    retrying: count,
    failed: count,
    disabledEndpoints: count,
  }),
});
