// Slots answers are kept in memory per event type, range and zone, tagged with the owner's availability version.
// Every batch that changes what slots depend on (a booking's time or status, calendar busy times, the event type)
// bumps that version in the same batch, so no process or isolate serves an answer older than such a change.
// Not a trigger: D1 would count the trigger's row in the statement's `changes` (decision 0002).
import { type SQL, sql } from "drizzle-orm";

export function bumpAvailability(ownerId: string): SQL {
  return sql`UPDATE owners SET availability_version = availability_version + 1 WHERE id = ${ownerId}`;
}
