import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns, workflowSteps } from "../../src/platform/db/schema.ts";
import { openSqlite } from "../../src/platform/db/sqlite.ts";
import { defineWorkflow } from "../../src/platform/workflows/definition.ts";
import {
  cancelWorkflowsStatement,
  emitEvent,
  registry,
  runDueWorkflows,
  startWorkflow,
} from "../../src/platform/workflows/engine.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import { createTestApp } from "../helpers/test-app.ts";

const HOUR = 3_600_000;

/** Side effects observed by the test workflows, to count how often each step body really ran. */
function probe() {
  const calls: string[] = [];
  const flaky = { failuresLeft: 0 };
  const wf = registry([
    defineWorkflow<{ to: string }>({
      name: "reminder",
      title: { fr: "Rappel", en: "Reminder" },
      async run(ctx) {
        const plan = await ctx.step("plan", () => {
          calls.push("plan");
          return { at: ctx.now() + 2 * HOUR };
        });
        await ctx.sleepUntil("wait", plan.at);
        await ctx.sendEmail("remind", async () => {
          calls.push("remind");
          if (flaky.failuresLeft > 0) {
            flaky.failuresLeft--;
            throw new Error("template service down");
          }
          return {
            why: "workflow:reminder",
            to: { address: ctx.input.to },
            subject: "Rappel",
            html: "<p>Rappel</p>",
            text: "Rappel",
            locale: "fr",
          };
        });
        await ctx.step("after", () => {
          calls.push("after");
        });
      },
    }),
    defineWorkflow<{ key: string }>({
      name: "approval",
      title: { fr: "Validation", en: "Approval" },
      async run(ctx) {
        const answer = await ctx.waitForEvent(
          "approved",
          { name: "booking.approved", key: ctx.input.key },
          { timeoutAt: ctx.input.key === "late" ? 0 : Date.parse("2027-03-02T09:00:00Z") },
        );
        await ctx.step("outcome", () => {
          calls.push(answer ? `approved:${JSON.stringify(answer)}` : "timed-out");
        });
      },
    }),
  ]);
  return { calls, flaky, wf };
}

async function setup() {
  const f = await ownerFixture({ now: "2027-03-01T09:00:00Z" });
  return { f, ...probe() };
}

