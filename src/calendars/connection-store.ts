// Calendar connections in the database. A sync is claimed by one guarded UPDATE, so the scheduler, a second
// process and a "sync now" click never run the same connection twice at once.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { preparedOnce } from "../platform/db/prepared.ts";
import { calendarConnections } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { bumpAvailability } from "../scheduling/availability-version.ts";
import type { ConnectionRow, ConnectionSettings, SyncProgress, SyncState } from "./connection-types.ts";
import { cancelSyncChainStatement, startSyncChainStatement } from "./sync-runs.ts";
import { SYNC_LEASE_MS } from "./sync-schedule.ts";

export type ConnectionUpdate = Partial<
  Pick<
    ConnectionRow,
    | "name"
    | "status"
    | "secret"
    | "syncIntervalMinutes"
    | "lastSyncAt"
    | "nextSyncAt"
    | "lastError"
    | "brokenNotifiedAt"
  >
> & { settings?: ConnectionSettings; syncState?: SyncState | null; progress?: SyncProgress | null };

/** The new connection and the start of its calendar-sync chain, due at its first sync, in one batch. */
export async function insertConnection(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  row: typeof calendarConnections.$inferInsert & { nextSyncAt: number },
) {
  await deps.database.batch([
    deps.database.db.insert(calendarConnections).values(row),
    startSyncChainStatement(deps, row, row.nextSyncAt),
  ]);
}

export async function getConnection(
  database: Database,
  ownerId: string,
  id: string,
): Promise<ConnectionRow | undefined> {
  return database.db
    .select()
    .from(calendarConnections)
    .where(and(eq(calendarConnections.ownerId, ownerId), eq(calendarConnections.id, id)))
    .get();
}

export async function getConnectionById(database: Database, id: string): Promise<ConnectionRow | undefined> {
  return database.db.select().from(calendarConnections).where(eq(calendarConnections.id, id)).get();
}

// Read twice by every booking (the fresh busy check, the calendar write): prepared once per database, and
// sorted here, since SQLite's sorter for a handful of rows cost more than the query.
const connectionsQuery = preparedOnce((db) =>
  db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.ownerId, sql.placeholder("ownerId")))
    .prepare(),
);

/** The owner's connections, oldest first. */
export async function listConnections(database: Database, ownerId: string): Promise<ConnectionRow[]> {
  const rows = (await connectionsQuery(database).all({ ownerId })) as ConnectionRow[];
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function updateConnectionStatement(
  database: Database,
  id: string,
  update: ConnectionUpdate,
  now: number,
) {
  // The JSON columns are typed loosely in the schema; these shapes are what they hold.
  const values = { ...update, updatedAt: now } as Partial<typeof calendarConnections.$inferInsert>;
  return database.db.update(calendarConnections).set(values).where(eq(calendarConnections.id, id));
}

export async function updateConnection(
  database: Database,
  id: string,
  update: ConnectionUpdate,
  now: number,
) {
  await updateConnectionStatement(database, id, update, now);
}

/** Deletes the connection and stops its calendar-sync chain in the same batch. */
export async function deleteConnection(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  id: string,
): Promise<boolean> {
  const { database } = deps;
  const [result] = await database.batch([
    database.db
      .delete(calendarConnections)
      .where(and(eq(calendarConnections.ownerId, ownerId), eq(calendarConnections.id, id))),
    // Its busy times go with it (ON DELETE CASCADE).
    bumpAvailability(ownerId),
    cancelSyncChainStatement(deps, ownerId, id),
  ]);
  return (result?.changes ?? 0) > 0;
}

/**
 * Takes the connection for one sync: succeeds when no other sync holds it (or the holder's lease ran out).
 * `dueOnly` is the scheduler's variant: only when its next sync time has come and it is not broken.
 */
export async function claimSync(
  database: Database,
  id: string,
  now: number,
  options: { dueOnly: boolean },
): Promise<boolean> {
  const progress = JSON.stringify({ done: 0, phase: "starting", startedAt: now } satisfies SyncProgress);
  const due = options.dueOnly
    ? sql`AND status <> 'broken' AND next_sync_at IS NOT NULL AND next_sync_at <= ${now}`
    : sql``;
  const result =
    await database.run(sql`UPDATE calendar_connections SET progress = ${progress}, updated_at = ${now}
    WHERE id = ${id} ${due}
      AND (progress IS NULL OR COALESCE(json_extract(progress, '$.startedAt'), 0) < ${now - SYNC_LEASE_MS})`);
  return result.changes === 1;
}

export async function setProgress(database: Database, id: string, progress: SyncProgress): Promise<void> {
  await database.db.update(calendarConnections).set({ progress }).where(eq(calendarConnections.id, id));
}
