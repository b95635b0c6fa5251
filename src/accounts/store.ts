// Queries for owners, sessions and API keys. Every query that reads owned rows is scoped by owner id.
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { apiKeys, owners, sessions } from "../platform/db/schema.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { isLocale } from "../platform/i18n.ts";

export type OwnerRow = typeof owners.$inferSelect;

export function toCurrentOwner(row: OwnerRow): CurrentOwner {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    email: row.email,
    timeZone: row.timeZone,
    locale: isLocale(row.locale) ? row.locale : "fr",
  };
}

export async function countOwners(database: Database): Promise<number> {
  const row = await database.db.select({ n: count() }).from(owners).get();
  return row?.n ?? 0;
}

export async function findOwnerByEmail(database: Database, email: string): Promise<OwnerRow | undefined> {
  return database.db.select().from(owners).where(eq(owners.email, email.toLowerCase())).get();
}

export async function findOwnerByHandle(database: Database, handle: string): Promise<OwnerRow | undefined> {
  return database.db.select().from(owners).where(eq(owners.handle, handle.toLowerCase())).get();
}

export async function findOwnerById(database: Database, id: string): Promise<OwnerRow | undefined> {
  return database.db.select().from(owners).where(eq(owners.id, id)).get();
}

/**
 * Inserts the owner. With onlyIfNone, the insert happens only while no owner exists, in one statement,
 * so two setup forms submitted at once cannot both succeed. Returns false when nothing was inserted.
 */
export async function insertOwner(
  database: Database,
  row: OwnerRow,
  options: { onlyIfNone: boolean },
): Promise<boolean> {
  if (!options.onlyIfNone) {
    const [r] = await database.batch([database.db.insert(owners).values(row)]);
    return (r?.changes ?? 0) === 1;
  }
  const result = await database.run(sql`
    INSERT INTO owners (id, handle, name, email, time_zone, locale, password_hash, created_at, updated_at)
    SELECT ${row.id}, ${row.handle}, ${row.name}, ${row.email}, ${row.timeZone}, ${row.locale}, ${row.passwordHash}, ${row.createdAt}, ${row.updatedAt}
    WHERE NOT EXISTS (SELECT 1 FROM owners)`);
  return result.changes === 1;
}

export async function updatePasswordHash(
  database: Database,
  ownerId: string,
  hash: string,
  now: number,
): Promise<void> {
  await database.db.update(owners).set({ passwordHash: hash, updatedAt: now }).where(eq(owners.id, ownerId));
}

export async function insertSession(database: Database, row: typeof sessions.$inferInsert): Promise<void> {
  await database.db.insert(sessions).values(row);
}

export async function findLiveSession(database: Database, id: string, now: number) {
  return database.db
    .select({ session: sessions, owner: owners })
    .from(sessions)
    .innerJoin(owners, eq(owners.id, sessions.ownerId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .get();
}

export async function extendSession(
  database: Database,
  id: string,
  now: number,
  expiresAt: number,
): Promise<void> {
  await database.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(database: Database, id: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.id, id));
}

/** Signs the owner out everywhere but the current session (after a password change). */
export async function deleteOtherSessions(
  database: Database,
  ownerId: string,
  keepId: string,
): Promise<void> {
  await database.db
    .delete(sessions)
    .where(and(eq(sessions.ownerId, ownerId), sql`${sessions.id} <> ${keepId}`));
}

export async function insertApiKey(database: Database, row: typeof apiKeys.$inferInsert): Promise<void> {
  await database.db.insert(apiKeys).values(row);
}

export async function listApiKeys(database: Database, ownerId: string) {
  return database.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.ownerId, ownerId))
    .orderBy(apiKeys.createdAt);
}

export async function revokeApiKey(
  database: Database,
  ownerId: string,
  keyId: string,
  now: number,
): Promise<boolean> {
  const [r] = await database.batch([
    database.db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.ownerId, ownerId), isNull(apiKeys.revokedAt))),
  ]);
  return (r?.changes ?? 0) === 1;
}

export async function findActiveApiKey(database: Database, keyHash: string) {
  return database.db
    .select({ key: apiKeys, owner: owners })
    .from(apiKeys)
    .innerJoin(owners, eq(owners.id, apiKeys.ownerId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
}

export async function touchApiKey(database: Database, keyId: string, now: number): Promise<void> {
  await database.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, keyId));
}
