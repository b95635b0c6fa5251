// owner_settings: one JSON value per owner and key. The one place that reads and writes it; features keep
// their own keys and shapes (business identity, lead criteria, calendar and workflow preferences…).
import { and, eq, like, sql } from "drizzle-orm";
import type { Database } from "./database.ts";
import { preparedOnce } from "./prepared.ts";
import { ownerSettings } from "./schema.ts";

// Booking requests read two or three settings each: prepared once per database.
const settingQuery = preparedOnce((db) =>
  db
    .select({ value: ownerSettings.value })
    .from(ownerSettings)
    .where(
      and(
        eq(ownerSettings.ownerId, sql.placeholder("ownerId")),
        eq(ownerSettings.key, sql.placeholder("key")),
      ),
    )
    .prepare(),
);

export async function getOwnerSetting<T>(
  database: Database,
  ownerId: string,
  key: string,
): Promise<T | undefined> {
  const row = await settingQuery(database).get({ ownerId, key });
  return row?.value as T | undefined;
}

/** One upsert, so it can join a batch: the last writer wins, and there is never a half-written value. */
export function putOwnerSettingStatement(
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

export async function putOwnerSetting(
  database: Database,
  ownerId: string,
  key: string,
  value: unknown,
  now: number,
): Promise<void> {
  await database.batch([putOwnerSettingStatement(database, ownerId, key, value, now)]);
}

export function deleteOwnerSettingStatement(database: Database, ownerId: string, key: string) {
  return database.db
    .delete(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), eq(ownerSettings.key, key)));
}

/** Keys under a prefix, e.g. every import job of the owner. */
export async function ownerSettingsUnder<T>(
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
