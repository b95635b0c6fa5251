// Workflow runs, steps and events in the database. Every state change is one guarded statement or batch.
import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { workflowEvents, workflowRuns, workflowSteps } from "../db/schema.ts";

export type RunRow = typeof workflowRuns.$inferSelect;

export interface NewRun {
  id: string;
  ownerId: string;
  workflow: string;
  key: string;
  input: Record<string, unknown>;
  wakeAt: number;
  now: number;
}

/**
 * Starts a run unless one exists for the same workflow and key (starting twice is harmless), and only
 * while `guard` holds (e.g. the booking it is about exists, the workflow is switched on).
 * With `reopenCancelled`, a cancelled run with that key is put back in the queue instead, with the new input
 * and its journal kept: what it already did (an email sent) is replayed, never done again.
 */
export function insertRunWhere(run: NewRun, guard: SQL, reopenCancelled = false): SQL {
  const onConflict = reopenCancelled
    ? sql`DO UPDATE SET status = 'waiting', input = excluded.input, wake_at = excluded.wake_at, waiting_on = 'start',
        attempts = 0, last_error = NULL, lease_owner = NULL, lease_until = NULL, finished_at = NULL,
        updated_at = excluded.updated_at
      WHERE workflow_runs.status = 'cancelled'`
    : sql`DO NOTHING`;
  return sql`INSERT INTO workflow_runs (id, owner_id, workflow, key, input, status, wake_at, waiting_on, attempts, created_at, updated_at)
    SELECT ${run.id}, ${run.ownerId}, ${run.workflow}, ${run.key}, ${JSON.stringify(run.input)}, 'waiting', ${run.wakeAt}, 'start', 0, ${run.now}, ${run.now}
    WHERE ${guard}
    ON CONFLICT (owner_id, workflow, key) ${onConflict}`;
}

/** True while this worker still holds the run: guards every write a step makes. */
export function holdsLease(runId: string, worker: string): SQL {
  return sql`EXISTS (SELECT 1 FROM workflow_runs WHERE id = ${runId} AND status = 'running' AND lease_owner = ${worker})`;
}

export function completeStep(
  runId: string,
  worker: string,
  name: string,
  output: unknown,
  now: number,
  /** the new end of the lease, when it is time to extend it (a long run) */
  leaseUntil?: number,
): SQL[] {
  const insert = sql`INSERT INTO workflow_steps (run_id, name, output, completed_at)
      SELECT ${runId}, ${name}, ${JSON.stringify(output ?? null)}, ${now} WHERE ${holdsLease(runId, worker)}`;
  if (leaseUntil === undefined) return [insert];
  return [
    insert,
    sql`UPDATE workflow_runs SET lease_until = ${leaseUntil}, updated_at = ${now}
      WHERE id = ${runId} AND status = 'running' AND lease_owner = ${worker}`,
  ];
}

export async function journal(database: Database, runId: string): Promise<Map<string, unknown>> {
  const rows = await database.db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId));
  return new Map(rows.map((r) => [r.name, r.output]));
}

export function releaseRun(
  id: string,
  worker: string,
  next: {
    status: RunRow["status"];
    wakeAt?: number | null;
    waitingOn?: string | null;
    /**
     * Waiting for this event: wake at once if it was emitted since the run looked for it. Its emitter's wake-up
     * (wakeWaiters) only finds runs already waiting, and this write may come a little after the look.
     */
    wakeOnEvent?: { ownerId: string; name: string; key: string; since: number };
    attempts?: number;
    lastError?: string | null;
  },
  now: number,
): SQL {
  // Raw SQL: drizzle's update builder cost more than the write itself on this path (once per run per tick).
  const sets = [
    sql`status = ${next.status}`,
    next.wakeOnEvent
      ? sql`wake_at = CASE WHEN EXISTS (SELECT 1 FROM workflow_events WHERE owner_id = ${next.wakeOnEvent.ownerId}
          AND name = ${next.wakeOnEvent.name} AND key = ${next.wakeOnEvent.key} AND created_at >= ${next.wakeOnEvent.since})
          THEN ${now} ELSE ${next.wakeAt ?? null} END`
      : sql`wake_at = ${next.wakeAt ?? null}`,
    sql`waiting_on = ${next.waitingOn ?? null}`,
    sql`lease_owner = NULL, lease_until = NULL, updated_at = ${now}`,
  ];
  if (next.attempts !== undefined) sets.push(sql`attempts = ${next.attempts}`);
  if (next.lastError !== undefined) sets.push(sql`last_error = ${next.lastError}`);
  if (next.status === "completed" || next.status === "failed") sets.push(sql`finished_at = ${now}`);
  return sql`UPDATE workflow_runs SET ${sql.join(sets, sql`, `)}
    WHERE id = ${id} AND status = 'running' AND lease_owner = ${worker}`;
}

