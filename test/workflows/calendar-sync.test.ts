// The calendar-sync workflow on a controlled clock, against a real .ics feed server (each feed request is a
// sync): every connection on its own interval and no more often, an interval change at the next sleep, deletion
// ending the chain, failures retried then parked on the automations API, and connections from before the workflow.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALENDAR_SYNC } from "../../src/calendars/sync-runs.ts";
import { calendarConnections, workflowSteps } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { saveWorkflowSettings } from "../../src/platform/workflows/settings-store.ts";
import { fixture } from "../calendars/feeds.ts";
import { calendarOwner, connect, syncRuns } from "../calendars/helpers.ts";
import type { OwnerFixture } from "../helpers/owner-fixture.ts";
import { signedIn } from "../leads/helpers.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";

const MIN = 60_000;
let feeds: IcsServer;
beforeAll(async () => {
  feeds = await startIcsServer();
});
afterAll(async () => {
  await feeds.close();
});

/** A feed of its own per test, so hits count this test's syncs only. */
function feed(name: string, body = fixture("all-day.ics")): string {
  feeds.set(`/${name}.ics`, { body });
  return feeds.url(`/${name}.ics`);
}
const syncsOf = (name: string) => feeds.hits(`/${name}.ics`).total;

/** One tick a minute for `minutes` minutes, as node-cron does. */
async function tickEveryMinute(f: OwnerFixture, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    f.clock.advance(MIN);
    await tick(f.deps);
  }
}

async function journalSize(f: OwnerFixture, runIds: string[]) {
  return (await f.deps.database.db.select().from(workflowSteps).where(inArray(workflowSteps.runId, runIds)))
    .length;
}