describe("workflow engine", () => {
  it("journals each step: replays never run a completed step again", async () => {
    const { f, calls, wf } = await setup();
    await startWorkflow(f.deps, {
      workflow: "reminder",
      ownerId: f.owner.id,
      key: "b1",
      input: { to: "p@example.org" },
    });
    expect(await runDueWorkflows(f.deps, wf, { worker: "w1" })).toMatchObject({ claimed: 1, waiting: 1 });
    expect(calls).toEqual(["plan"]);
    // Nothing is due before the sleep ends.
    f.clock.advance(HOUR);
    expect((await runDueWorkflows(f.deps, wf, { worker: "w1" })).claimed).toBe(0);
    f.clock.advance(HOUR);
    expect(await runDueWorkflows(f.deps, wf, { worker: "w1" })).toMatchObject({ claimed: 1, completed: 1 });
    expect(calls).toEqual(["plan", "remind", "after"]);
    const steps = await f.deps.database.db.select().from(workflowSteps).all();
    expect(steps.map((s) => s.name).sort()).toEqual(["after", "plan", "remind", "wait"]);
  });

  it("records the email with its step: a failing step retries with backoff and never duplicates the email", async () => {
    const { f, calls, flaky, wf } = await setup();
    flaky.failuresLeft = 2;
    await startWorkflow(f.deps, {
      workflow: "reminder",
      ownerId: f.owner.id,
      key: "b1",
      input: { to: "p@example.org" },
    });
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    f.clock.advance(2 * HOUR);
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    const [run] = await f.deps.database.db.select().from(workflowRuns).all();
    expect(run).toMatchObject({
      status: "waiting",
      waitingOn: "retry",
      attempts: 1,
      lastError: "template service down",
    });
    f.clock.advance(60_000);
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    f.clock.advance(120_000);
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    expect(calls.filter((c) => c === "remind")).toHaveLength(3);
    const mails = await f.deps.database.db.select().from(outbox).all();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ idempotencyKey: `workflow:${run!.id}:remind`, workflowRunId: run!.id });
    expect((await f.deps.database.db.select().from(workflowRuns).get())?.status).toBe("completed");
  });

  it("parks a run as failed after repeated errors, with the error kept, and other runs go on", async () => {
    const { f, flaky, wf } = await setup();
    flaky.failuresLeft = 100;
    await startWorkflow(f.deps, {
      workflow: "reminder",
      ownerId: f.owner.id,
      key: "bad",
      input: { to: "p@example.org" },
    });
    await startWorkflow(f.deps, {
      workflow: "approval",
      ownerId: f.owner.id,
      key: "late",
      input: { key: "late" },
    });
    for (let i = 0; i < 12; i++) {
      await runDueWorkflows(f.deps, wf, { worker: "w1" });
      f.clock.advance(2 * HOUR);
    }
    const runs = await f.deps.database.db.select().from(workflowRuns).all();
    expect(runs.find((r) => r.key === "bad")).toMatchObject({
      status: "failed",
      attempts: 6,
      lastError: "template service down",
    });
    expect(runs.find((r) => r.key === "late")?.status).toBe("completed");
  });

  it("waits for an event, and times out when none comes", async () => {
    const { f, calls, wf } = await setup();
    await startWorkflow(f.deps, {
      workflow: "approval",
      ownerId: f.owner.id,
      key: "b1",
      input: { key: "b1" },
    });
    await startWorkflow(f.deps, {
      workflow: "approval",
      ownerId: f.owner.id,
      key: "b2",
      input: { key: "b2" },
    });
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    const waiting = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.key, "b1"))
      .get();
    expect(waiting).toMatchObject({ status: "waiting", waitingOn: "event:booking.approved:b1" });
    f.clock.advance(60_000);
    await emitEvent(f.deps, {
      ownerId: f.owner.id,
      name: "booking.approved",
      key: "b1",
      payload: { by: "owner" },
    });
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    expect(calls).toEqual(['approved:{"by":"owner"}']);
    f.clock.set("2027-03-02T09:00:00Z");
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    expect(calls).toEqual(['approved:{"by":"owner"}', "timed-out"]);
  });

  it("starting twice with the same key is one run; cancelling stops it before its email", async () => {
    const { f, calls, wf } = await setup();
    for (let i = 0; i < 3; i++)
      await startWorkflow(f.deps, {
        workflow: "reminder",
        ownerId: f.owner.id,
        key: "b1",
        input: { to: "p@example.org" },
      });
    expect(await f.deps.database.db.select().from(workflowRuns).all()).toHaveLength(1);
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    await f.deps.database.batch([cancelWorkflowsStatement(f.deps, f.owner.id, ["reminder"], "b1")]);
    f.clock.advance(3 * HOUR);
    expect((await runDueWorkflows(f.deps, wf, { worker: "w1" })).claimed).toBe(0);
    expect(calls).toEqual(["plan"]);
    expect(await f.deps.database.db.select().from(outbox).all()).toHaveLength(0);
  });

  it("a run whose worker died is taken over after its lease expires, resuming after its last completed step", async () => {
    const { f, calls, wf } = await setup();
    await startWorkflow(f.deps, {
      workflow: "reminder",
      ownerId: f.owner.id,
      key: "b1",
      input: { to: "p@example.org" },
    });
    await runDueWorkflows(f.deps, wf, { worker: "w1" });
    f.clock.advance(2 * HOUR);
    // Simulate w1 crashing right after claiming: the run stays "running" under w1's lease.
    await f.deps.database.run(
      (await import("drizzle-orm"))
        .sql`UPDATE workflow_runs SET status = 'running', lease_owner = 'w1', lease_until = ${f.clock.now() + f.config.leaseMs}`,
    );
    expect((await runDueWorkflows(f.deps, wf, { worker: "w2" })).claimed).toBe(0);
    f.clock.advance(f.config.leaseMs + 1);
    expect(await runDueWorkflows(f.deps, wf, { worker: "w2" })).toMatchObject({ claimed: 1, completed: 1 });
    expect(calls).toEqual(["plan", "remind", "after"]);
  });

  it("two schedulers on one SQLite file never run the same step twice", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "creneau-wf-")), "db.sqlite");
    const a = createTestApp({ database: openSqlite(file), now: "2027-03-01T09:00:00Z" });
    const b = createTestApp({ database: openSqlite(file), now: "2027-03-01T09:00:00Z" });
    const f = await ownerFixture({ database: a.deps.database, now: "2027-03-01T09:00:00Z" });
    const { calls, wf } = probe();
    for (let i = 0; i < 60; i++)
      await startWorkflow(f.deps, {
        workflow: "reminder",
        ownerId: f.owner.id,
        key: `b${i}`,
        input: { to: `p${i}@example.org` },
      });
    await Promise.all([
      runDueWorkflows(a.deps, wf, { worker: "A" }),
      runDueWorkflows(b.deps, wf, { worker: "B" }),
    ]);
    for (const t of [a, b]) t.clock.advance(2 * HOUR);
    await Promise.all([
      runDueWorkflows(a.deps, wf, { worker: "A" }),
      runDueWorkflows(b.deps, wf, { worker: "B" }),
    ]);
    expect(calls.filter((c) => c === "plan")).toHaveLength(60);
    expect(calls.filter((c) => c === "remind")).toHaveLength(60);
    expect(await a.deps.database.db.select().from(outbox).all()).toHaveLength(60);
    const runs = await a.deps.database.db.select().from(workflowRuns).all();
    expect(runs.every((r) => r.status === "completed")).toBe(true);
  });
});

