// An owner's own tick (POST /api/workflows/tick with its key) runs that owner's due work only: its workflow
// runs, its scheduled starts, its queued emails; another owner's wait for the deployment's tick, which still
// runs everyone's.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { enqueueMail } from "../../src/platform/mail/outbox.ts";
import { deliveryDeps } from "../../src/platform/mail/send.ts";
import { tick } from "../../src/platform/tick.ts";
import { defineWorkflow } from "../../src/platform/workflows/definition.ts";
import { registry, startWorkflow } from "../../src/platform/workflows/engine.ts";
import { anotherOwner, ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";

async function twoOwners() {
  const f = await ownerFixture();
  const { owner: other, key: otherKey } = await anotherOwner(f.deps);
  return { f, mine: f.owner.id, theirs: other.id, otherKey };
}

const probe = defineWorkflow<Record<string, never>>({
  name: "probe",
  title: { fr: "Sonde", en: "Probe" },
  async run(ctx) {
    await ctx.step("touch", async () => 1);
  },
  // Asks for one start per owner every tick; a start for the other owner must not be written by mine.
  async scheduledStarts(deps) {
    const rows = await deps.database.db.query.owners.findMany({ columns: { id: true } });
    return rows.map((o) => ({ ownerId: o.id, key: "scheduled", input: {} }));
  },
});
const PROBES = registry([probe]);

describe("an owner's own tick", () => {
  it("runs and starts that owner's runs and delivers that owner's emails, and counts only them", async () => {
    const { f, mine, theirs } = await twoOwners();
    for (const ownerId of [mine, theirs]) {
      await startWorkflow(f.deps, { workflow: "probe", ownerId, key: "started", input: {} });
      await enqueueMail(deliveryDeps(f.deps), {
        ownerId,
        idempotencyKey: "due",
        why: "test",
        to: { address: `${ownerId === mine ? "mine" : "theirs"}@example.org` },
        subject: "due",
        html: "<p>due</p>",
        text: "due",
        locale: "fr",
      });
    }
    const report = await tick(f.deps, PROBES, "worker-a", { ownerId: mine });
    expect(report.workflows.completed).toBe(2);
    expect(report.mail.sent).toBe(1);
    const transport = f.deps.transport as CapturingTransport;
    expect(transport.sent.map((m) => m.to.address)).toEqual(["mine@example.org"]);
    const runs = await f.deps.database.db.select().from(workflowRuns).all();
    const state = (ownerId: string) =>
      runs
        .filter((r) => r.ownerId === ownerId)
        .map((r) => `${r.key}:${r.status}`)
        .sort();
    expect(state(mine)).toEqual(["scheduled:completed", "started:completed"]);
    expect(state(theirs)).toEqual(["started:waiting"]);
    const theirMail = await f.deps.database.db.select().from(outbox).where(eq(outbox.ownerId, theirs)).get();
    expect(theirMail).toMatchObject({ status: "queued", attempts: 0 });

    // The deployment's tick (scheduler, CLI) still runs everyone's.
    const global = await tick(f.deps, PROBES, "worker-b");
    expect(global.workflows.completed).toBe(2);
    expect(global.mail.sent).toBe(1);
    expect(transport.sent.map((m) => m.to.address)).toEqual(["mine@example.org", "theirs@example.org"]);
  });

  it("is what POST /api/workflows/tick runs for the key's owner", async () => {
    const { f, theirs, otherKey } = await twoOwners();
    await enqueueMail(deliveryDeps(f.deps), {
      ownerId: theirs,
      idempotencyKey: "due",
      why: "test",
      to: { address: "theirs@example.org" },
      subject: "due",
      html: "<p>due</p>",
      text: "due",
      locale: "fr",
    });
    const byMe = await f.api("/api/workflows/tick", { method: "POST" });
    expect(((await byMe.json()) as { mail: { sent: number } }).mail.sent).toBe(0);
    expect((f.deps.transport as CapturingTransport).sent).toEqual([]);
    const byThem = await f.app.request("/api/workflows/tick", {
      method: "POST",
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(((await byThem.json()) as { mail: { sent: number } }).mail.sent).toBe(1);
  });
});
