// Calendar API v3 over plain fetch, with the surface of `@googleapis/calendar` that
// src/calendars/providers uses (calendarList.list, events.list/insert/patch/delete, freebusy.query).
// The Worker build aliases the package to this module (wrangler.toml [alias]): the generated client
// brings google-auth-library, gaxios and their Node-only helpers (about 90 KiB gzipped) for six
// REST calls, while GoogleSession already owns tokens, retries and error handling. Responses and
// errors keep the library's shape ({ data }, and { status, response: { status, data } } on failure).
import type { calendar_v3 } from "@googleapis/calendar";

interface ClientOptions {
  version: "v3";
  rootUrl?: string;
  timeout?: number;
  headers?: Record<string, string>;
  retry?: boolean;
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>;
type Params = Query & { requestBody?: unknown };

export class GoogleApiError extends Error {
  readonly status: number;
  readonly response: { status: number; data: unknown };
  constructor(status: number, data: unknown) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message;
    super(message ?? `Google Calendar answered HTTP ${status}`);
    this.status = status;
    this.response = { status, data };
  }
}

function queryString(params: Query, skip: string[]): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (skip.includes(name) || value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, String(one));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

async function parsed(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function client(options: ClientOptions) {
  const root = `${(options.rootUrl ?? "https://www.googleapis.com/").replace(/\/+$/, "")}/calendar/v3`;
  async function call<T>(
    method: string,
    path: string,
    params: Params,
    inPath: string[],
  ): Promise<{ data: T; status: number }> {
    const { requestBody, ...query } = params;
    const response = await fetch(`${root}${path}${queryString(query, inPath)}`, {
      method,
      headers: {
        accept: "application/json",
        ...(requestBody === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      body: requestBody === undefined ? undefined : JSON.stringify(requestBody),
      signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
    });
    const data = await parsed(response);
    if (!response.ok) throw new GoogleApiError(response.status, data);
    return { data: data as T, status: response.status };
  }
  const calendarPath = (p: Params) => `/calendars/${encodeURIComponent(String(p.calendarId))}/events`;
  const eventPath = (p: Params) => `${calendarPath(p)}/${encodeURIComponent(String(p.eventId))}`;
  const ids = ["calendarId", "eventId"];
  return {
    calendarList: {
      list: (p: Params = {}) => call<calendar_v3.Schema$CalendarList>("GET", "/users/me/calendarList", p, []),
    },
    events: {
      list: (p: Params) => call<calendar_v3.Schema$Events>("GET", calendarPath(p), p, ids),
      insert: (p: Params) => call<calendar_v3.Schema$Event>("POST", calendarPath(p), p, ids),
      patch: (p: Params) => call<calendar_v3.Schema$Event>("PATCH", eventPath(p), p, ids),
      delete: (p: Params) => call<void>("DELETE", eventPath(p), p, ids),
    },
    freebusy: {
      query: (p: Params) => call<calendar_v3.Schema$FreeBusyResponse>("POST", "/freeBusy", p, []),
    },
  };
}

export function calendar(options: ClientOptions): calendar_v3.Calendar {
  // Only the methods above exist; the cast stands for the library type the providers are written against.
  return client(options) as unknown as calendar_v3.Calendar;
}
