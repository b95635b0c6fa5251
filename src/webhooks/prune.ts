// The delivery log is kept 30 days. Deleting an old event deletes its deliveries and their attempts (foreign
// keys cascade); an event still on its way somewhere is kept. The oldest events are looked at a few hundred
// at a time (sequence order is creation order), so a run costs little whether or not there is anything to do.
import { sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";

export const LOG_RETENTION_MS = 30 * 86_400_000;
const PER_RUN = 500;
const EVERY_MS = 10 * 60_000;

const lastRun = new WeakMap<Database, number>();

export async function pruneWebhookLog(database: Database, now: number): Promise<number> {
  const last = lastRun.get(database);
  if (last !== undefined && now - last < EVERY_MS && now >= last) return 0;
  lastRun.set(database, now);
  const result = await database.run(sql`DELETE FROM webhook_events WHERE seq IN (
      SELECT e.seq FROM (SELECT seq, id, created_at FROM webhook_events ORDER BY seq LIMIT ${PER_RUN}) AS e
      WHERE e.created_at < ${now - LOG_RETENTION_MS}
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
          WHERE d.event_id = e.id AND d.status IN ('waiting', 'pending', 'delivering')))`);
  return result.changes;
}
