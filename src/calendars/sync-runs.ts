// The calendar-sync workflow's runs: one chain per connection. Each run syncs once and starts its successor,
// keyed `connectionId@dueAt` (decision 0009). A chain starts with its connection, is cancelled with it, and the
// tick restarts one for any connection left without (made before the workflow, reconnected, switched back on).
import { type SQL, sql } from "drizzle-orm";
import type { BatchStatement } from "../platform/db/database.ts";
import type { AppDeps } from "../platform/deps.ts";
import { cancelWorkflowsStatement, startWorkflowStatement } from "../platform/workflows/engine.ts";
import { WORKFLOW_SETTINGS_KEY } from "../platform/workflows/settings.ts";

export const CALENDAR_SYNC = "calendar-sync";

export interface CalendarSyncInput {
  connectionId: string;
  /** the instant this run is due: the connection's next sync when it was scheduled */
  dueAt: number;
}

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

/** Connections looked at per tick for a missing chain: enough for any backlog in a few minutes. */
const CHAIN_STARTS_PER_TICK = 200;

export function syncRunKey(connectionId: string, dueAt: number): string {
  return `${connectionId}@${dueAt}`;
}

/**
 * SQL true when connection `c` has a run carrying its chain: one waiting or running, other than `exceptRunId`;
 * with `parked`, also a failed one while the connection is still in error (it waits for the owner's retry).
 * Its runs' keys are `id@…`, a range on the unique (owner, workflow, key) index ('A' follows '@').
 */
function chainExists(options: { parked: boolean; exceptRunId?: string }): SQL {
  const parked = options.parked ? sql` OR (r.status = 'failed' AND c.status = 'error')` : sql``;
  const except = options.exceptRunId ? sql` AND r.id <> ${options.exceptRunId}` : sql``;
  return sql`EXISTS (SELECT 1 FROM workflow_runs r WHERE r.owner_id = c.owner_id AND r.workflow = ${CALENDAR_SYNC}
    AND r.key >= c.id || '@' AND r.key < c.id || 'A'
    AND (r.status IN ('waiting', 'running')${parked})${except})`;
}

/** The owner has not switched calendar-sync off (the engine's start guard, for every connection at once). */
const switchedOn = sql`NOT EXISTS (SELECT 1 FROM owner_settings s, json_each(s.value, '$.disabled') d
  WHERE s.owner_id = c.owner_id AND s.key = ${WORKFLOW_SETTINGS_KEY} AND d.value = ${CALENDAR_SYNC})`;

function startRun(deps: Deps, connection: { id: string; ownerId: string }, dueAt: number, guard: SQL): SQL {
  const input: CalendarSyncInput = { connectionId: connection.id, dueAt };
  return startWorkflowStatement(
    deps,
    {
      workflow: CALENDAR_SYNC,
      ownerId: connection.ownerId,
      key: syncRunKey(connection.id, dueAt),
      input: { ...input },
      wakeAt: dueAt,
    },
    sql`EXISTS (SELECT 1 FROM calendar_connections c WHERE c.id = ${connection.id} AND c.status <> 'broken'
      AND NOT ${guard})`,
  );
}

/**
 * Starts the connection's chain unless it has one (checked in the same statement): batched with the insert of a
 * connection, or with the update that makes a broken one usable again.
 */
export function startSyncChainStatement(
  deps: Deps,
  connection: { id: string; ownerId: string },
  dueAt: number,
): SQL {
  return startRun(deps, connection, dueAt, chainExists({ parked: true }));
}

/** The run `runId` hands over to the next, due at `dueAt`; the chain's finished runs before it are removed. */
export function handOverStatements(
  deps: Deps,
  run: { id: string; ownerId: string },
  connectionId: string,
  dueAt: number,
): SQL[] {
  const successor = startRun(
    deps,
    { id: connectionId, ownerId: run.ownerId },
    dueAt,
    chainExists({ parked: false, exceptRunId: run.id }),
  );
  // A chain's history is its last run: older ones (and their journals, by cascade) would grow without end.
  const prune = sql`DELETE FROM workflow_runs WHERE owner_id = ${run.ownerId} AND workflow = ${CALENDAR_SYNC}
    AND key >= ${connectionId} || '@' AND key < ${connectionId} || 'A'
    AND status IN ('completed', 'cancelled') AND id <> ${run.id}`;
  return [successor, prune];
}

/** Batched with a connection's deletion: its chain stops (a running sync's journal writes then lose their lease). */
export function cancelSyncChainStatement(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  id: string,
) {
  return cancelWorkflowsStatement(deps, ownerId, [CALENDAR_SYNC], id);
}

/** The tick's catch-all: a chain for every usable connection without one, due at its next sync (or now). */
export async function startMissingSyncChains(deps: Deps, ownerId?: string): Promise<number> {
  const now = deps.clock.now();
  const owned = ownerId ? sql` AND c.owner_id = ${ownerId}` : sql``;
  const rows = await deps.database.all<{ id: string; owner_id: string; next_sync_at: number | null }>(
    sql`SELECT c.id, c.owner_id, c.next_sync_at FROM calendar_connections c
      WHERE c.status <> 'broken' AND NOT ${chainExists({ parked: true })} AND ${switchedOn}${owned}
      LIMIT ${CHAIN_STARTS_PER_TICK}`,
  );
  if (rows.length === 0) return 0;
  const starts: BatchStatement[] = rows.map((r) =>
    startSyncChainStatement(deps, { id: r.id, ownerId: r.owner_id }, Math.max(now, r.next_sync_at ?? now)),
  );
  await deps.database.batch(starts);
  return rows.length;
}
