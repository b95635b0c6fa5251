// CalDAV busy times: per chosen calendar, nothing when its ctag/sync-token has not moved, the changed
// objects when sync-collection knows our token, else one time-range query over the whole window.
import type { BusyPiece } from "../busy-rules.ts";
import type { CalendarBusyChange } from "../busy-store.ts";
import type { CalendarCursor } from "../connection-types.ts";
import { busyFromICalendar, CalendarDataError } from "../ics-expand.ts";
import { calendarLimits } from "../network/fetch-policy.ts";
import { guardedFetch } from "../network/guarded-fetch.ts";
import {
  type CalDavAccess,
  type CalendarObject,
  changesSince,
  collectionState,
  discoverCalendars,
  queryObjects,
} from "./caldav-client.ts";
import {
  mergeCalendars,
  type ProviderSyncResult,
  replaceAll,
  type SyncContext,
  SyncFailure,
  selfAddresses,
} from "./provider.ts";

export function caldavAccess(ctx: Pick<SyncContext, "deps" | "settings" | "secret">): CalDavAccess {
  if (!ctx.settings.url || !ctx.settings.username)
    throw new SyncFailure("this CalDAV connection has no server address");
  return {
    serverUrl: ctx.settings.url,
    username: ctx.settings.username,
    password: ctx.secret.password ?? "",
    fetch: guardedFetch(
      { allowPrivate: ctx.deps.config.allowPrivateTargets, ...calendarLimits },
      ctx.deps.runtime,
    ),
  };
}

function piecesOf(ctx: SyncContext, objects: CalendarObject[], budget: { remaining: number }): BusyPiece[] {
  const pieces: BusyPiece[] = [];
  for (const object of objects) {
    try {
      const result = busyFromICalendar(object.data, {
        window: ctx.window,
        ownerTimeZone: ctx.owner.timeZone,
        selfAddresses: selfAddresses(ctx),
        allDayPolicy: ctx.preferences.allDayEvents,
        objectKey: object.href,
        stepBudget: budget,
      });
      pieces.push(...result.pieces);
    } catch (error) {
      // One unreadable object must not hide every other event of the calendar.
      if (!(error instanceof CalendarDataError)) throw error;
    }
  }
  return pieces;
}

export async function syncCalDav(ctx: SyncContext): Promise<ProviderSyncResult> {
  const access = caldavAccess(ctx);
  const calendars = ctx.full
    ? mergeCalendars(ctx.settings.calendars, await discoverCalendars(access))
    : ctx.settings.calendars;
  const budget = { remaining: 500_000 };
  const changes: CalendarBusyChange[] = [];
  const cursors: Record<string, CalendarCursor> = {};
  let events = 0;
  for (const calendar of calendars) {
    if (!calendar.busy) {
      if (ctx.full) changes.push(replaceAll(calendar.id, []));
      continue;
    }
    const cursor = ctx.state.cursors?.[calendar.id];
    // With a sync token, one sync-collection REPORT says what changed (often nothing): no PROPFIND first,
    // which on some servers (Radicale) costs more than the REPORT itself.
    if (!ctx.full && cursor?.syncToken) {
      const diff = await changesSince(access, calendar.id, cursor.syncToken);
      if (diff) {
        events += diff.changed.length;
        if (diff.changed.length || diff.deleted.length)
          changes.push({
            calendarId: calendar.id,
            replaceAll: false,
            removedObjects: [...diff.changed.map((o) => o.href), ...diff.deleted],
            pieces: piecesOf(ctx, diff.changed, budget),
          });
        cursors[calendar.id] = { ...cursor, syncToken: diff.syncToken ?? cursor.syncToken };
        continue;
      }
    }
    const state = await collectionState(access, calendar.id);
    // Servers without sync tokens: an unchanged ctag means nothing to read.
    if (!ctx.full && cursor?.ctag && !state.syncToken && state.ctag === cursor.ctag) {
      cursors[calendar.id] = cursor;
      continue;
    }
    await ctx.reportProgress({ done: events, phase: `downloading ${calendar.name}` });
    const objects = await queryObjects(access, calendar.id, ctx.window);
    await ctx.reportProgress({
      done: events,
      total: events + objects.length,
      phase: `reading ${calendar.name}`,
    });
    events += objects.length;
    changes.push(replaceAll(calendar.id, piecesOf(ctx, objects, budget)));
    cursors[calendar.id] = state;
  }
  return {
    changes,
    state: { ...ctx.state, cursors, ...(ctx.full ? { lastFullSyncAt: ctx.now } : {}) },
    events,
    ...(ctx.full ? { calendars } : {}),
  };
}