describe("calendar-sync workflow", () => {
  it("syncs each connection at its own interval, never more often, with a journal that does not grow", async () => {
    const f = await calendarOwner();
    const quick = await connect(f, { type: "ics", url: feed("quick"), syncIntervalMinutes: 15 });
    const slow = await connect(f, { type: "ics", url: feed("slow"), syncIntervalMinutes: 60 });
    expect([syncsOf("quick"), syncsOf("slow")]).toEqual([1, 1]); // the sync at creation
    await tickEveryMinute(f, 120);
    expect(syncsOf("quick")).toBe(1 + 8);
    expect(syncsOf("slow")).toBe(1 + 2);
    // Each run synced once and handed over: the chain keeps its last run and the waiting one, nothing more.
    for (const id of [quick.id, slow.id]) {
      const runs = await syncRuns(f, id);
      expect(runs.map((r) => r.status)).toEqual(["completed", "waiting"]);
      expect(
        await journalSize(
          f,
          runs.map((r) => r.id),
        ),
      ).toBe(2);
    }
  });

  it("takes a changed interval at the next sleep", async () => {
    const f = await calendarOwner();
    const c = await connect(f, { type: "ics", url: feed("paced"), syncIntervalMinutes: 15 });
    await tickEveryMinute(f, 20); // synced at 15
    const patched = await f.api(`/api/calendars/${c.id}`, {
      method: "PATCH",
      body: { syncIntervalMinutes: 60 },
    });
    expect(patched.status).toBe(200);
    await tickEveryMinute(f, 10); // the run already asleep keeps its time: 30
    expect(syncsOf("paced")).toBe(3);
    await tickEveryMinute(f, 59); // then every 60 minutes: not at 45, 60 or 75, at 90
    expect(syncsOf("paced")).toBe(3);
    await tickEveryMinute(f, 1);
    expect(syncsOf("paced")).toBe(4);
  });

  it("ends a connection's chain when it is deleted, or when the owner switches calendar-sync off", async () => {
    const f = await calendarOwner();
    const gone = await connect(f, { type: "ics", url: feed("deleted"), syncIntervalMinutes: 5 });
    const off = await connect(f, { type: "ics", url: feed("switched-off"), syncIntervalMinutes: 5 });
    await tickEveryMinute(f, 6);
    expect([syncsOf("deleted"), syncsOf("switched-off")]).toEqual([2, 2]);
    expect((await f.api(`/api/calendars/${gone.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await syncRuns(f, gone.id)).map((r) => r.status)).toEqual(["completed", "cancelled"]);
    await saveWorkflowSettings(f.deps.database, f.owner.id, { disabled: [CALENDAR_SYNC] }, f.clock.now());
    await tickEveryMinute(f, 30);
    expect([syncsOf("deleted"), syncsOf("switched-off")]).toEqual([2, 2]);
    const offRuns = await syncRuns(f, off.id);
    expect(offRuns.map((r) => r.status)).toEqual(["completed", "completed"]);
    // Switched back on: the tick gives the connection a chain again, and it syncs.
    await saveWorkflowSettings(f.deps.database, f.owner.id, { disabled: [] }, f.clock.now());
    await tickEveryMinute(f, 1);
    expect(syncsOf("switched-off")).toBe(3);
    expect(syncsOf("deleted")).toBe(2);
  });

  it("retries a failing sync with backoff, parks the run where the owner sees it, and goes on after a retry", async () => {
    const f = await calendarOwner();
    feeds.set("/failing.ics", { status: 404, body: "gone" });
    const c = await connect(f, {
      type: "ics",
      url: feeds.url("/failing.ics"),
      name: "Client Outlook",
      syncIntervalMinutes: 5,
    });
    expect(c.sync?.status).toBe("error");
    const hits: number[] = [];
    for (let minute = 0; minute < 60; minute++) {
      await tickEveryMinute(f, 1);
      hits.push(syncsOf("failing"));
    }
    // Tried at once, then after 1, 2, 4, 8 and 16 minutes: six failures, then parked (no more tries).
    expect(syncsOf("failing")).toBe(1 + 6);
    expect(hits.indexOf(3) - hits.indexOf(2)).toBe(1);
    expect(hits.indexOf(7) - hits.indexOf(6)).toBe(16);
    const listed = await f.api(`/api/workflows/runs?workflow=${CALENDAR_SYNC}&status=failed`);
    const { items } = (await listed.json()) as {
      items: { id: string; attempts: number; lastError: string }[];
    };
    expect(items).toMatchObject([{ attempts: 6, lastError: expect.stringMatching(/HTTP 404/) }]);
    // On the automations page: which calendar, failed, and why.
    const session = await signedIn(f);
    const page = await (await session.get(`/dashboard/automations?workflow=${CALENDAR_SYNC}`)).text();
    expect(page).toContain("Synchronisation des agendas");
    expect(page).toContain(`href="/dashboard/calendars/${c.id}"`);
    expect(page).toContain("Agenda «\u00a0Client Outlook\u00a0»");
    expect(page).toContain("En échec");
    expect(page).toMatch(/HTTP 404/);
    // Parked: the tick does not start a second chain behind the owner's back.
    await tickEveryMinute(f, 30);
    expect(syncsOf("failing")).toBe(7);
    expect(await syncRuns(f, c.id)).toHaveLength(1);

    feeds.set("/failing.ics", { body: fixture("all-day.ics") });
    const retried = await f.api(`/api/workflows/runs/${items[0]!.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    await tick(f.deps);
    expect(syncsOf("failing")).toBe(8);
    expect((await syncRuns(f, c.id)).map((r) => r.status)).toEqual(["completed", "waiting"]);
    const row = await f.deps.database.db
      .select()
      .from(calendarConnections)
      .where(eq(calendarConnections.id, c.id))
      .get();
    expect(row).toMatchObject({ status: "active", lastError: null });
  });

  it("gives connections made before the workflow a chain on the next tick, never a broken one", async () => {
    const f = await calendarOwner();
    const now = f.clock.now();
    const oldRow = (id: string, status: "active" | "error" | "broken", url: string) => ({
      id,
      ownerId: f.owner.id,
      type: "ics" as const,
      name: id,
      status,
      settings: {
        url,
        calendars: [{ id: "feed", name: id, busy: true, readOnly: true }],
        bookingCalendarId: null,
      },
      syncIntervalMinutes: 15,
      nextSyncAt: status === "broken" ? null : now - 5 * MIN,
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000,
    });
    // Rows as the old code left them: no run for any of them.
    await f.deps.database.db
      .insert(calendarConnections)
      .values([
        oldRow("old-active", "active", feed("old-active")),
        oldRow("old-error", "error", feed("old-error")),
        oldRow("old-broken", "broken", feed("old-broken")),
      ]);
    const report = await tick(f.deps);
    expect(report.calendars.syncChainsStarted).toBe(2);
    expect([syncsOf("old-active"), syncsOf("old-error"), syncsOf("old-broken")]).toEqual([1, 1, 0]);
    expect((await syncRuns(f, "old-active")).map((r) => r.status)).toEqual(["completed", "waiting"]);
    expect(await syncRuns(f, "old-broken")).toEqual([]);
    expect((await tick(f.deps)).calendars.syncChainsStarted).toBe(0);
  });
});
