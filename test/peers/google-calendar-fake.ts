// A local HTTP server that answers like Google Calendar API v3 and Google's OAuth 2.0 token endpoint, for
// what Créneau uses: calendarList, events list (singleEvents, pageToken, syncToken, 410 when a token is
// too old), insert (conferenceData createRequest → Meet link), patch, delete, freeBusy; the documented
// failures on demand: 401 expired access token, 403 rateLimitExceeded, 429, 5xx, invalid_grant.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  eventsPage,
  FAILURE_MESSAGES,
  type FakeCalendar,
  freeBusyOf,
  googleError,
  type Json,
  meetConference,
} from "./google-fake-resources.ts";

export const FAKE_CLIENT = { id: "fake-client.apps.googleusercontent.com", secret: "fake-client-secret" };

export interface InjectedFailure {
  status: number;
  reason?: string;
  /** only requests whose path matches */
  path?: RegExp;
}

export interface GoogleFake {
  apiRoot: string;
  tokenUrl: string;
  requests: { method: string; path: string; query: Record<string, string>; body?: Json }[];
  addCalendar(c: {
    id: string;
    summary: string;
    primary?: boolean;
    accessRole?: FakeCalendar["accessRole"];
    selected?: boolean;
  }): void;
  /** a change made in Google by the owner (another device): moves the sync sequence */
  putEvent(calendarId: string, event: Json): void;
  removeEvent(calendarId: string, eventId: string): void;
  events(calendarId: string): Json[];
  refreshToken(): string;
  authorizationCode(): string;
  revokeAll(): void;
  expireAccessTokens(): void;
  invalidateSyncTokens(): void;
  fail(count: number, failure: InjectedFailure): void;
  clearFailures(): void;
  close(): Promise<void>;
}

