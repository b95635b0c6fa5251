// The owner's lead settings and import jobs, kept in owner_settings (one JSON value per key).
import { and, eq, like } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { ownerSettings } from "../platform/db/schema.ts";
import { LEAD_SETTINGS_KEY, type LeadSettings, readLeadSettings } from "./lead-settings.ts";

export async function getSetting<T>(
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
export function putSettingStatement(
  database: Database,
  ownerId: string,
  key: string,
  value: unknown,
  now: number,
) {
  return database.db
    .insert(ownerSettings)
    .values({ ownerId, key, value, updatedAt: now })
    .onConflictDoUpdate({
      target: [ownerSettings.ownerId, ownerSettings.key],
      set: { value, updatedAt: now },
    });
}

export async function putSetting(
  database: Database,
  ownerId: string,
  key: string,
  value: unknown,
  now: number,
): Promise<void> {
  await database.batch([putSettingStatement(database, ownerId, key, value, now)]);
}

export function deleteSettingStatement(database: Database, ownerId: string, key: string) {
  return database.db
    .delete(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), eq(ownerSettings.key, key)));
}

/** Keys under a prefix, e.g. every import job of the owner. */
export async function settingsUnder<T>(
  database: Database,
  ownerId: string,
  prefix: string,
): Promise<{ key: string; value: T; updatedAt: number }[]> {
  const rows = await database.db
    .select()
    .from(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), like(ownerSettings.key, `${prefix}%`)));
  return rows.map((r) => ({ key: r.key, value: r.value as T, updatedAt: r.updatedAt }));
}

export async function getLeadSettings(database: Database, ownerId: string): Promise<LeadSettings> {
  return readLeadSettings(await getSetting(database, ownerId, LEAD_SETTINGS_KEY));
}

export async function saveLeadSettings(
  database: Database,
  ownerId: string,
  settings: LeadSettings,
  now: number,
): Promise<void> {
  await putSetting(database, ownerId, LEAD_SETTINGS_KEY, settings, now);
}