export async function findEvent(
  database: Database,
  ownerId: string,
  name: string,
  key: string,
  since: number,
) {
  return database.db
    .select()
    .from(workflowEvents)
    .where(
      and(
        eq(workflowEvents.ownerId, ownerId),
        eq(workflowEvents.name, name),
        eq(workflowEvents.key, key),
        sql`${workflowEvents.createdAt} >= ${since}`,
      ),
    )
    .orderBy(asc(workflowEvents.createdAt))
    .limit(1)
    .get();
}

export function eventWaitLabel(name: string, key: string): string {
  return `event:${name}:${key}`;
}

export function insertEventWhere(
  e: {
    id: string;
    ownerId: string;
    name: string;
    key: string;
    payload: Record<string, unknown> | null;
    now: number;
  },
  guard?: SQL,
): SQL {
  return sql`INSERT INTO workflow_events (id, owner_id, name, key, payload, created_at)
    SELECT ${e.id}, ${e.ownerId}, ${e.name}, ${e.key}, ${e.payload === null ? null : JSON.stringify(e.payload)}, ${e.now}
    WHERE ${guard ?? sql`1`}`;
}

/** Wakes the runs waiting for this event now, instead of at their timeout. */
export function wakeWaiters(ownerId: string, name: string, key: string, now: number): SQL {
  return sql`UPDATE workflow_runs SET wake_at = ${now}, updated_at = ${now}
    WHERE owner_id = ${ownerId} AND status = 'waiting' AND waiting_on = ${eventWaitLabel(name, key)}`;
}

export function cancelRunsStatement(
  database: Database,
  ownerId: string,
  workflows: string[],
  keyPrefix: string,
  now: number,
  onlyIf?: SQL,
) {
  return database.db
    .update(workflowRuns)
    .set({ status: "cancelled", finishedAt: now, updatedAt: now, leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(workflowRuns.ownerId, ownerId),
        inArray(workflowRuns.workflow, workflows),
        sql`(${workflowRuns.key} = ${keyPrefix} OR ${workflowRuns.key} LIKE ${`${keyPrefix}@%`})`,
        inArray(workflowRuns.status, ["waiting", "running"]),
        onlyIf,
      ),
    );
}

export async function listRuns(
  database: Database,
  ownerId: string,
  filter: {
    status?: RunRow["status"];
    workflow?: string;
    key?: string;
    limit: number;
    after?: { at: number; id: string };
  },
) {
  const conditions: (SQL | undefined)[] = [eq(workflowRuns.ownerId, ownerId)];
  if (filter.status) conditions.push(eq(workflowRuns.status, filter.status));
  if (filter.workflow) conditions.push(eq(workflowRuns.workflow, filter.workflow));
  if (filter.key) conditions.push(eq(workflowRuns.key, filter.key));
  // Newest first by creation, id as the tie-break: a cursor position that never moves.
  if (filter.after)
    conditions.push(
      or(
        sql`${workflowRuns.createdAt} < ${filter.after.at}`,
        and(eq(workflowRuns.createdAt, filter.after.at), sql`${workflowRuns.id} < ${filter.after.id}`),
      ),
    );
  return database.db
    .select()
    .from(workflowRuns)
    .where(and(...conditions))
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(filter.limit);
}

export async function getOwnedRun(
  database: Database,
  ownerId: string,
  id: string,
): Promise<RunRow | undefined> {
  return database.db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.ownerId, ownerId), eq(workflowRuns.id, id)))
    .get();
}

/** A failed run back in the queue now, its retries counted afresh; the journal keeps what already ran. */
export function retryRunStatement(ownerId: string, id: string, now: number): SQL {
  return sql`UPDATE workflow_runs SET status = 'waiting', wake_at = ${now}, waiting_on = 'retry', attempts = 0,
      last_error = NULL, finished_at = NULL, updated_at = ${now}
    WHERE owner_id = ${ownerId} AND id = ${id} AND status = 'failed'`;
}

/** The owner stops a run that is waiting (or dismisses a failed one); a running step finishes first. */
export function cancelRunStatement(ownerId: string, id: string, now: number): SQL {
  return sql`UPDATE workflow_runs SET status = 'cancelled', finished_at = ${now}, updated_at = ${now}
    WHERE owner_id = ${ownerId} AND id = ${id} AND status IN ('waiting', 'failed')`;
}
