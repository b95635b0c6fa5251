// The business identity and the owner's days off, kept in owner_settings.
import type { Database } from "../platform/db/database.ts";
import { getOwnerSetting } from "../platform/db/owner-settings.ts";
import { BUSINESS_SETTINGS_KEY, type BusinessSettings } from "./business-settings.ts";

export { getOwnerSetting, putOwnerSetting } from "../platform/db/owner-settings.ts";

export function getBusinessSettings(
  database: Database,
  ownerId: string,
): Promise<BusinessSettings | undefined> {
  return getOwnerSetting<BusinessSettings>(database, ownerId, BUSINESS_SETTINGS_KEY);
}
