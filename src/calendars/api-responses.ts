// What the owner API answers for calendar connections and calendar settings (api-routes.ts,
// connection-view.ts). The OpenAPI document publishes these, and test/platform/openapi-responses.test.ts
// holds real answers to them. Never a secret: passwords and tokens stay in the database, encrypted.
import * as z from "zod";
import { instant } from "../platform/http/openapi-values.ts";

export const connectionResponse = z.object({
  id: z.string(),
  type: z.enum(["google", "caldav", "ics"]),
  name: z.string(),
  status: z.enum(["active", "broken", "error"]),
  url: z.string().optional().meta({ description: "the feed or CalDAV server URL" }),
  username: z.string().optional(),
  accountEmail: z.string().optional(),
  calendars: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      busy: z.boolean().meta({ description: "its events block slots" }),
      readOnly: z.boolean(),
      primary: z.boolean(),
      receivesBookings: z.boolean(),
    }),
  ),
  bookingCalendarId: z.string().nullable(),
  syncIntervalMinutes: z.int(),
  lastSyncAt: instant.nullable(),
  nextSyncAt: instant.nullable(),
  lastError: z.string().nullable(),
  syncing: z.boolean(),
  progress: z
    .object({
      done: z.int(),
      total: z.int().optional(),
      phase: z.string().optional(),
      startedAt: z.number().optional(),
    })
    .nullable(),
  busyIntervals: z.int(),
  createdAt: instant,
  updatedAt: instant,
});

const syncOutcome = z.object({
  status: z.enum(["ok", "error", "broken"]),
  events: z.int(),
  busyIntervals: z.int(),
  error: z.string().optional(),
  durationMs: z.number(),
});

export const connectionCreatedResponse = z.object({ ...connectionResponse.shape, sync: syncOutcome });
export const syncResponse = z.object({ sync: syncOutcome, connection: connectionResponse });

export const calendarSettingsResponse = z.object({
  reminderMinutes: z.int().meta({ description: "before a booking; 0: no reminder" }),
  allDayEvents: z.enum(["busy", "free"]),
  feedUrl: z.string().nullable().meta({ description: "the secret bookings feed (text/calendar); null: off" }),
});

export const feedResponse = z.object({ url: z.string() });
