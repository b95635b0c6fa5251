// Migration 0007 replaces the tick's interim reminder scan: run on a database as the older code left it, every
// live call still ahead gets exactly one owner's reminder through a booking-reminders run, and none the interim
// job already sent (its outbox key reminder:<booking>:<start>) is sent again.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { MIGRATIONS_DIR } from "../../src/platform/db/sqlite.ts";
import { tick } from "../../src/platform/tick.ts";
import { book, calendarOwner } from "../calendars/helpers.ts";
import type { OwnerFixture } from "../helpers/owner-fixture.ts";

const MIN = 60_000;
const BACKFILL = "0007_booking_reminders_backfill";

/**
 * Runs the backfill's own SQL file again, statement by statement as drizzle's migrator does, as an upgrade from
 * the code before it does (the later migrations, already applied, are left alone).
 */
function rerunBackfill(f: OwnerFixture) {
  const file = readFileSync(path.join(MIGRATIONS_DIR, `${BACKFILL}.sql`), "utf8");
  for (const statement of file.split("--> statement-breakpoint")) {
    if (statement.trim()) f.deps.database.sqlite.exec(statement);
  }
}

async function booked(f: OwnerFixture, start: string): Promise<{ id: string; startMs: number }> {
  const r = await book(f, start);
  expect(r.status).toBe(201);
  const { booking } = (await r.json()) as { booking: { id: string } };
  return { id: booking.id, startMs: Date.parse(start) };
}

const runKey = (b: { id: string; startMs: number }) => `${b.id}@${b.startMs}`;

async function ownerRemindersFor(f: OwnerFixture, runKeys: string[]) {
  const runs = await f.deps.database.db.select().from(workflowRuns).all();
  const sent = await f.deps.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.why, "workflow:booking-reminders"), eq(outbox.toAddress, "jean@example.com")));
  return runKeys.map((k) =>
    sent.filter((m) => runs.find((r) => r.id === m.workflowRunId)?.key.startsWith(k)),
  );
}

describe("booking reminders backfill (migration 0007)", () => {
  it("reminds every live call ahead once: runs ended under the old code, bookings without a run, the scan's runs", async () => {
    const f = await calendarOwner();
    const endedOld = await booked(f, "2027-03-29T09:00:00+02:00");
    const remindedByJob = await booked(f, "2027-03-29T10:00:00+02:00");
    const noRun = await booked(f, "2027-03-29T11:00:00+02:00");
    const scanned = await booked(f, "2027-03-30T09:00:00+02:00");
    const db = f.deps.database.db;
    // Runs that finished before the owner's reminder was one of their steps.
    await db
      .update(workflowRuns)
      .set({ status: "completed", wakeAt: null, finishedAt: f.clock.now() })
      .where(eq(workflowRuns.workflow, "booking-reminders"));
    // A booking made before the workflow existed: no run at all.
    await db.delete(workflowRuns).where(like(workflowRuns.key, `${noRun.id}@%`));
    // The interim job's reminder, already sent.
    await db.insert(outbox).values({
      id: "legacy-1",
      ownerId: f.owner.id,
      idempotencyKey: `reminder:${remindedByJob.id}:${remindedByJob.startMs}`,
      why: "calendar.call-reminder",
      toAddress: "jean@example.com",
      subject: "Dans 30 min : Premier échange avec Alice Martin",
      html: "<p>old</p>",
      text: "old",
      status: "sent",
      nextAttemptAt: 0,
      messageId: "<legacy-1@example.com>",
      createdAt: f.clock.now(),
    });
    // The interim scan's own run for the owner's reminder alone, started before the upgrade.
    await db.run(sql`INSERT INTO workflow_runs (id, owner_id, workflow, key, input, status, wake_at, waiting_on,
        attempts, created_at, updated_at)
      VALUES ('scan-1', ${f.owner.id}, 'booking-reminders', ${`${runKey(scanned)}:owner-reminder`},
        ${JSON.stringify({ bookingId: scanned.id, startMs: scanned.startMs, bookedAtMs: f.clock.now(), ownerReminderOnly: true })},
        'waiting', ${scanned.startMs - 60 * MIN}, 'start', 0, ${f.clock.now()}, ${f.clock.now()})`);

    rerunBackfill(f);
    for (const b of [endedOld, remindedByJob, noRun, scanned]) {
      f.clock.set(b.startMs - 29 * MIN);
      await tick(f.deps);
      await tick(f.deps);
    }
    const keys = [endedOld, remindedByJob, noRun, scanned].map(runKey);
    expect((await ownerRemindersFor(f, keys)).map((sent) => sent.length)).toEqual([1, 0, 1, 1]);
    // The scan's run sent the owner's reminder alone: the prospect heard nothing from it.
    const fromScan = await db.select().from(outbox).where(eq(outbox.workflowRunId, "scan-1"));
    expect(fromScan.map((m) => m.toAddress)).toEqual(["jean@example.com"]);
    const scannedOriginal = await db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.key, runKey(scanned)))
      .get();
    expect(scannedOriginal?.status).toBe("completed");

    // Run twice, it finds nothing left to do.
    const runs = await db.select().from(workflowRuns).all();
    rerunBackfill(f);
    await tick(f.deps);
    expect(await db.select().from(workflowRuns).all()).toHaveLength(runs.length);
    expect((await ownerRemindersFor(f, keys)).map((sent) => sent.length)).toEqual([1, 0, 1, 1]);
  });
});
