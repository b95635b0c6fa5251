// What the owner may send to create or change a connection.
import * as z from "zod";

const name = z.string().trim().min(1).max(100);
const interval = z.number().int().min(1).max(1440);
const url = z.string().trim().min(1).max(2000);

const connectionKinds = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("ics"), url, name: name.optional(), syncIntervalMinutes: interval.optional() })
    .strict(),
  z
    .object({
      type: z.literal("caldav"),
      url,
      username: z.string().min(1).max(200),
      password: z.string().min(1).max(1000),
      name: name.optional(),
      syncIntervalMinutes: interval.optional(),
      busyCalendarIds: z.array(z.string().max(2000)).max(100).optional(),
      bookingCalendarId: z.string().max(2000).nullable().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("google"),
      /** a refresh token obtained for this OAuth client; the dashboard's "Connect Google" gets one for you */
      refreshToken: z.string().min(1).max(2000),
      name: name.optional(),
      syncIntervalMinutes: interval.optional(),
      bookingCalendarId: z.string().max(2000).nullable().optional(),
    })
    .strict(),
]);

/** `serverUrl` is accepted for CalDAV too, the name most CalDAV apps give that field. */
export const createConnectionSchema = z.preprocess((body) => {
  if (typeof body !== "object" || body === null) return body;
  const { serverUrl, ...rest } = body as Record<string, unknown>;
  return serverUrl !== undefined && rest.url === undefined && rest.type === "caldav"
    ? { ...rest, url: serverUrl }
    : body;
}, connectionKinds);

export type CreateConnectionInput = z.output<typeof connectionKinds>;

export const updateConnectionSchema = z
  .object({
    name,
    syncIntervalMinutes: interval,
    /** which calendars count as busy time */
    calendars: z.array(z.object({ id: z.string().max(2000), busy: z.boolean() }).strict()).max(100),
    /** the calendar that receives bookings (null: none in this connection) */
    bookingCalendarId: z.string().max(2000).nullable(),
    url,
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
  })
  .partial()
  .strict();

export type UpdateConnectionInput = z.output<typeof updateConnectionSchema>;
