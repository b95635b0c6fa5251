// CalDAV through tsdav, every request through the guarded fetch: discovery, collection state, time-range
// queries, sync-collection changes, and writing booking objects.
import type { DAVResponse } from "tsdav";
import type { RemoteCalendar } from "../connection-types.ts";
import { BrokenConnectionError, SyncFailure } from "./provider.ts";

export interface CalDavAccess {
  serverUrl: string;
  username: string;
  password: string;
  fetch: typeof fetch;
}

export interface CalendarObject {
  href: string;
  etag?: string;
  data: string;
}

const tsdav = () => import("tsdav");

function authHeaders(access: CalDavAccess): Record<string, string> {
  const token = Buffer.from(`${access.username}:${access.password}`, "utf8").toString("base64");
  return { authorization: `Basic ${token}` };
}

function refuseBadStatus(responses: DAVResponse[], what: string): void {
  const failed = responses.find((r) => r.status !== undefined && r.status >= 400 && r.status !== 404);
  if (!failed) return;
  if (failed.status === 401 || failed.status === 403)
    throw new BrokenConnectionError("the CalDAV server refused the user name or password");
  throw new SyncFailure(`the CalDAV server failed to ${what} (HTTP ${failed.status})`);
}

function calendarData(response: DAVResponse): string | null {
  const raw = (response.props?.calendarData as { _cdata?: string } | string | undefined) ?? null;
  const text = typeof raw === "object" && raw !== null ? raw._cdata : raw;
  return typeof text === "string" && text.length > 0 ? text : null;
}

function absolute(href: string | undefined, base: string): string {
  return new URL(href ?? "", base.endsWith("/") ? base : `${base}/`).href;
}

function displayName(value: unknown, fallback: string): string {
  const text = typeof value === "object" && value !== null ? (value as { _cdata?: unknown })._cdata : value;
  return typeof text === "string" || typeof text === "number" ? String(text) : fallback;
}

/** The calendars (VEVENT collections) the account can see; a calendar URL given directly also works. */
export async function discoverCalendars(access: CalDavAccess): Promise<RemoteCalendar[]> {
  const dav = await tsdav();
  const headers = authHeaders(access);
  const probe = await dav.propfind({
    url: access.serverUrl,
    props: { "d:resourcetype": {}, "d:displayname": {}, "d:current-user-principal": {} },
    depth: "0",
    headers,
    fetch: access.fetch,
  });
  refuseBadStatus(probe, "answer");
  const self = probe[0];
  if (self?.props?.resourcetype && Object.keys(self.props.resourcetype).includes("calendar")) {
    const url = absolute(undefined, access.serverUrl);
    return [{ id: url, name: displayName(self.props.displayname, url), busy: true, readOnly: false }];
  }
  let calendars: Awaited<ReturnType<typeof dav.fetchCalendars>>;
  try {
    const account = await dav.createAccount({
      account: {
        serverUrl: access.serverUrl,
        accountType: "caldav",
        credentials: { username: access.username },
      },
      headers,
      fetch: access.fetch,
      loadCollections: false,
    });
    calendars = await dav.fetchCalendars({ account, headers, fetch: access.fetch });
  } catch (error) {
    if (error instanceof BrokenConnectionError || error instanceof SyncFailure) throw error;
    throw new SyncFailure(`no calendars found at this address (${(error as Error).message.slice(0, 120)})`);
  }
  return calendars
    .filter((c) => !c.components?.length || c.components.includes("VEVENT"))
    .map((c) => ({
      id: c.url,
      name: displayName(c.displayName, c.url),
      busy: true,
      readOnly: false,
      ...(c.calendarColor ? { color: String(c.calendarColor) } : {}),
    }));
}

export async function collectionState(
  access: CalDavAccess,
  calendarUrl: string,
): Promise<{ ctag?: string; syncToken?: string }> {
  const dav = await tsdav();
  const responses = await dav.propfind({
    url: calendarUrl,
    props: { "cs:getctag": {}, "d:sync-token": {} },
    depth: "0",
    headers: authHeaders(access),
    fetch: access.fetch,
  });
  refuseBadStatus(responses, "describe the calendar");
  const props = responses[0]?.props ?? {};
  if (responses[0]?.status === 404) throw new SyncFailure(`the calendar ${calendarUrl} no longer exists`);
  return {
    ...(props.getctag != null ? { ctag: String(props.getctag) } : {}),
    ...(props.syncToken != null ? { syncToken: String(props.syncToken) } : {}),
  };
}

function timeRange(window: { startMs: number; endMs: number }) {
  const stamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
  return { _attributes: { start: stamp(window.startMs), end: stamp(window.endMs) } };
}

