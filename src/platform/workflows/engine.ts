// The workflow engine's public face: start, cancel, signal and run what is due. Used by domain code and the tick.
import { and, type SQL } from "drizzle-orm";
import type { AppDeps } from "../deps.ts";
import { errorFields } from "../logger.ts";
import { claimDueRuns, journalsOf, releaseUnstarted, renewLease } from "./claims.ts";
import type { WorkflowDefinition } from "./definition.ts";
import { executeRun, type RunOutcome } from "./runner.ts";
import { workflowEnabledGuard } from "./settings.ts";
import { cancelRunsStatement, insertEventWhere, insertRunWhere, wakeWaiters } from "./store.ts";

export interface WorkflowRegistry {
  get(name: string): WorkflowDefinition | undefined;
  names(): string[];
  all(): WorkflowDefinition[];
}

export function registry(definitions: WorkflowDefinition<never>[]): WorkflowRegistry {
  const byName = new Map(definitions.map((d) => [d.name, d as unknown as WorkflowDefinition]));
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    all: () => [...byName.values()],
  };
}

/**
 * Starts the calendar-driven runs that are due (idempotent per key); returns how many were asked for. With
 * ownerId (an owner's own tick through the API), only that owner's.
 */
export async function startScheduledRuns(
  deps: AppDeps,
  workflows: WorkflowRegistry,
  ownerId?: string,
): Promise<number> {
  let asked = 0;
  for (const definition of workflows.all()) {
    if (!definition.scheduledStarts) continue;
    try {
      const all = await definition.scheduledStarts(deps, deps.clock.now());
      const starts = ownerId ? all.filter((s) => s.ownerId === ownerId) : all;
      asked += starts.length;
      for (let i = 0; i < starts.length; i += 50) {
        await deps.database.batch(
          starts
            .slice(i, i + 50)
            .map((s) => startWorkflowStatement(deps, { workflow: definition.name, ...s })),
        );
      }
    } catch (error) {
      // One workflow's schedule failing must not stop the others, nor the tick.
      deps.logger.error("scheduled starts failed", { workflow: definition.name, ...errorFields(error) });
    }
  }
  return asked;
}

/**
 * Starts a run now (or at wakeAt). A second start with the same workflow and key is ignored, and so is a
 * start of a workflow the owner switched off (checked in the same statement, whoever starts it).
 * `reopenCancelled`: a cancelled run with the same key resumes from its journal instead (a booking moved
 * back to a time it had before gets its reminders again, and none it already had).
 */
export function startWorkflowStatement(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  run: { workflow: string; ownerId: string; key: string; input: Record<string, unknown>; wakeAt?: number },
  onlyIf?: SQL,
  options: { reopenCancelled?: boolean } = {},
): SQL {
  const now = deps.clock.now();
  const row = { id: deps.newId(), ...run, wakeAt: run.wakeAt ?? now, now };
  const guard = and(workflowEnabledGuard(run.ownerId, run.workflow), onlyIf) as SQL;
  return insertRunWhere(row, guard, options.reopenCancelled);
}

export async function startWorkflow(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  run: Parameters<typeof startWorkflowStatement>[1],
): Promise<void> {
  await deps.database.batch([startWorkflowStatement(deps, run)]);
}

/** Cancels the live runs of these workflows about `key` (and its `key@…` variants, e.g. per start time). */
export function cancelWorkflowsStatement(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  workflows: string[],
  key: string,
  onlyIf?: SQL,
) {
  return cancelRunsStatement(deps.database, ownerId, workflows, key, deps.clock.now(), onlyIf);
}

/** Records a domain event and wakes the runs waiting on it; with onlyIf, only if that holds (same batch). */
export function emitEventStatements(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  event: { ownerId: string; name: string; key: string; payload?: Record<string, unknown> },
  onlyIf?: SQL,
): SQL[] {
  const now = deps.clock.now();
  const { ownerId, name, key } = event;
  return [
    insertEventWhere({ id: deps.newId(), ownerId, name, key, payload: event.payload ?? null, now }, onlyIf),
    wakeWaiters(ownerId, name, key, now),
  ];
}

export async function emitEvent(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  event: Parameters<typeof emitEventStatements>[1],
): Promise<void> {
  await deps.database.batch(emitEventStatements(deps, event));
}

export interface RunDueReport {
  claimed: number;
  completed: number;
  waiting: number;
  failed: number;
  lost: number;
}

/** Runs claimed together: enough to save round trips, few enough that their leases stay fresh. */
const CLAIM_BATCH = 50;

/**
 * Claims and runs due runs until none is left, `limit` is reached or the time budget is spent. The budget is the
 * real bound: a tick that comes late after downtime catches up on everything due in one go.
 */
export async function runDueWorkflows(
  deps: AppDeps,
  workflows: WorkflowRegistry,
  options: { worker: string; limit?: number; budgetMs?: number; ownerId?: string },
): Promise<RunDueReport> {
  const report: RunDueReport = { claimed: 0, completed: 0, waiting: 0, failed: 0, lost: 0 };
  const { worker } = options;
  const limit = options.limit ?? 50_000;
  const deadline = Date.now() + (options.budgetMs ?? 45_000);
  const leaseMs = deps.config.leaseMs;
  // The runs' new states, written together: one commit for many runs instead of one each.
  const ended: { status: Exclude<RunOutcome["status"], "lost">; release: SQL }[] = [];
  let oldestEnded = 0;
  const writeEnded = async () => {
    if (ended.length === 0) return;
    const batch = ended.splice(0);
    try {
      await deps.database.batch(batch.map((e) => e.release));
      for (const e of batch) report[e.status]++;
    } catch (error) {
      // Their journals are written: once the leases expire, a tick replays them to the same end.
      deps.logger.error("releasing workflow runs failed", { runs: batch.length, ...errorFields(error) });
    }
  };
  while (report.claimed < limit && Date.now() < deadline) {
    const claimedAt = deps.clock.now();
    const runs = await claimDueRuns(deps.database, {
      worker,
      now: claimedAt,
      leaseMs,
      limit: Math.min(CLAIM_BATCH, limit - report.claimed),
      ownerId: options.ownerId,
    });
    if (runs.length === 0) break;
    const journals = await journalsOf(
      deps.database,
      runs.map((r) => r.id),
    );
    for (const [index, run] of runs.entries()) {
      if (Date.now() >= deadline) {
        const unstarted = runs.slice(index).map((r) => r.id);
        await releaseUnstarted(deps.database, unstarted, worker, deps.clock.now());
        break;
      }
      // Waited its turn for over half its lease (slow steps before it): renew it, unless taken meanwhile.
      const now = deps.clock.now();
      if (now - claimedAt > leaseMs / 2 && !(await renewLease(deps.database, run.id, worker, now, leaseMs)))
        continue;
      report.claimed++;
      const definition = workflows.get(run.workflow);
      if (!definition) {
        deps.logger.error("unknown workflow", { runId: run.id, workflow: run.workflow });
        continue;
      }
      try {
        const journal = journals.get(run.id);
        const { status, release } = await executeRun(deps, run, definition, { worker, leaseMs, journal });
        if (status === "lost" || !release) report.lost++;
        else {
          if (ended.length === 0) oldestEnded = Date.now();
          ended.push({ status, release });
        }
      } catch (error) {
        // A database failure while journaling: the lease expires and another tick retries the run.
        deps.logger.error("workflow run crashed", { runId: run.id, ...errorFields(error) });
      }
      if (Date.now() - oldestEnded > leaseMs / 4) await writeEnded();
    }
    await writeEnded();
  }
  await writeEnded();
  return report;
}
