// The engine claims due runs in batches and writes their new states together: a late tick still catches up on
// everything in one go, a spent time budget gives unstarted runs back, and an event emitted while a run's
// suspension is not yet written still wakes it at once.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workflowRuns, workflowSteps } from "../../src/platform/db/schema.ts";
import { defineWorkflow } from "../../src/platform/workflows/definition.ts";
import {
  emitEvent,
  registry,
  runDueWorkflows,
  startWorkflowStatement,
} from "../../src/platform/workflows/engine.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";

const DAY = 86_400_000;

function workflows(calls: string[]) {
  return registry([
    defineWorkflow<{ n: number }>({
      name: "count",
      title: { fr: "Compter", en: "Count" },
      async run(ctx) {
        await ctx.step("one", () => calls.push(`one:${ctx.input.n}`));
        await ctx.step("two", () => calls.push(`two:${ctx.input.n}`));
      },
    }),
    defineWorkflow<{ key: string }>({
      name: "await-approval",
      title: { fr: "Attendre", en: "Await" },
      async run(ctx) {
        const answer = await ctx.waitForEvent(
          "approved",
          { name: "approved", key: ctx.input.key },
          { timeoutAt: ctx.now() + 2 * DAY },
        );
        await ctx.step("outcome", () => calls.push(answer ? "approved" : "timed-out"));
      },
    }),
    defineWorkflow<{ key: string }>({
      name: "approve",
      title: { fr: "Approuver", en: "Approve" },
      async run(ctx, deps) {
        await ctx.step("emit", () =>
          emitEvent(deps, { ownerId: ctx.ownerId, name: "approved", key: ctx.input.key }),
        );
      },
    }),
  ]);
}

async function start(
  f: Awaited<ReturnType<typeof ownerFixture>>,
  runs: { workflow: string; key: string; input: Record<string, unknown>; wakeAt?: number }[],
) {
  for (let i = 0; i < runs.length; i += 200)
    await f.deps.database.batch(
      runs.slice(i, i + 200).map((r) => startWorkflowStatement(f.deps, { ownerId: f.owner.id, ...r })),
    );
}

describe("batched claims", () => {
  it("a late tick runs every due run in one go, each step once, whatever the backlog", async () => {
    const f = await ownerFixture({ now: "2027-03-01T09:00:00Z" });
    const calls: string[] = [];
    await start(
      f,
      Array.from({ length: 1234 }, (_, n) => ({ workflow: "count", key: `k${n}`, input: { n } })),
    );
    const report = await runDueWorkflows(f.deps, workflows(calls), { worker: "w1" });
    expect(report).toEqual({ claimed: 1234, completed: 1234, waiting: 0, failed: 0, lost: 0 });
    expect(new Set(calls).size).toBe(2 * 1234);
    expect(await f.deps.database.db.select().from(workflowSteps).all()).toHaveLength(2 * 1234);
    const left = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.status, "running"))
      .all();
    expect(left).toEqual([]);
  });

  it("claims earliest first, and a spent budget gives the claimed but unstarted runs back, due at once", async () => {
    const f = await ownerFixture({ now: "2027-03-01T09:00:00Z" });
    const calls: string[] = [];
    const now = f.clock.now();
    await start(
      f,
      [3, 1, 2].map((n) => ({ workflow: "count", key: `k${n}`, input: { n }, wakeAt: now - n * 60_000 })),
    );
    expect(await runDueWorkflows(f.deps, workflows(calls), { worker: "w1", limit: 1 })).toMatchObject({
      claimed: 1,
      completed: 1,
    });
    expect(calls).toEqual(["one:3", "two:3"]);
    expect(await runDueWorkflows(f.deps, workflows(calls), { worker: "w1", budgetMs: -1 })).toMatchObject({
      claimed: 0,
    });
    const runs = await f.deps.database.db.select().from(workflowRuns).all();
    expect(runs.filter((r) => r.status === "waiting" && r.leaseOwner === null)).toHaveLength(2);
    expect(await runDueWorkflows(f.deps, workflows(calls), { worker: "w2" })).toMatchObject({ completed: 2 });
    expect(calls).toEqual(["one:3", "two:3", "one:2", "two:2", "one:1", "two:1"]);
  });

  it("an event emitted while a run's suspension is being written still wakes it at once", async () => {
    const f = await ownerFixture({ now: "2027-03-01T09:00:00Z" });
    const calls: string[] = [];
    const now = f.clock.now();
    // One batch: the waiting run looks for the event and suspends, then the other emits it, before the
    // waiting run's new state is written (and so before the emitter's wake-up could find it waiting).
    await start(f, [
      { workflow: "await-approval", key: "a", input: { key: "b1" }, wakeAt: now - 2000 },
      { workflow: "approve", key: "b", input: { key: "b1" }, wakeAt: now - 1000 },
    ]);
    // Its suspension saw the event, so it was due again at once: the same call ran it to its end.
    expect(await runDueWorkflows(f.deps, workflows(calls), { worker: "w1" })).toEqual({
      claimed: 3,
      waiting: 1,
      completed: 2,
      failed: 0,
      lost: 0,
    });
    expect(calls).toEqual(["approved"]);
    const runs = await f.deps.database.db.select().from(workflowRuns).all();
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed"]);
  });
});
