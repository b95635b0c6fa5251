// The Calendar API v3 resources the fake serves, as pure functions over its state: error bodies, event
// pages (with pagination and sync tokens), free/busy, Meet conferences.

export type Json = Record<string, unknown>;

export interface FakeCalendar {
  id: string;
  summary: string;
  primary: boolean;
  accessRole: "owner" | "writer" | "reader";
  selected: boolean;
  events: Map<string, { body: Json; seq: number; deleted: boolean }>;
}

export function googleError(status: number, reason: string, message: string): Json {
  const statusText: Record<number, string> = {
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    410: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
  };
  const domain =
    reason === "rateLimitExceeded" || reason === "userRateLimitExceeded" ? "usageLimits" : "global";
  return {
    error: {
      code: status,
      message,
      errors: [{ domain, reason, message }],
      status: statusText[status] ?? "UNKNOWN",
    },
  };
}

export const FAILURE_MESSAGES: Record<number, [string, string]> = {
  403: ["rateLimitExceeded", "Rate Limit Exceeded"],
  429: ["rateLimitExceeded", "Too Many Requests"],
  500: ["backendError", "Backend Error"],
  502: ["backendError", "Bad Gateway"],
  503: ["backendError", "The service is currently unavailable."],
};

function overlaps(event: Json, fromMs: number, toMs: number): boolean {
  const start = event.start as { dateTime?: string; date?: string } | undefined;
  const end = event.end as { dateTime?: string; date?: string } | undefined;
  const s = Date.parse(start?.dateTime ?? `${start?.date}T00:00:00Z`);
  const e = Date.parse(end?.dateTime ?? `${end?.date}T00:00:00Z`);
  return s < toMs && e > fromMs;
}

/** events.list: a time window or the changes since a sync token, paged; 410 for a token of another epoch. */
export function eventsPage(
  calendar: FakeCalendar,
  query: URLSearchParams,
  seq: number,
  epoch: number,
): { status: number; body: Json } {
  const pageSize = Math.min(Number(query.get("maxResults") ?? 250), 2500);
  const [offsetText, atText] = (query.get("pageToken") ?? "").split(".");
  const offset = Number(offsetText || 0);
  const syncToken = query.get("syncToken");
  const at = atText ? Number(atText) : seq;
  let items: Json[];
  if (syncToken) {
    const [, tokenEpoch, sinceText] = /^sync-(\d+)-(\d+)$/.exec(syncToken) ?? [];
    const since = Number(sinceText);
    if (Number(tokenEpoch) !== epoch || !Number.isFinite(since))
      return {
        status: 410,
        body: googleError(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required."),
      };
    items = [...calendar.events.values()]
      .filter((e) => e.seq > since && e.seq <= at)
      .map((e) => (e.deleted ? { id: e.body.id, status: "cancelled" } : e.body));
  } else {
    const from = query.get("timeMin") ? Date.parse(query.get("timeMin")!) : Number.NEGATIVE_INFINITY;
    const to = query.get("timeMax") ? Date.parse(query.get("timeMax")!) : Number.POSITIVE_INFINITY;
    items = [...calendar.events.values()]
      .filter((e) => !e.deleted && overlaps(e.body, from, to))
      .map((e) => e.body);
  }
  items.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const more = offset + pageSize < items.length;
  return {
    status: 200,
    body: {
      kind: "calendar#events",
      summary: calendar.summary,
      timeZone: "Europe/Paris",
      accessRole: calendar.accessRole,
      items: items.slice(offset, offset + pageSize),
      ...(more ? { nextPageToken: `${offset + pageSize}.${at}` } : { nextSyncToken: `sync-${epoch}-${at}` }),
    },
  };
}

/** freeBusy.query: opaque, live events overlapping the range, per requested calendar. */
export function freeBusyOf(calendars: Map<string, FakeCalendar>, body: Json): Json {
  const from = Date.parse(String(body.timeMin));
  const to = Date.parse(String(body.timeMax));
  const result: Json = {};
  for (const { id } of (body.items as { id: string }[]) ?? []) {
    const calendar = calendars.get(id);
    if (!calendar) {
      result[id] = { errors: [{ domain: "global", reason: "notFound" }], busy: [] };
      continue;
    }
    const busy = [...calendar.events.values()]
      .filter((e) => !e.deleted && e.body.status !== "cancelled" && e.body.transparency !== "transparent")
      .filter((e) => overlaps(e.body, from, to))
      .map((e) => ({
        start: (e.body.start as { dateTime: string }).dateTime,
        end: (e.body.end as { dateTime: string }).dateTime,
      }));
    result[id] = { busy };
  }
  return { kind: "calendar#freeBusy", timeMin: body.timeMin, timeMax: body.timeMax, calendars: result };
}

/** What Google adds to an event whose conferenceData asked for a Meet (conferenceDataVersion=1). */
export function meetConference(createRequest: { requestId: string }): Json {
  const id = createRequest.requestId;
  const code = `${id.slice(4, 7)}-${id.slice(7, 11)}-xyz`;
  const uri = `https://meet.google.com/${code}`;
  return {
    conferenceData: {
      createRequest: { ...createRequest, status: { statusCode: "success" } },
      entryPoints: [{ entryPointType: "video", uri, label: `meet.google.com/${code}` }],
      conferenceSolution: { key: { type: "hangoutsMeet" }, name: "Google Meet" },
      conferenceId: code,
    },
    hangoutLink: uri,
  };
}
