// The owner's lead settings and import jobs, kept in owner_settings.
import type { Database } from "../platform/db/database.ts";
import { getOwnerSetting, putOwnerSetting } from "../platform/db/owner-settings.ts";
import { LEAD_SETTINGS_KEY, type LeadSettings, readLeadSettings } from "./lead-settings.ts";

export {
  deleteOwnerSettingStatement as deleteSettingStatement,
  getOwnerSetting as getSetting,
  ownerSettingsUnder as settingsUnder,
  putOwnerSetting as putSetting,
  putOwnerSettingStatement as putSettingStatement,
} from "../platform/db/owner-settings.ts";

export async function getLeadSettings(database: Database, ownerId: string): Promise<LeadSettings> {
  return readLeadSettings(await getOwnerSetting(database, ownerId, LEAD_SETTINGS_KEY));
}

export async function saveLeadSettings(
  database: Database,
  ownerId: string,
  settings: LeadSettings,
  now: number,
): Promise<void> {
  await putOwnerSetting(database, ownerId, LEAD_SETTINGS_KEY, settings, now);
}
