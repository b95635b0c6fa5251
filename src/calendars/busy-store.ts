// Cached busy times, one row per busy piece. external_id = "<calendar hash>.<object hash>:<start>-<end>",
// so one changed event, or one calendar, is replaced through a key range on the unique index.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { BatchStatement, Database } from "../platform/db/database.ts";
import { busyIntervals } from "../platform/db/schema.ts";
import type { BusyPiece } from "./busy-rules.ts";

export interface CalendarBusyChange {
  calendarId: string;
  /** drop everything cached for this calendar before adding `pieces` (a full sync) */
  replaceAll: boolean;
  /** objects changed or deleted since the last sync: their cached pieces go */
  removedObjects: string[];
  pieces: BusyPiece[];
}

function shortHash(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

/** Every key that starts with `prefix`: [prefix, prefix with its last character raised by one). */
function prefixRange(prefix: string): [string, string] {
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

function deletePrefix(connectionId: string, prefix: string) {
  const [low, high] = prefixRange(prefix);
  return sql`DELETE FROM busy_intervals WHERE connection_id = ${connectionId} AND external_id >= ${low} AND external_id < ${high}`;
}

/** D1 allows 100 bound parameters per statement; SQLite far more, and fewer statements are faster there. */
function rowsPerInsert(database: Database): number {
  return database.kind === "d1" ? 12 : 400;
}

export function busyChangeStatements(
  database: Database,
  connection: { id: string; ownerId: string },
  changes: CalendarBusyChange[],
  now: number,
): BatchStatement[] {
  const statements: BatchStatement[] = [];
  const rows: (typeof busyIntervals.$inferInsert)[] = [];
  for (const change of changes) {
    const calendar = shortHash(change.calendarId);
    if (change.replaceAll) statements.push(deletePrefix(connection.id, `${calendar}.`));
    else
      for (const objectKey of new Set(change.removedObjects))
        statements.push(deletePrefix(connection.id, `${calendar}.${shortHash(objectKey)}:`));
    for (const piece of change.pieces) {
      const externalId = `${calendar}.${shortHash(piece.objectKey)}:${piece.startMs}-${piece.endMs}`;
      rows.push({
        id: `${connection.id}:${externalId}`,
        ownerId: connection.ownerId,
        connectionId: connection.id,
        externalId,
        startMs: piece.startMs,
        endMs: piece.endMs,
        allDay: piece.allDay,
        updatedAt: now,
      });
    }
  }
  const size = rowsPerInsert(database);
  for (let i = 0; i < rows.length; i += size) {
    statements.push(
      database.db
        .insert(busyIntervals)
        .values(rows.slice(i, i + size))
        .onConflictDoNothing(),
    );
  }
  return statements;
}

export function forgetCalendarStatement(connectionId: string, calendarId: string) {
  return deletePrefix(connectionId, `${shortHash(calendarId)}.`);
}

export async function countBusy(database: Database, connectionId: string): Promise<number> {
  const [row] = await database.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM busy_intervals WHERE connection_id = ${connectionId}`,
  );
  return row?.n ?? 0;
}

/** The owner's cached busy times overlapping [fromMs, toMs), from every connection. */
export async function busyBetween(
  database: Database,
  ownerId: string,
  fromMs: number,
  toMs: number,
): Promise<{ startMs: number; endMs: number }[]> {
  return database.all<{ startMs: number; endMs: number }>(sql`SELECT start_ms AS startMs, end_ms AS endMs
    FROM busy_intervals WHERE owner_id = ${ownerId} AND start_ms < ${toMs} AND end_ms > ${fromMs}`);
}
