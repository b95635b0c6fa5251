// Fixed-window counters in the database, so limits hold across processes and on Workers.
// One upsert statement per hit: no read-then-write race.
import { eq, sql } from "drizzle-orm";
import type { Database } from "./db/database.ts";
import { throttles } from "./db/schema.ts";

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export interface ThrottleState {
  count: number;
  windowStart: number;
}

/** Counts one hit and returns the window's count (including this hit). */
export async function hit(
  database: Database,
  key: string,
  rule: ThrottleRule,
  now: number,
): Promise<ThrottleState> {
  const expired = now - rule.windowMs;
  const rows = await database.all<{ count: number; window_start: number }>(sql`
    INSERT INTO throttles (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN throttles.window_start <= ${expired} THEN 1 ELSE throttles.count + 1 END,
      window_start = CASE WHEN throttles.window_start <= ${expired} THEN ${now} ELSE throttles.window_start END
    RETURNING count, window_start`);
  const row = rows[0];
  return { count: row?.count ?? 1, windowStart: row?.window_start ?? now };
}

/** Seconds until the key may try again, or 0 when it is under its limit. */
export async function blockedFor(
  database: Database,
  key: string,
  rule: ThrottleRule,
  now: number,
): Promise<number> {
  const row = await database.db.select().from(throttles).where(eq(throttles.key, key)).get();
  if (!row || row.windowStart <= now - rule.windowMs || row.count < rule.limit) return 0;
  return Math.max(1, Math.ceil((row.windowStart + rule.windowMs - now) / 1000));
}

export async function reset(database: Database, key: string): Promise<void> {
  await database.db.delete(throttles).where(eq(throttles.key, key));
}
