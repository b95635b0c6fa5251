// Google busy times: events.list per chosen calendar, expanded by Google (singleEvents), incremental with
// the nextSyncToken, a full resync of that calendar when Google answers 410, pages followed to the end.
import type { calendar_v3 } from "@googleapis/calendar";
import type { BusyPiece } from "../busy-rules.ts";
import type { CalendarBusyChange } from "../busy-store.ts";
import type { CalendarCursor, RemoteCalendar } from "../connection-types.ts";
import { googleEventPiece } from "../google-event-busy.ts";
import { GoogleSession, SyncTokenGone } from "./google-api.ts";
import { mergeCalendars, type ProviderSyncResult, type SyncContext } from "./provider.ts";

const PAGE_SIZE = 2500;

/** The account's calendars; by default the primary and the other calendars it owns and shows count as busy. */
export async function listGoogleCalendars(session: GoogleSession): Promise<RemoteCalendar[]> {
  const calendars: RemoteCalendar[] = [];
  let pageToken: string | undefined;
  do {
    const response = await session.call("list calendars", (api) =>
      api.calendarList.list({ maxResults: 250, ...(pageToken ? { pageToken } : {}) }),
    );
    for (const entry of response.data.items ?? []) {
      if (!entry.id) continue;
      const writable = entry.accessRole === "owner" || entry.accessRole === "writer";
      calendars.push({
        id: entry.id,
        name: entry.summaryOverride ?? entry.summary ?? entry.id,
        busy: Boolean(entry.primary) || (Boolean(entry.selected) && writable),
        readOnly: !writable,
        ...(entry.primary ? { primary: true } : {}),
        ...(entry.backgroundColor ? { color: entry.backgroundColor } : {}),
      });
    }
    pageToken = response.data.nextPageToken ?? undefined;
  } while (pageToken);
  return calendars;
}

interface CalendarPass {
  change: CalendarBusyChange;
  cursor: CalendarCursor;
  events: number;
}

async function readCalendar(
  ctx: SyncContext,
  session: GoogleSession,
  calendar: RemoteCalendar,
  syncToken: string | undefined,
  seen: { events: number },
): Promise<CalendarPass> {
  const pieces: BusyPiece[] = [];
  const touched: string[] = [];
  let pageToken: string | undefined;
  let nextSyncToken: string | undefined;
  let events = 0;
  do {
    const params: calendar_v3.Params$Resource$Events$List = {
      calendarId: calendar.id,
      singleEvents: true,
      maxResults: PAGE_SIZE,
      ...(pageToken ? { pageToken } : {}),
      ...(syncToken
        ? { syncToken }
        : {
            timeMin: new Date(ctx.window.startMs).toISOString(),
            timeMax: new Date(ctx.window.endMs).toISOString(),
          }),
    };
    const response = await session.call(`list the events of ${calendar.name}`, (api) =>
      api.events.list(params),
    );
    for (const event of response.data.items ?? []) {
      if (!event.id) continue;
      events++;
      touched.push(event.id);
      const piece = googleEventPiece(event, event.id, {
        ownerTimeZone: ctx.owner.timeZone,
        allDayPolicy: ctx.preferences.allDayEvents,
        window: ctx.window,
      });
      if (piece) pieces.push(piece);
    }
    pageToken = response.data.nextPageToken ?? undefined;
    nextSyncToken = response.data.nextSyncToken ?? nextSyncToken;
    await ctx.reportProgress({ done: seen.events + events, phase: `reading ${calendar.name}` });
  } while (pageToken);
  return {
    change: {
      calendarId: calendar.id,
      replaceAll: !syncToken,
      removedObjects: syncToken ? touched : [],
      pieces,
    },
    cursor: nextSyncToken ? { syncToken: nextSyncToken } : {},
    events,
  };
}

export async function syncGoogle(ctx: SyncContext): Promise<ProviderSyncResult> {
  const session = new GoogleSession(ctx.deps.config, ctx.secret, () => ctx.deps.clock.now());
  const calendars = ctx.full
    ? mergeCalendars(ctx.settings.calendars, await listGoogleCalendars(session))
    : ctx.settings.calendars;
  const changes: CalendarBusyChange[] = [];
  const cursors: Record<string, CalendarCursor> = {};
  const seen = { events: 0 };
  for (const calendar of calendars) {
    if (!calendar.busy) {
      if (ctx.full)
        changes.push({ calendarId: calendar.id, replaceAll: true, removedObjects: [], pieces: [] });
      continue;
    }
    const token = ctx.full ? undefined : ctx.state.cursors?.[calendar.id]?.syncToken;
    let pass: CalendarPass;
    try {
      pass = await readCalendar(ctx, session, calendar, token, seen);
    } catch (error) {
      if (!(error instanceof SyncTokenGone) || !token) throw error;
      // 410: Google forgot our place; read the calendar whole again.
      pass = await readCalendar(ctx, session, calendar, undefined, seen);
    }
    seen.events += pass.events;
    changes.push(pass.change);
    cursors[calendar.id] = pass.cursor;
  }
  return {
    changes,
    state: { ...ctx.state, cursors, ...(ctx.full ? { lastFullSyncAt: ctx.now } : {}) },
    events: seen.events,
    ...(session.renewed ? { secret: session.secret } : {}),
    ...(ctx.full ? { calendars } : {}),
  };
}