/** Every VEVENT object touching the window, with its data (one calendar-query REPORT). */
export async function queryObjects(
  access: CalDavAccess,
  calendarUrl: string,
  window: { startMs: number; endMs: number },
): Promise<CalendarObject[]> {
  const dav = await tsdav();
  const responses = await dav.davRequest({
    url: calendarUrl,
    init: {
      method: "REPORT",
      namespace: "c",
      headers: { ...authHeaders(access), depth: "1" },
      body: {
        "calendar-query": {
          _attributes: { "xmlns:c": "urn:ietf:params:xml:ns:caldav", "xmlns:d": "DAV:" },
          "d:prop": { "d:getetag": {}, "c:calendar-data": {} },
          filter: {
            "comp-filter": {
              _attributes: { name: "VCALENDAR" },
              "comp-filter": { _attributes: { name: "VEVENT" }, "time-range": timeRange(window) },
            },
          },
        },
      },
    },
    fetch: access.fetch,
  });
  refuseBadStatus(responses, "list events");
  return responses.flatMap((r) => {
    const data = calendarData(r);
    return data ? [{ href: absolute(r.href, calendarUrl), etag: r.props?.getetag?.toString(), data }] : [];
  });
}

async function multiGet(
  access: CalDavAccess,
  calendarUrl: string,
  hrefs: string[],
): Promise<CalendarObject[]> {
  if (hrefs.length === 0) return [];
  const dav = await tsdav();
  const responses = await dav.calendarMultiGet({
    url: calendarUrl,
    props: { "d:getetag": {}, "c:calendar-data": {} },
    objectUrls: hrefs.map((h) => new URL(h).pathname),
    depth: "1",
    headers: authHeaders(access),
    fetch: access.fetch,
  });
  return responses.flatMap((r) => {
    const data = calendarData(r);
    return data ? [{ href: absolute(r.href, calendarUrl), etag: r.props?.getetag?.toString(), data }] : [];
  });
}

export interface CollectionChanges {
  changed: CalendarObject[];
  deleted: string[];
  syncToken?: string;
}

/** RFC 6578 changes since `syncToken`; null when the server no longer knows the token (a full sync is due). */
export async function changesSince(
  access: CalDavAccess,
  calendarUrl: string,
  syncToken: string,
): Promise<CollectionChanges | null> {
  const dav = await tsdav();
  const responses = await dav.syncCollection({
    url: calendarUrl,
    props: { "d:getetag": {}, "c:calendar-data": {} },
    syncLevel: 1,
    syncToken,
    headers: authHeaders(access),
    fetch: access.fetch,
  });
  if (responses.some((r) => r.status === 401))
    throw new BrokenConnectionError("the CalDAV server refused the user name or password");
  if (responses.some((r) => !r.ok && r.status !== 404)) return null;
  const raw = responses[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
  const base = absolute(undefined, calendarUrl);
  const objects = responses.filter((r) => r.href && absolute(r.href, calendarUrl) !== base);
  const deleted = objects.filter((r) => r.status === 404).map((r) => absolute(r.href, calendarUrl));
  const present = objects.filter((r) => r.status !== 404);
  const withData = present.flatMap((r) => {
    const data = calendarData(r);
    return data ? [{ href: absolute(r.href, calendarUrl), etag: r.props?.getetag?.toString(), data }] : [];
  });
  const missing = present
    .map((r) => absolute(r.href, calendarUrl))
    .filter((h) => !withData.some((o) => o.href === h));
  const token = raw?.multistatus?.syncToken;
  return {
    changed: [...withData, ...(await multiGet(access, calendarUrl, missing))],
    deleted,
    ...(token != null ? { syncToken: String(token) } : {}),
  };
}

/** Creates or replaces the object (PUT is idempotent at a URL we choose). */
export async function putObject(
  access: CalDavAccess,
  url: string,
  ics: string,
): Promise<{ etag: string | null }> {
  const dav = await tsdav();
  const response = await dav.updateObject({
    url,
    data: ics,
    headers: { ...authHeaders(access), "content-type": "text/calendar; charset=utf-8" },
    fetch: access.fetch,
  });
  if (response.status === 401 || response.status === 403)
    throw new BrokenConnectionError("the CalDAV server refused the user name or password");
  if (!response.ok)
    throw new SyncFailure(`the CalDAV server refused the booking event (HTTP ${response.status})`);
  return { etag: response.headers.get("etag") };
}

export async function deleteObjectAt(access: CalDavAccess, url: string): Promise<void> {
  const dav = await tsdav();
  const response = await dav.deleteObject({ url, headers: authHeaders(access), fetch: access.fetch });
  if (response.status === 404 || response.status === 410 || response.ok) return;
  if (response.status === 401 || response.status === 403)
    throw new BrokenConnectionError("the CalDAV server refused the user name or password");
  throw new SyncFailure(`the CalDAV server refused to delete the booking event (HTTP ${response.status})`);
}
