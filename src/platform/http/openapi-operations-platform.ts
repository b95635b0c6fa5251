// Calendars, workflows, the outbox, the account, and webhooks.
import { meResponse } from "../../accounts/api-responses.ts";
import {
  calendarSettingsResponse,
  connectionCreatedResponse,
  connectionResponse,
  feedResponse,
  syncResponse,
} from "../../calendars/api-responses.ts";
import { calendarsQuery, syncQuery } from "../../calendars/api-routes.ts";
import { calendarSettingsPatchSchema } from "../../calendars/calendar-settings.ts";
import { createConnectionSchema, updateConnectionSchema } from "../../calendars/connection-input.ts";
import {
  deliveriesQuery,
  deliveryResponse,
  endpointCreateSchema,
  endpointPatchSchema,
  endpointResponse,
  endpointsQuery,
} from "../../webhooks/schemas.ts";
import {
  outboxEmailResponse,
  outboxSummaryResponse,
  resendUnsentResponse,
} from "../mail/outbox-responses.ts";
import { outboxQuery } from "../mail/outbox-routes.ts";
import { runResponse, tickResponse } from "../workflows/api-responses.ts";
import { runsQuery } from "../workflows/api-routes.ts";
import type { OperationSpec } from "./openapi.ts";
import { conflict, created, file, noContent, ok, operation, page } from "./openapi-operation-kit.ts";

const calendars = { tag: "Calendars" };
const workflows = { tag: "Workflows" };
const outbox = { tag: "Outbox" };
const webhooks = { tag: "Webhooks" };

