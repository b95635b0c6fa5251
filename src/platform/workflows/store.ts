// Workflow runs, steps and events in the database. Every state change is one guarded statement or batch.
import { and, asc, desc, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
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
 */
export function insertRunWhere(run: NewRun, guard: SQL): SQL {
  return sql`INSERT INTO workflow_runs (id, owner_id, workflow, key, input, status, wake_at, waiting_on, attempts, created_at, updated_at)
    SELECT ${run.id}, ${run.ownerId}, ${run.workflow}, ${run.key}, ${JSON.stringify(run.input)}, 'waiting', ${run.wakeAt}, 'start', 0, ${run.now}, ${run.now}
    WHERE ${guard}
    ON CONFLICT (owner_id, workflow, key) DO NOTHING`;
}

export async function dueRunIds(database: Database, now: number, limit: number): Promise<string[]> {
  const rows = await database.db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(
      or(
        and(eq(workflowRuns.status, "waiting"), lte(workflowRuns.wakeAt, now)),
        and(eq(workflowRuns.status, "running"), lte(workflowRuns.leaseUntil, now)),
      ),
    )
    .orderBy(asc(workflowRuns.wakeAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Takes the run for this worker until leaseUntil; false when another worker holds it or it is not due. */
export async function claimRun(
  database: Database,
  id: string,
  worker: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const r = await database.run(sql`UPDATE workflow_runs
    SET status = 'running', lease_owner = ${worker}, lease_until = ${now + leaseMs}, updated_at = ${now}
    WHERE id = ${id} AND ((status = 'waiting' AND wake_at <= ${now}) OR (status = 'running' AND lease_until <= ${now}))`);
  return r.changes === 1;
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
  leaseMs: number,
): SQL[] {
  return [
    sql`INSERT INTO workflow_steps (run_id, name, output, completed_at)
      SELECT ${runId}, ${name}, ${JSON.stringify(output ?? null)}, ${now} WHERE ${holdsLease(runId, worker)}`,
    sql`UPDATE workflow_runs SET lease_until = ${now + leaseMs}, updated_at = ${now}
      WHERE id = ${runId} AND status = 'running' AND lease_owner = ${worker}`,
  ];
}

export async function journal(database: Database, runId: string): Promise<Map<string, unknown>> {
  const rows = await database.db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId));
  return new Map(rows.map((r) => [r.name, r.output]));
}

export async function getRun(database: Database, id: string): Promise<RunRow | undefined> {
  return database.db.select().from(workflowRuns).where(eq(workflowRuns.id, id)).get();
}

export function releaseRun(
  database: Database,
  id: string,
  worker: string,
  next: {
    status: RunRow["status"];
    wakeAt?: number | null;
    waitingOn?: string | null;
    attempts?: number;
    lastError?: string | null;
  },
  now: number,
) {
  return database.db
    .update(workflowRuns)
    .set({
      status: next.status,
      wakeAt: next.wakeAt ?? null,
      waitingOn: next.waitingOn ?? null,
      ...(next.attempts !== undefined ? { attempts: next.attempts } : {}),
      ...(next.lastError !== undefined ? { lastError: next.lastError } : {}),
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: now,
      ...(next.status === "completed" || next.status === "failed" ? { finishedAt: now } : {}),
    })
    .where(
      and(eq(workflowRuns.id, id), eq(workflowRuns.status, "running"), eq(workflowRuns.leaseOwner, worker)),
    );
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
