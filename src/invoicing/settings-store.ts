// owner_settings rows (one JSON value per owner and key): the business identity, the owner's days off.
import { and, eq } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { ownerSettings } from "../platform/db/schema.ts";
import { BUSINESS_SETTINGS_KEY, type BusinessSettings } from "./business-settings.ts";

export async function getOwnerSetting<T>(
  database: Database,
  ownerId: string,
  key: string,
): Promise<T | undefined> {
  const row = await database.db
    .select({ value: ownerSettings.value })
    .from(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), eq(ownerSettings.key, key)))
    .get();
  return row?.value as T | undefined;
}

/** One upsert: the last writer wins, and there is never a half-written value. */
export async function putOwnerSetting(
  database: Database,
  ownerId: string,
  key: string,
  value: unknown,
  now: number,
): Promise<void> {
  await database.db
    .insert(ownerSettings)
    .values({ ownerId, key, value, updatedAt: now })
    .onConflictDoUpdate({
      target: [ownerSettings.ownerId, ownerSettings.key],
      set: { value, updatedAt: now },
    });
}

export function getBusinessSettings(
  database: Database,
  ownerId: string,
): Promise<BusinessSettings | undefined> {
  return getOwnerSetting<BusinessSettings>(database, ownerId, BUSINESS_SETTINGS_KEY);
}
