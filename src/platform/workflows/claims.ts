// Claiming due runs in batches: one guarded UPDATE … RETURNING takes up to n runs for a worker, one query reads
// their journals. Per run that was a claim, a read and a journal query (a D1 round trip each on Workers).
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { workflowRuns, workflowSteps } from "../db/schema.ts";
import type { RunRow } from "./store.ts";

/**
 * Takes up to `limit` due runs for this worker until now + leaseMs: runs whose worker died (lease expired) first,
 * then the waiting ones whose time has come, earliest first. One statement: another scheduler's claim happened
 * wholly before it (those runs are no longer due) or after. Each half walks the (status, wake_at) index and stops
 * at `limit`, so a claim costs the same with 10 due runs or 10,000.
 */
export async function claimDueRuns(
  database: Database,
  claim: { worker: string; now: number; leaseMs: number; limit: number; ownerId?: string | undefined },
): Promise<RunRow[]> {
  const { worker, now, leaseMs, limit } = claim;
  // An owner's own tick (POST /api/workflows/tick) takes only that owner's runs.
  const owned = claim.ownerId ? sql` AND owner_id = ${claim.ownerId}` : sql``;
  const due = sql`SELECT id FROM (
      SELECT id FROM workflow_runs WHERE status = 'running' AND lease_until <= ${now}${owned}
      UNION ALL
      SELECT id FROM (SELECT id FROM workflow_runs WHERE status = 'waiting' AND wake_at <= ${now}${owned}
        ORDER BY wake_at LIMIT ${limit})
    ) LIMIT ${limit}`;
  const runs = await database.db
    .update(workflowRuns)
    .set({ status: "running", leaseOwner: worker, leaseUntil: now + leaseMs, updatedAt: now })
    .where(sql`${workflowRuns.id} IN (${due})`)
    .returning();
  return runs.sort((a, b) => (a.wakeAt ?? 0) - (b.wakeAt ?? 0));
}

/** The journals of these runs: step name → journaled output, per run id. */
export async function journalsOf(
  database: Database,
  runIds: string[],
): Promise<Map<string, Map<string, unknown>>> {
  const journals = new Map<string, Map<string, unknown>>(runIds.map((id) => [id, new Map()]));
  if (runIds.length === 0) return journals;
  const steps = await database.db
    .select({ runId: workflowSteps.runId, name: workflowSteps.name, output: workflowSteps.output })
    .from(workflowSteps)
    .where(inArray(workflowSteps.runId, runIds));
  for (const step of steps) journals.get(step.runId)?.set(step.name, step.output);
  return journals;
}

/** Extends this worker's lease on a run claimed a while ago; false when another worker has taken it since. */
export async function renewLease(
  database: Database,
  runId: string,
  worker: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const renewed =
    await database.run(sql`UPDATE workflow_runs SET lease_until = ${now + leaseMs}, updated_at = ${now}
    WHERE id = ${runId} AND status = 'running' AND lease_owner = ${worker}`);
  return renewed.changes === 1;
}

/** Gives back runs claimed but not started (the tick's time ran out): due again at once, for anyone. */
export async function releaseUnstarted(database: Database, runIds: string[], worker: string, now: number) {
  if (runIds.length === 0) return;
  await database.run(sql`UPDATE workflow_runs SET status = 'waiting', lease_owner = NULL, lease_until = NULL,
      wake_at = coalesce(wake_at, ${now}), updated_at = ${now}
    WHERE id IN (${sql.join(
      runIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND status = 'running' AND lease_owner = ${worker}`);
}
