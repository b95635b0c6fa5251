// Every tick: the planned missions whose start date has arrived in their owner's zone become active and report
// mission.started. Each start is one batch, the guarded update and its event: a late tick after days of downtime
// starts each mission once, two ticks at once start it once, and a mission whose start date was moved later or
// that was cancelled is left alone (the update only applies to the planned row as it was read).
import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { missions, owners } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { missionStatusEvents } from "../webhooks/payloads.ts";
import { hasStarted, latestTodayOnEarth } from "./mission-start.ts";

async function plannedMissionsStartingBy(database: Database, latestDate: string) {
  const rows = await database.db
    .select({ mission: missions, timeZone: owners.timeZone })
    .from(missions)
    .innerJoin(owners, eq(owners.id, missions.ownerId))
    .where(and(eq(missions.status, "planned"), lte(missions.startDate, latestDate)));
  return rows.map((r) => ({ ...r.mission, timeZone: r.timeZone }));
}

export async function startDueMissions(deps: AppDeps, ownerId?: string): Promise<{ started: number }> {
  const now = deps.clock.now();
  const due = (await plannedMissionsStartingBy(deps.database, latestTodayOnEarth(now))).filter(
    (m) => hasStarted(m, now) && (ownerId === undefined || m.ownerId === ownerId),
  );
  let started = 0;
  for (const mission of due) {
    // The tick delivers webhooks after this part: no nudge needed.
    const { statements } = webhookEventsForBatch(
      deps,
      missionStatusEvents(mission, { ...mission, status: "active" }),
      sql`EXISTS (SELECT 1 FROM missions WHERE id = ${mission.id} AND status = 'active' AND updated_at = ${now})`,
    );
    const [update] = await deps.database.batch([
      sql`UPDATE missions SET status = 'active', updated_at = ${now}
        WHERE id = ${mission.id} AND owner_id = ${mission.ownerId} AND status = 'planned'
          AND updated_at = ${mission.updatedAt}`,
      ...statements,
    ]);
    if (update?.changes === 1) started++;
  }
  return { started };
}