export const PLATFORM_OPERATIONS: OperationSpec[] = [
  operation("get", "/api/me", "getMe", "The owner this key belongs to", "read", {
    tag: "Account",
    responses: { 200: ok("The owner", meResponse) },
  }),

  operation("get", "/api/calendars", "listCalendars", "Calendar connections", "read", {
    ...calendars,
    query: calendarsQuery,
    responses: { 200: page("Connections, oldest first", connectionResponse) },
  }),
  operation(
    "post",
    "/api/calendars",
    "createCalendar",
    "Connect a calendar (google, caldav or ics)",
    "write",
    {
      ...calendars,
      body: createConnectionSchema,
      responses: { 201: created("The connection and its first sync", connectionCreatedResponse) },
    },
  ),
  operation("get", "/api/calendars/{id}", "getCalendar", "A connection", "read", {
    ...calendars,
    responses: { 200: ok("The connection", connectionResponse) },
  }),
  operation("patch", "/api/calendars/{id}", "updateCalendar", "Change a connection", "write", {
    ...calendars,
    body: updateConnectionSchema,
    responses: { 200: ok("The connection, changed", connectionResponse) },
  }),
  operation("delete", "/api/calendars/{id}", "deleteCalendar", "Disconnect", "write", {
    ...calendars,
    responses: { 204: noContent },
  }),
  operation("post", "/api/calendars/{id}/sync", "syncCalendar", "Sync now", "write", {
    ...calendars,
    query: syncQuery,
    responses: {
      200: ok("What the sync did, and the connection after it", syncResponse),
      409: conflict("A sync is already running"),
    },
  }),
  operation(
    "get",
    "/api/settings/calendars",
    "getCalendarSettings",
    "Reminders and the bookings feed",
    "read",
    { ...calendars, responses: { 200: ok("The settings", calendarSettingsResponse) } },
  ),
  operation(
    "patch",
    "/api/settings/calendars",
    "updateCalendarSettings",
    "Change calendar settings",
    "write",
    {
      ...calendars,
      body: calendarSettingsPatchSchema,
      responses: { 200: ok("The settings, changed", calendarSettingsResponse) },
    },
  ),
  operation(
    "post",
    "/api/calendar-feed",
    "renewBookingsFeed",
    "Turn on the bookings feed, or get a new URL",
    "write",
    {
      ...calendars,
      responses: { 201: ok("The feed's new secret URL (the old one stops working)", feedResponse) },
    },
  ),
  operation("delete", "/api/calendar-feed", "disableBookingsFeed", "Turn the bookings feed off", "write", {
    ...calendars,
    responses: { 204: noContent },
  }),

  operation("get", "/api/workflows/runs", "listWorkflowRuns", "Workflow runs, newest first", "read", {
    ...workflows,
    query: runsQuery,
    responses: { 200: page("Runs", runResponse) },
  }),
  operation("post", "/api/workflows/runs/{id}/retry", "retryWorkflowRun", "Retry a failed run", "write", {
    ...workflows,
    responses: {
      200: ok("The run, waiting again", runResponse),
      409: conflict("Only a failed run can be retried"),
    },
  }),
  operation(
    "post",
    "/api/workflows/runs/{id}/cancel",
    "cancelWorkflowRun",
    "Cancel a waiting or failed run",
    "write",
    {
      ...workflows,
      responses: {
        200: ok("The run, cancelled", runResponse),
        409: conflict("The run is running or finished"),
      },
    },
  ),
  operation(
    "post",
    "/api/workflows/tick",
    "tick",
    "Run the key owner's due work now (runs, emails, webhook deliveries); the scheduler runs everyone's",
    "write",
    { ...workflows, responses: { 200: ok("What the tick did for this owner", tickResponse) } },
  ),

  operation("get", "/api/outbox", "listOutbox", "Every email sent, newest first", "read", {
    ...outbox,
    query: outboxQuery,
    responses: { 200: page("Emails", outboxSummaryResponse) },
  }),
  operation(
    "post",
    "/api/outbox/resend-unsent",
    "resendUnsentOutbox",
    "Send the emails left unsent for want of a mail transport, those still meaningful; expire the others",
    "write",
    {
      ...outbox,
      responses: {
        200: ok("How many were queued and how many expired", resendUnsentResponse),
        409: conflict("No mail transport is configured: the emails stay unsent"),
      },
    },
  ),
  operation("get", "/api/outbox/{id}", "getOutboxEmail", "An email with its HTML and text", "read", {
    ...outbox,
    responses: { 200: ok("The email", outboxEmailResponse) },
  }),
  operation("get", "/api/outbox/{id}/raw", "getOutboxEmailRaw", "The raw message", "read", {
    ...outbox,
    responses: { 200: file("RFC 5322 message", "message/rfc822") },
  }),

  operation("get", "/api/webhooks", "listWebhooks", "Webhook endpoints, newest first", "read", {
    ...webhooks,
    query: endpointsQuery,
    responses: { 200: page("Endpoints", endpointResponse) },
  }),
  operation("post", "/api/webhooks", "createWebhook", "Register an endpoint", "write", {
    ...webhooks,
    body: endpointCreateSchema,
    responses: {
      201: created("The endpoint, with its signing secret (shown once)", endpointResponse),
      409: conflict("Too many endpoints"),
    },
  }),
  operation("get", "/api/webhooks/{id}", "getWebhook", "An endpoint", "read", {
    ...webhooks,
    responses: { 200: ok("The endpoint", endpointResponse) },
  }),
  operation(
    "patch",
    "/api/webhooks/{id}",
    "updateWebhook",
    "Change, disable, enable or rotate its secret",
    "write",
    {
      ...webhooks,
      body: endpointPatchSchema,
      responses: { 200: ok("The endpoint (with secret when rotated)", endpointResponse) },
    },
  ),
  operation("delete", "/api/webhooks/{id}", "deleteWebhook", "Delete an endpoint and its log", "write", {
    ...webhooks,
    responses: { 204: noContent },
  }),
  operation(
    "get",
    "/api/webhooks/{id}/deliveries",
    "listWebhookDeliveries",
    "The delivery log, newest first",
    "read",
    {
      ...webhooks,
      query: deliveriesQuery,
      responses: { 200: page("Deliveries with their attempts", deliveryResponse) },
    },
  ),
  operation(
    "post",
    "/api/webhook-deliveries/{id}/replay",
    "replayWebhookDelivery",
    "Send an event again",
    "write",
    {
      ...webhooks,
      responses: {
        202: ok("The new delivery, queued", deliveryResponse),
        409: conflict("Still on its way, or the endpoint is disabled"),
      },
    },
  ),
];
