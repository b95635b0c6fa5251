// Slots answers kept in memory, per database, as the JSON sent. The key carries the owner's availability
// version (bumped in every batch that changes bookings, busy times or the event type), so a change made by any
// process is never hidden; an entry also ends when time alone would change the answer (computeSlotsUntil).
import type { Database } from "../platform/db/database.ts";
import { perDatabase } from "../platform/db/prepared.ts";

const CAPACITY = 256;

interface Entry {
  body: string;
  validUntilMs: number;
}

const cacheOf = perDatabase(() => new Map<string, Entry>());

export function slotsCacheKey(k: {
  eventTypeId: string;
  availabilityVersion: number;
  from: string;
  to: string;
  timeZone: string;
}): string {
  return `${k.eventTypeId}|${k.availabilityVersion}|${k.from}|${k.to}|${k.timeZone}`;
}

export function cachedSlots(database: Database, key: string, nowMs: number): string | undefined {
  const cache = cacheOf(database);
  const entry = cache.get(key);
  if (!entry) return undefined;
  if (nowMs >= entry.validUntilMs) {
    cache.delete(key);
    return undefined;
  }
  return entry.body;
}

export function rememberSlots(database: Database, key: string, body: string, validUntilMs: number): void {
  const cache = cacheOf(database);
  // Insertion order is age: past capacity the oldest entry goes (entries of old versions go first).
  if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value!);
  cache.set(key, { body, validUntilMs });
}
