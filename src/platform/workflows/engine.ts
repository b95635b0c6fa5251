// The workflow engine's public face: start, cancel, signal and run what is due. Used by domain code and the tick.
import { and, type SQL } from "drizzle-orm";
import type { AppDeps } from "../deps.ts";
import { errorFields } from "../logger.ts";
import type { WorkflowDefinition } from "./definition.ts";
import { executeRun } from "./runner.ts";
import { workflowEnabledGuard } from "./settings.ts";
import {
  cancelRunsStatement,
  claimRun,
  dueRunIds,
  getRun,
  insertEventWhere,
  insertRunWhere,
  wakeWaiters,
} from "./store.ts";

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

/** Starts the calendar-driven runs that are due (idempotent per key); returns how many were asked for. */
export async function startScheduledRuns(deps: AppDeps, workflows: WorkflowRegistry): Promise<number> {
  let asked = 0;
  for (const definition of workflows.all()) {
    if (!definition.scheduledStarts) continue;
    try {
      const starts = await definition.scheduledStarts(deps, deps.clock.now());
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
 */
export function startWorkflowStatement(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  run: { workflow: string; ownerId: string; key: string; input: Record<string, unknown>; wakeAt?: number },
  onlyIf?: SQL,
): SQL {
  const now = deps.clock.now();
  const row = { id: deps.newId(), ...run, wakeAt: run.wakeAt ?? now, now };
  return insertRunWhere(row, and(workflowEnabledGuard(run.ownerId, run.workflow), onlyIf) as SQL);
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

/** Claims and runs due runs until none is left, `limit` is reached or the time budget is spent. */
export async function runDueWorkflows(
  deps: AppDeps,
  workflows: WorkflowRegistry,
  options: { worker: string; limit?: number; budgetMs?: number },
): Promise<RunDueReport> {
  const report: RunDueReport = { claimed: 0, completed: 0, waiting: 0, failed: 0, lost: 0 };
  const limit = options.limit ?? 500;
  const deadline = Date.now() + (options.budgetMs ?? 45_000);
  const leaseMs = deps.config.leaseMs;
  while (report.claimed < limit && Date.now() < deadline) {
    const ids = await dueRunIds(deps.database, deps.clock.now(), Math.min(100, limit - report.claimed));
    if (ids.length === 0) break;
    let progressed = false;
    for (const id of ids) {
      if (report.claimed >= limit || Date.now() >= deadline) break;
      if (!(await claimRun(deps.database, id, options.worker, deps.clock.now(), leaseMs))) continue;
      progressed = true;
      report.claimed++;
      const run = await getRun(deps.database, id);
      const definition = run ? workflows.get(run.workflow) : undefined;
      if (!run || !definition) {
        deps.logger.error("unknown workflow", { runId: id, workflow: run?.workflow });
        continue;
      }
      try {
        const outcome = await executeRun(deps, run, definition, { worker: options.worker, leaseMs });
        if (outcome === "completed") report.completed++;
        else if (outcome === "failed") report.failed++;
        else if (outcome === "lost") report.lost++;
        else report.waiting++;
      } catch (error) {
        // A database failure while releasing: the lease expires and another tick retries the run.
        deps.logger.error("workflow run crashed", { runId: id, ...errorFields(error) });
      }
    }
    if (!progressed) break;
  }
  return report;
}
