// Runs one claimed workflow run: replays its journal, executes what is new, then suspends, completes or retries.
import type { SQL } from "drizzle-orm";
import { isUniqueViolation } from "../db/database.ts";
import type { AppDeps } from "../deps.ts";
import { mailDomain } from "../deps.ts";
import { errorFields } from "../logger.ts";
import { guardedOutboxInsert } from "../mail/outbox.ts";
import { shouldGiveUp, stepRetryDelayMs } from "./backoff.ts";
import { LeaseLost, Suspend, type WorkflowContext, type WorkflowDefinition } from "./definition.ts";
import {
  completeStep,
  eventWaitLabel,
  findEvent,
  holdsLease,
  journal,
  type RunRow,
  releaseRun,
} from "./store.ts";

export interface RunnerOptions {
  worker: string;
  leaseMs: number;
  /** The run's journal when the caller read it already (with the other runs it claimed). */
  journal?: Map<string, unknown>;
}

function context(
  deps: AppDeps,
  run: RunRow,
  done: Map<string, unknown>,
  options: RunnerOptions,
): WorkflowContext<Record<string, unknown>> {
  const { worker, leaseMs } = options;
  // The claim's time: the lease is extended with a step only past its half-life, saving a write on most steps.
  let leaseFrom = run.updatedAt;
  const record = async (name: string, output: unknown, extra: SQL[] = []) => {
    const now = deps.clock.now();
    const extend = now - leaseFrom > leaseMs / 2;
    if (extend) leaseFrom = now;
    const statements = [
      ...completeStep(run.id, worker, name, output, now, extend ? now + leaseMs : undefined),
      ...extra,
    ];
    // One statement is atomic by itself: no transaction around it (most steps).
    const written =
      statements.length === 1
        ? deps.database.run(statements[0]!).then((r) => [r])
        : deps.database.batch(statements);
    const [inserted] = await written.catch((error: unknown) => {
      // Another worker completed this step after our lease expired: the journal has it; stop here.
      if (isUniqueViolation(error)) throw new LeaseLost(`step ${name} already completed`);
      throw error;
    });
    if ((inserted?.changes ?? 0) !== 1) throw new LeaseLost(`lost the lease before completing ${name}`);
    done.set(name, output ?? null);
  };
  return {
    runId: run.id,
    ownerId: run.ownerId,
    input: run.input,
    now: () => deps.clock.now(),
    async step(name, fn) {
      if (done.has(name)) return done.get(name) as never;
      const output = await fn();
      await record(name, output);
      return output;
    },
    async sendEmail(name, build) {
      if (done.has(name)) return done.get(name) as { sent: boolean };
      const mail = await build();
      if (!mail) {
        await record(name, { sent: false });
        return { sent: false };
      }
      // The outbox row exists if and only if the step is journaled: same batch, same lease guard.
      const insert = guardedOutboxInsert(
        {
          database: deps.database,
          clock: deps.clock,
          newId: deps.newId,
          mailDomain: mailDomain(deps.config),
        },
        {
          ...mail,
          ownerId: run.ownerId,
          idempotencyKey: `workflow:${run.id}:${name}`,
          workflowRunId: run.id,
        },
        holdsLease(run.id, worker),
      );
      await record(name, { sent: true }, [insert]);
      return { sent: true };
    },
    async sleepUntil(name, at) {
      if (done.has(name)) return;
      if (deps.clock.now() >= at) {
        await record(name, { wokeAt: deps.clock.now() });
        return;
      }
      throw new Suspend(at, `sleep:${name}`);
    },
    async waitForEvent(name, event, { timeoutAt }) {
      if (done.has(name)) return (done.get(name) as { payload: unknown } | null)?.payload as never;
      const found = await findEvent(deps.database, run.ownerId, event.name, event.key, run.createdAt);
      if (found) {
        await record(name, { payload: found.payload ?? {} });
        return (found.payload ?? {}) as never;
      }
      if (deps.clock.now() >= timeoutAt) {
        await record(name, { payload: null });
        return null;
      }
      throw new Suspend(timeoutAt, eventWaitLabel(event.name, event.key), event);
    },
  };
}

export interface RunOutcome {
  status: "completed" | "waiting" | "failed" | "lost";
  /** The guarded write that ends this execution (null when the lease was lost), for the caller to batch. */
  release: SQL | null;
}

/**
 * Executes the run up to its end or its next wait. Every step is journaled as it completes; the run's new state
 * is returned as a statement, so the caller can write several runs' in one batch. Until it is written the run
 * stays claimed: after a crash meanwhile it is replayed from its journal, no step running again.
 */
export async function executeRun(
  deps: AppDeps,
  run: RunRow,
  definition: WorkflowDefinition,
  options: RunnerOptions,
): Promise<RunOutcome> {
  const done = options.journal ?? (await journal(deps.database, run.id));
  const ending = (
    status: Exclude<RunOutcome["status"], "lost">,
    next: Omit<Parameters<typeof releaseRun>[2], "status">,
  ) => ({
    status,
    release: releaseRun(run.id, options.worker, { status, ...next }, deps.clock.now()),
  });
  try {
    await definition.run(context(deps, run, done, options) as never, deps);
    return ending("completed", { attempts: 0, lastError: null });
  } catch (error) {
    if (error instanceof Suspend) {
      const { wakeAt, waitingOn, event } = error;
      const wakeOnEvent = event && { ownerId: run.ownerId, ...event, since: run.createdAt };
      return ending("waiting", { wakeAt, waitingOn, wakeOnEvent, attempts: 0 });
    }
    if (error instanceof LeaseLost) return { status: "lost", release: null };
    const failures = run.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.warn("workflow step failed", {
      runId: run.id,
      workflow: run.workflow,
      failures,
      ...errorFields(error),
    });
    if (shouldGiveUp(failures))
      return ending("failed", { attempts: failures, lastError: message.slice(0, 2000) });
    return ending("waiting", {
      wakeAt: deps.clock.now() + stepRetryDelayMs(failures),
      waitingOn: "retry",
      attempts: failures,
      lastError: message.slice(0, 2000),
    });
  }
}
