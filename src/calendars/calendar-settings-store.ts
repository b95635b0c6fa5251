// The owner's calendar preferences (reminders, all-day events, bookings feed) in owner_settings.
import { and, eq } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { ownerSettings } from "../platform/db/schema.ts";
import { CALENDAR_SETTINGS_KEY, type CalendarSettings, readCalendarSettings } from "./calendar-settings.ts";

export async function loadCalendarSettings(database: Database, ownerId: string): Promise<CalendarSettings> {
  const row = await database.db
    .select({ value: ownerSettings.value })
    .from(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), eq(ownerSettings.key, CALENDAR_SETTINGS_KEY)))
    .get();
  return readCalendarSettings(row?.value);
}

export async function saveCalendarSettings(
  database: Database,
  ownerId: string,
  settings: CalendarSettings,
  now: number,
): Promise<void> {
  await database.db
    .insert(ownerSettings)
    .values({ ownerId, key: CALENDAR_SETTINGS_KEY, value: settings, updatedAt: now })
    .onConflictDoUpdate({
      target: [ownerSettings.ownerId, ownerSettings.key],
      set: { value: settings, updatedAt: now },
    });
}