describe("workflow API", () => {
  it("POST /api/workflows/tick runs what is due and GET /api/workflows/runs lists runs", async () => {
    const f = await ownerFixture({ now: "2027-03-01T09:00:00Z" });
    const tick = await f.api("/api/workflows/tick", { method: "POST" });
    expect(tick.status).toBe(200);
    expect(await tick.json()).toMatchObject({ workflows: { claimed: 0 }, mail: { sent: 0 } });
    const runs = await f.api("/api/workflows/runs?status=waiting");
    expect(runs.status).toBe(200);
    expect(await runs.json()).toEqual({ items: [], nextCursor: null });
    expect((await f.api("/api/workflows/runs?status=bogus")).status).toBe(422);
  });
});

describe("calendar-driven starts", () => {
  it("start once per key, however many ticks ask, and one failing schedule does not stop the others", async () => {
    const f = await ownerFixture({ now: "2027-03-31T08:00:00Z" });
    const { startScheduledRuns } = await import("../../src/platform/workflows/engine.ts");
    const monthly = defineWorkflow<{ month: string }>({
      name: "monthly",
      title: { fr: "Mensuel", en: "Monthly" },
      async run() {},
      async scheduledStarts(_deps, now) {
        const month = new Date(now).toISOString().slice(0, 7);
        return [{ ownerId: f.owner.id, key: `m1:${month}`, input: { month } }];
      },
    });
    const broken = defineWorkflow({
      name: "broken",
      title: { fr: "Cassé", en: "Broken" },
      async run() {},
      async scheduledStarts() {
        throw new Error("no data");
      },
    });
    const wf = registry([broken, monthly]);
    for (let i = 0; i < 3; i++) await startScheduledRuns(f.deps, wf);
    f.clock.set("2027-04-30T08:00:00Z");
    await startScheduledRuns(f.deps, wf);
    const keys = (await f.deps.database.db.select().from(workflowRuns).all()).map((r) => r.key).sort();
    expect(keys).toEqual(["m1:2027-03", "m1:2027-04"]);
  });
});
