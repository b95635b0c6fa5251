// The slot engine's view of calendars: the cached busy times of every connection, broken ones included
// (their last good sync still says when the owner is away).
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { preparedOnce } from "../platform/db/prepared.ts";
import { busyIntervals } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { BusyLoader } from "../scheduling/availability.ts";

// Read by every slots request and every booking: prepared once per database.
const busyQuery = preparedOnce((db) =>
  db
    .select({ startMs: busyIntervals.startMs, endMs: busyIntervals.endMs })
    .from(busyIntervals)
    .where(
      and(
        eq(busyIntervals.ownerId, sql.placeholder("ownerId")),
        lt(busyIntervals.startMs, sql.placeholder("toMs")),
        gt(busyIntervals.endMs, sql.placeholder("fromMs")),
      ),
    )
    .prepare(),
);

export function calendarBusyLoader(deps: Pick<AppDeps, "database">): BusyLoader {
  return async (ownerId, fromMs, toMs) => busyQuery(deps.database).all({ ownerId, fromMs, toMs });
}
