// 9. calendar-sync: each calendar connection synced on its own interval. One run per due instant: it syncs once
// (the same syncConnection as "sync now": busy times, cursors, status, the owner told once when it breaks), then
// starts its successor keyed `connectionId@nextDue` and ends, so no journal grows (decision 0009). An interval
// changed meanwhile is read after the sync, so it takes effect at the next sleep. A failed sync throws: the engine
// retries the run (1, 2, 4… minutes) and parks it as failed after six, on the automations page with its error.
import { getConnectionById } from "../src/calendars/connection-store.ts";
import { syncConnection } from "../src/calendars/sync.ts";
import { CALENDAR_SYNC, type CalendarSyncInput, handOverStatements } from "../src/calendars/sync-runs.ts";
import { nextRunAfter, syncRunStart } from "../src/calendars/sync-schedule.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { isWorkflowEnabled } from "../src/platform/workflows/settings.ts";
import { loadWorkflowSettings } from "../src/platform/workflows/settings-store.ts";

type SyncStep =
  | { ended: "gone" | "broken" | "switched-off" }
  | { next: number; synced: boolean; events?: number; busyIntervals?: number };

/** The sync's own words ("the server did not answer in time: …") become the run's last error. */
export class CalendarSyncFailed extends Error {}

async function syncWhenDue(deps: AppDeps, ownerId: string, connectionId: string): Promise<SyncStep> {
  const [found, settings] = await Promise.all([
    getConnectionById(deps.database, connectionId),
    loadWorkflowSettings(deps.database, ownerId),
  ]);
  const connection = found?.ownerId === ownerId ? found : undefined;
  const enabled = isWorkflowEnabled(settings, CALENDAR_SYNC);
  const start = syncRunStart(connection, enabled, deps.clock.now());
  if (start.action === "end") return { ended: start.reason };
  if (start.action === "wait") return { next: start.until, synced: false };
  const outcome = await syncConnection(deps, connectionId, { dueOnly: false });
  if (outcome.status === "error") throw new CalendarSyncFailed(outcome.error ?? "the sync failed");
  const after = await getConnectionById(deps.database, connectionId);
  if (!after) return { ended: "gone" };
  const next = nextRunAfter(outcome.status, after.nextSyncAt, after.syncIntervalMinutes, deps.clock.now());
  if (next === null) return { ended: "broken" };
  const { events, busyIntervals } = outcome;
  return { next, synced: outcome.status === "ok", events, busyIntervals };
}

export const calendarSync = defineWorkflow<CalendarSyncInput>({
  name: CALENDAR_SYNC,
  title: { fr: "Synchronisation des agendas", en: "Calendar sync" },
  async run(ctx, deps) {
    const { connectionId } = ctx.input;
    const sync = await ctx.step("sync", () => syncWhenDue(deps, ctx.ownerId, connectionId));
    if ("ended" in sync) return;
    await ctx.step("hand-over", async () => {
      const run = { id: ctx.runId, ownerId: ctx.ownerId };
      await deps.database.batch(handOverStatements(deps, run, connectionId, sync.next));
      return { dueAt: sync.next };
    });
  },
});
