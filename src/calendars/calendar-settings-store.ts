// The owner's calendar preferences, kept in owner_settings.
import type { Database } from "../platform/db/database.ts";
import { getOwnerSetting, putOwnerSetting } from "../platform/db/owner-settings.ts";
import { CALENDAR_SETTINGS_KEY, type CalendarSettings, readCalendarSettings } from "./calendar-settings.ts";

export async function loadCalendarSettings(database: Database, ownerId: string): Promise<CalendarSettings> {
  return readCalendarSettings(await getOwnerSetting(database, ownerId, CALENDAR_SETTINGS_KEY));
}

export async function saveCalendarSettings(
  database: Database,
  ownerId: string,
  settings: CalendarSettings,
  now: number,
): Promise<void> {
  await putOwnerSetting(database, ownerId, CALENDAR_SETTINGS_KEY, settings, now);
}
