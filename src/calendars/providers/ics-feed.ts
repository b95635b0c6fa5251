// A read-only ICS subscription: conditional GET, size and time limits, every recurrence expanded here.

import { busyFromICalendar, CalendarDataError } from "../ics-expand.ts";
import { calendarLimits } from "../network/fetch-policy.ts";
import { guardedFetch } from "../network/guarded-fetch.ts";
import {
  type ProviderSyncResult,
  replaceAll,
  type SyncContext,
  SyncFailure,
  selfAddresses,
} from "./provider.ts";

export const FEED_CALENDAR_ID = "feed";

function describeStatus(status: number): string {
  if (status === 401 || status === 403)
    return `the feed refused access (HTTP ${status}): check that the link is still valid`;
  if (status === 404 || status === 410)
    return `the feed is gone (HTTP ${status}): the link was probably reset`;
  return `the feed server answered HTTP ${status}`;
}

export async function syncIcsFeed(ctx: SyncContext): Promise<ProviderSyncResult> {
  const url = ctx.settings.url;
  if (!url) throw new SyncFailure("this feed has no URL");
  // The owner unticked the feed: nothing of it counts, and there is nothing to download.
  if (!ctx.settings.calendars.some((c) => c.id === FEED_CALENDAR_ID && c.busy))
    return { changes: [replaceAll(FEED_CALENDAR_ID, [])], state: ctx.state, events: 0 };
  const fetch = guardedFetch(
    { allowPrivate: ctx.deps.config.allowPrivateTargets, ...calendarLimits },
    ctx.deps.runtime,
  );
  const headers: Record<string, string> = { accept: "text/calendar, */*;q=0.5" };
  if (!ctx.full && ctx.state.etag) headers["if-none-match"] = ctx.state.etag;
  if (!ctx.full && ctx.state.lastModified) headers["if-modified-since"] = ctx.state.lastModified;
  await ctx.reportProgress({ done: 0, phase: "downloading" });
  const response = await fetch(url, { headers });
  if (response.status === 304) return { changes: [], state: ctx.state, events: ctx.state.events ?? 0 };
  if (!response.ok) throw new SyncFailure(describeStatus(response.status));
  const type = response.headers.get("content-type") ?? "";
  if (/text\/html/i.test(type))
    throw new SyncFailure("this link returns a web page, not a calendar (.ics) feed");
  const text = await response.text();
  await ctx.reportProgress({ done: 0, phase: "reading" });
  try {
    const result = busyFromICalendar(text, {
      window: ctx.window,
      ownerTimeZone: ctx.owner.timeZone,
      selfAddresses: selfAddresses(ctx),
      allDayPolicy: ctx.preferences.allDayEvents,
    });
    return {
      changes: [replaceAll(FEED_CALENDAR_ID, result.pieces)],
      state: {
        ...ctx.state,
        etag: response.headers.get("etag") ?? undefined,
        lastModified: response.headers.get("last-modified") ?? undefined,
        lastFullSyncAt: ctx.now,
        events: result.events,
      },
      events: result.events,
    };
  } catch (error) {
    if (error instanceof CalendarDataError)
      throw new SyncFailure(`the feed is not a readable calendar: ${error.message}`);
    throw error;
  }
}