export async function startGoogleFake(): Promise<GoogleFake> {
  const calendars = new Map<string, FakeCalendar>();
  const refreshTokens = new Map<string, { revoked: boolean }>();
  const accessTokens = new Set<string>();
  const codes = new Map<string, string>();
  const failures: InjectedFailure[] = [];
  const requests: GoogleFake["requests"] = [];
  let seq = 1;
  // Sync tokens carry the epoch they were issued in; invalidateSyncTokens() starts a new one.
  let epoch = 1;

  const token = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;
  const send = (res: ServerResponse, status: number, body?: Json) => {
    res.writeHead(status, body ? { "content-type": "application/json; charset=UTF-8" } : {});
    res.end(body ? JSON.stringify(body) : undefined);
  };

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function tokenEndpoint(form: URLSearchParams, res: ServerResponse) {
    if (form.get("client_id") !== FAKE_CLIENT.id || form.get("client_secret") !== FAKE_CLIENT.secret)
      return send(res, 401, {
        error: "invalid_client",
        error_description: "The OAuth client was not found.",
      });
    let refresh: string | undefined;
    if (form.get("grant_type") === "authorization_code") {
      refresh = codes.get(form.get("code") ?? "");
      if (!refresh)
        return send(res, 400, { error: "invalid_grant", error_description: "Malformed auth code." });
      codes.delete(form.get("code")!);
    } else if (form.get("grant_type") === "refresh_token") {
      refresh = form.get("refresh_token") ?? "";
      if (!refreshTokens.has(refresh) || refreshTokens.get(refresh)!.revoked)
        return send(res, 400, {
          error: "invalid_grant",
          error_description: "Token has been expired or revoked.",
        });
    } else return send(res, 400, { error: "unsupported_grant_type" });
    const access = token("ya29.");
    accessTokens.add(access);
    const body: Json = {
      access_token: access,
      expires_in: 3599,
      token_type: "Bearer",
      scope: "https://www.googleapis.com/auth/calendar.events",
    };
    if (form.get("grant_type") === "authorization_code") body.refresh_token = refresh;
    send(res, 200, body);
  }

  function listEvents(calendar: FakeCalendar, query: URLSearchParams, res: ServerResponse) {
    const { status, body } = eventsPage(calendar, query, seq, epoch);
    send(res, status, body);
  }

  function writeEvent(
    calendar: FakeCalendar,
    body: Json,
    existing: Json | undefined,
    query: URLSearchParams,
  ): Json {
    const event: Json = { ...existing, ...body, kind: "calendar#event" };
    const conference = body.conferenceData as { createRequest?: { requestId: string } } | undefined;
    if (conference?.createRequest && query.get("conferenceDataVersion") === "1") {
      Object.assign(event, meetConference(conference.createRequest));
    } else if (existing?.conferenceData) event.conferenceData = existing.conferenceData;
    seq++;
    event.etag = `"${seq}"`;
    event.status ??= "confirmed";
    event.organizer = { email: calendar.id, self: true };
    calendar.events.set(String(event.id), { body: event, seq, deleted: false });
    return event;
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith("Bearer ") || !accessTokens.has(auth.slice(7)))
      return send(res, 401, googleError(401, "authError", "Request had invalid authentication credentials."));
    const index = failures.findIndex((f) => !f.path || f.path.test(url.pathname));
    if (index >= 0) {
      const [failure] = failures.splice(index, 1);
      const [reason, message] = FAILURE_MESSAGES[failure!.status] ?? ["backendError", "Error"];
      return send(res, failure!.status, googleError(failure!.status, failure!.reason ?? reason, message));
    }
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Json) : undefined;
    requests[requests.length - 1]!.body = body;
    const path = url.pathname.replace(/^\/calendar\/v3/, "");
    if (req.method === "GET" && path === "/users/me/calendarList") {
      return send(res, 200, {
        kind: "calendar#calendarList",
        items: [...calendars.values()].map((c) => ({
          kind: "calendar#calendarListEntry",
          id: c.id,
          summary: c.summary,
          accessRole: c.accessRole,
          selected: c.selected,
          ...(c.primary ? { primary: true } : {}),
          backgroundColor: "#9fe1e7",
        })),
      });
    }
    if (req.method === "POST" && path === "/freeBusy")
      return send(res, 200, freeBusyOf(calendars, body ?? {}));
    const match = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    const calendar = match ? calendars.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !calendar) return send(res, 404, googleError(404, "notFound", "Not Found"));
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const stored = eventId ? calendar.events.get(eventId) : undefined;
    if (req.method === "GET" && !eventId) return listEvents(calendar, url.searchParams, res);
    if (req.method === "POST" && !eventId) {
      const id = String(body?.id ?? token("ev"));
      if (calendar.events.has(id))
        return send(res, 409, googleError(409, "duplicate", "The requested identifier already exists."));
      return send(res, 200, writeEvent(calendar, { ...body, id }, undefined, url.searchParams));
    }
    if (!stored) return send(res, 404, googleError(404, "notFound", "Not Found"));
    if (stored.deleted) return send(res, 410, googleError(410, "deleted", "Resource has been deleted"));
    if (req.method === "PATCH")
      return send(res, 200, writeEvent(calendar, body ?? {}, stored.body, url.searchParams));
    if (req.method === "DELETE") {
      seq++;
      calendar.events.set(eventId!, { body: stored.body, seq, deleted: true });
      return send(res, 204);
    }
    if (req.method === "GET") return send(res, 200, stored.body);
    send(res, 405, googleError(405, "methodNotAllowed", "Method Not Allowed"));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    });
    const handle = async () => {
      if (req.method === "POST" && url.pathname === "/token")
        return tokenEndpoint(new URLSearchParams(await readBody(req)), res);
      if (url.pathname.startsWith("/calendar/v3/")) return api(req, res, url);
      send(res, 404, { error: { code: 404, message: "Not Found" } });
    };
    handle().catch((error) => send(res, 500, googleError(500, "backendError", String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot: root,
    tokenUrl: `${root}/token`,
    requests,
    addCalendar(c) {
      calendars.set(c.id, {
        id: c.id,
        summary: c.summary,
        primary: c.primary ?? false,
        accessRole: c.accessRole ?? "owner",
        selected: c.selected ?? true,
        events: new Map(),
      });
    },
    putEvent(calendarId, event) {
      const calendar = calendars.get(calendarId)!;
      seq++;
      calendar.events.set(String(event.id), {
        body: { status: "confirmed", ...event, etag: `"${seq}"` },
        seq,
        deleted: false,
      });
    },
    removeEvent(calendarId, eventId) {
      const calendar = calendars.get(calendarId)!;
      const stored = calendar.events.get(eventId)!;
      seq++;
      calendar.events.set(eventId, { body: stored.body, seq, deleted: true });
    },
    events: (calendarId) =>
      [...(calendars.get(calendarId)?.events.values() ?? [])].filter((e) => !e.deleted).map((e) => e.body),
    refreshToken() {
      const t = token("1//refresh-");
      refreshTokens.set(t, { revoked: false });
      return t;
    },
    authorizationCode() {
      const code = token("4/code-");
      const t = token("1//refresh-");
      refreshTokens.set(t, { revoked: false });
      codes.set(code, t);
      return code;
    },
    revokeAll() {
      for (const t of refreshTokens.values()) t.revoked = true;
      accessTokens.clear();
    },
    expireAccessTokens: () => accessTokens.clear(),
    invalidateSyncTokens() {
      epoch++;
    },
    fail: (count, failure) => {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    clearFailures: () => {
      failures.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
