// The owner's calendar preferences, stored as one JSON value in owner_settings. Pure parsing and defaults.
import * as z from "zod";
import { REMINDER_LEADS } from "./reminders.ts";

export const calendarSettingsSchema = z.object({
  /** minutes before each call the owner is emailed; 0: no reminders */
  reminderMinutes: z.union([z.literal(0), ...REMINDER_LEADS.map((n) => z.literal(n))]).default(30),
  /** "busy": an all-day event (not marked free) blocks the whole day; "free": all-day events never block */
  allDayEvents: z.enum(["busy", "free"]).default("busy"),
  /** the bookings feed is served */
  feedEnabled: z.boolean().default(false),
  /** part of the feed URL's token: raising it revokes every URL given out before (it never goes back) */
  feedVersion: z.number().int().min(0).default(0),
});

export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

export const CALENDAR_SETTINGS_KEY = "calendars";

export function readCalendarSettings(raw: unknown): CalendarSettings {
  const parsed = calendarSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : calendarSettingsSchema.parse({});
}

export const calendarSettingsPatchSchema = z
  .object({
    reminderMinutes: calendarSettingsSchema.shape.reminderMinutes.unwrap(),
    allDayEvents: calendarSettingsSchema.shape.allDayEvents.unwrap(),
  })
  .partial()
  .strict();
