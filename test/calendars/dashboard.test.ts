// The calendar pages as a person uses them: Connect Google through the OAuth round trip (against the
// fake), add a feed, choose calendars, reconnect after a revoke, the bookings feed, the Today page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { findOwnerByHandle } from "../../src/accounts/store.ts";
import { BrowserSession, OWNER, setUpOwner } from "../helpers/browser-session.ts";
import { DISCOVERY, discoveryBooking, GOOD_ANSWERS } from "../helpers/owner-fixture.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { type GoogleFake, startGoogleFake } from "../peers/google-calendar-fake.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";
import { fixture } from "./feeds.ts";
import { googleEnv, NOW } from "./helpers.ts";

let google: GoogleFake;
let feeds: IcsServer;
beforeAll(async () => {
  google = await startGoogleFake();
  google.addCalendar({ id: "jean@example.com", summary: "Jean", primary: true });
  feeds = await startIcsServer();
  feeds.set("/outlook.ics", { body: fixture("outlook-windows-zones.ics") });
});
afterAll(async () => {
  await google.close();
  await feeds.close();
});

async function signedIn(now = NOW) {
  const t = createTestApp({
    now,
    env: { ...googleEnv(google), ALLOW_PRIVATE_TARGETS: "1", PUBLIC_POST_LIMIT: "0" },
  });
  const session = new BrowserSession(t);
  expect((await setUpOwner(session)).status).toBe(303);
  const owner = (await findOwnerByHandle(t.deps.database, "jean"))!;
  const { key } = await createApiKey(t.deps, owner.id, "tests");
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) =>
    t.app.request(path, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: {
        authorization: `Bearer ${key}`,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  return { ...t, session, api };
}

async function settled(api: (path: string) => Promise<Response>) {
  for (let i = 0; i < 100; i++) {
    const { items } = (await (await api("/api/calendars")).json()) as {
      items: { id: string; syncing: boolean; status: string }[];
    };
    if (items.every((c) => !c.syncing)) return items;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("sync never finished");
}

describe("calendar dashboard", () => {
  it("connects Google through the consent screen with a state only this session can use", async () => {
    const t = await signedIn();
    const { session, api } = t;
    const start = await session.post(
      "/dashboard/calendars/google/start",
      {},
      { csrfFrom: "/dashboard/calendars" },
    );
    expect(start.status).toBe(303);
    const consent = new URL(start.headers.get("location")!);
    expect(`${consent.origin}${consent.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      client_id: googleEnv(google).GOOGLE_CLIENT_ID,
      redirect_uri: "http://localhost:3000/dashboard/calendars/google/callback",
      response_type: "code",
      access_type: "offline",
      prompt: "consent",
    });
    const state = consent.searchParams.get("state")!;

    // A tampered state, or the state used from another session of the same owner, is refused and creates nothing.
    const tampered = await session.get(
      `/dashboard/calendars/google/callback?code=${google.authorizationCode()}&state=${state}x`,
    );
    expect(tampered.status).toBe(400);
    const other = new BrowserSession(t);
    const login = await other.post(
      "/login",
      { email: OWNER.email, password: OWNER.password },
      { csrfFrom: "/login" },
    );
    expect(login.status).toBe(303);
    const replayed = await other.get(
      `/dashboard/calendars/google/callback?code=${google.authorizationCode()}&state=${encodeURIComponent(state)}`,
    );
    expect(replayed.status).toBe(400);
    expect((await settled(api)).length).toBe(0);

    const back = await session.get(
      `/dashboard/calendars/google/callback?code=${google.authorizationCode()}&state=${encodeURIComponent(state)}`,
    );
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toMatch(/^\/dashboard\/calendars\/[\w-]+\?done=created$/);
    const [connection] = await settled(api);
    expect(connection).toMatchObject({ status: "active" });
    const page = await (await session.get(back.headers.get("location")!)).text();
    expect(page).toContain("jean@example.com");
    expect(page).toContain("Agenda connecté");
  });

  it("shows a revoked Google connection as disconnected with a Reconnect button that heals the same connection", async () => {
    const { session, api } = await signedIn();
    const start = await session.post(
      "/dashboard/calendars/google/start",
      {},
      { csrfFrom: "/dashboard/calendars" },
    );
    const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
    await session.get(
      `/dashboard/calendars/google/callback?code=${google.authorizationCode()}&state=${encodeURIComponent(state)}`,
    );
    const [connection] = await settled(api);
    google.revokeAll();
    expect((await api(`/api/calendars/${connection!.id}/sync`, { method: "POST" })).status).toBe(200);
    const list = await (await session.get("/dashboard/calendars")).text();
    expect(list).toContain("Déconnecté");
    const detail = await (await session.get(`/dashboard/calendars/${connection!.id}`)).text();
    expect(detail).toContain("Reconnecter Google");
    expect(detail).toContain(`name="reconnect" value="${connection!.id}"`);

    const again = await session.post(
      "/dashboard/calendars/google/start",
      { reconnect: connection!.id },
      { csrfFrom: `/dashboard/calendars/${connection!.id}` },
    );
    const state2 = new URL(again.headers.get("location")!).searchParams.get("state")!;
    const back = await session.get(
      `/dashboard/calendars/google/callback?code=${google.authorizationCode()}&state=${encodeURIComponent(state2)}`,
    );
    expect(back.headers.get("location")).toContain(connection!.id);
    const items = await settled(api);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: connection!.id, status: "active" });
  });

  it("adds a feed from the form, refuses a bad URL on the field, and saves the calendar choices", async () => {
    const { session, api } = await signedIn();
    const bad = await session.post(
      "/dashboard/calendars/ics",
      { url: "ftp://example.com/x.ics" },
      { csrfFrom: "/dashboard/calendars" },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("http");
    const added = await session.post(
      "/dashboard/calendars/ics",
      { url: feeds.url("/outlook.ics"), name: "Client" },
      { csrfFrom: "/dashboard/calendars" },
    );
    expect(added.status).toBe(303);
    const [feed] = await settled(api);
    expect(feed).toMatchObject({ status: "active" });
    const id = feed!.id;
    const saved = await session.post(
      `/dashboard/calendars/${id}`,
      { name: "Client (Outlook)", syncIntervalMinutes: "30" },
      { csrfFrom: `/dashboard/calendars/${id}` },
    );
    expect(saved.status).toBe(303);
    await settled(api);
    const after = (await (await api(`/api/calendars/${id}`)).json()) as {
      name: string;
      syncIntervalMinutes: number;
      busyIntervals: number;
      calendars: { busy: boolean }[];
    };
    // the box was left unticked: the feed no longer counts, and its busy times are gone at once
    expect(after).toMatchObject({
      name: "Client (Outlook)",
      syncIntervalMinutes: 30,
      busyIntervals: 0,
      calendars: [{ busy: false }],
    });
  });

  it("publishes the bookings feed at a secret URL that can be replaced and turned off", async () => {
    const { session, app, api } = await signedIn();
    await api("/api/event-types", { body: DISCOVERY });
    const booked = await app.request("/api/public/jean/discovery/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(discoveryBooking()),
    });
    expect(booked.status).toBe(201);
    await session.post(
      "/dashboard/calendars/feed",
      { action: "enable" },
      { csrfFrom: "/dashboard/calendars" },
    );
    const page = await (await session.get("/dashboard/calendars")).text();
    const url = /(http:\/\/localhost:3000\/feeds\/[^<"\s]+\.ics)/.exec(page)![1]!;
    const path = url.replace("http://localhost:3000", "");
    const feed = await app.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const body = await feed.text();
    expect(body).toContain("DTSTART:20270329T070000Z");
    expect(body).toContain("Alice Martin");
    expect(
      (await app.request(path, { headers: { "if-none-match": feed.headers.get("etag")! } })).status,
    ).toBe(304);
    expect(
      (await app.request(path.replace(/\.[\w-]{32}\.ics$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"))).status,
    ).toBe(404);

    await session.post(
      "/dashboard/calendars/feed",
      { action: "rotate" },
      { csrfFrom: "/dashboard/calendars" },
    );
    expect((await app.request(path)).status).toBe(404);
    await session.post(
      "/dashboard/calendars/feed",
      { action: "disable" },
      { csrfFrom: "/dashboard/calendars" },
    );
    expect((await (await session.get("/dashboard/calendars")).text()).includes("/feeds/")).toBe(false);
  });

  it("lists today's calls with the answers, the triage verdict, how to join and the cancel link", async () => {
    const { session, app, api, clock } = await signedIn();
    await api("/api/event-types", { body: DISCOVERY });
    const booked = await app.request("/api/public/jean/discovery/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start: "2027-03-29T10:00:00+02:00",
        timeZone: "Europe/Paris",
        name: "Alice <b>Martin</b>",
        email: "alice@example.org",
        answers: GOOD_ANSWERS,
        notes: "On parle <script>alert(1)</script> du projet",
      }),
    });
    expect(booked.status).toBe(201);
    clock.set("2027-03-29T06:00:00Z");
    const today = await (await session.get("/dashboard/today")).text();
    expect(today).toContain("10:00");
    expect(today).toContain("Alice &lt;b&gt;Martin&lt;/b&gt;");
    expect(today).not.toContain("<script>alert(1)");
    expect(today).toMatch(/<dt>TJM proposé<\/dt><dd>650\s€<\/dd>/);
    expect(today).toContain('<span class="badge ok">qualifié</span>');
    expect(today).toContain('href="https://meet.example.org/jean"');
    expect(today).toMatch(/href="http:\/\/localhost:3000\/m\/bookings\/[^"]+"/);
    clock.set("2027-03-30T06:00:00Z");
    expect(await (await session.get("/dashboard/today")).text()).toContain("Aucun appel aujourd&#39;hui");
  });
});
