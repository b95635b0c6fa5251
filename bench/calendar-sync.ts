// Calendar sync against its real peers: a first sync of 5,000 events from Radicale and from the Google
// fake, an incremental sync of 10 changes, and slots computed through the real busy loader over 5,000
// cached intervals. Run alone with `node bench/calendar-sync.ts`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConnection } from "../src/calendars/create-connection.ts";
import { syncConnection } from "../src/calendars/sync.ts";
import { openSqlite } from "../src/platform/db/sqlite.ts";
import { loadAvailability } from "../src/scheduling/availability.ts";
import { busyLoaderFor } from "../src/scheduling/busy.ts";
import { getEventTypeBySlug } from "../src/scheduling/event-type-store.ts";
import { computeSlots } from "../src/scheduling/slots.ts";
import { rangeInstants } from "../src/scheduling/slots-request.ts";
import { utcEvent, vcalendar } from "../test/calendars/feeds.ts";
import { DISCOVERY, type OwnerFixture, ownerFixture } from "../test/helpers/owner-fixture.ts";
import { FAKE_CLIENT, startGoogleFake } from "../test/peers/google-calendar-fake.ts";
import { startRadicale } from "../test/peers/radicale.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

const EVENTS = 5000;
const NOW = Date.parse("2027-03-01T06:00:00Z");
const MINUTE = 60_000;

/** Deterministic pseudo-random numbers, so every run measures the same calendar. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** 5,000 short meetings at random minutes over the next 60 days. */
function meetings(): { uid: string; startMs: number; minutes: number }[] {
  const random = lcg(7);
  return Array.from({ length: EVENTS }, (_, i) => ({
    uid: `ev-${i}`,
    startMs: NOW + Math.floor(random() * 60 * 1440) * MINUTE,
    minutes: 1 + Math.floor(random() * 10),
  }));
}

async function owner(dir: string, name: string, env: Record<string, string> = {}): Promise<OwnerFixture> {
  const f = await ownerFixture({
    now: new Date(NOW).toISOString(),
    database: openSqlite(path.join(dir, `${name}.sqlite`)),
    env: { ALLOW_PRIVATE_TARGETS: "1", ...env },
  });
  await f.api("/api/event-types", {
    body: {
      ...DISCOVERY,
      weeklyHours: { ...DISCOVERY.weeklyHours, sat: [["09:00", "18:00"]] },
      horizonDays: 90,
    },
  });
  return f;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

function figure(name: string, value: number, budget: number, unit = "ms"): Figure {
  return { name, value, unit, budget: `< ${budget} ${unit}`, ok: value < budget };
}

async function radicaleFigures(dir: string, events: ReturnType<typeof meetings>): Promise<Figure[]> {
  const radicale = await startRadicale({
    seed: { work: events.map((e) => [`${e.uid}.ics`, vcalendar([utcEvent(e.uid, e.startMs, e.minutes)])]) },
  });
  try {
    const f = await owner(dir, "radicale");
    // Discovery happens when the owner connects, before the first sync. It also makes Radicale index the
    // 5,000 files written straight into its storage (tens of seconds, once): a server fed through PUTs
    // has done that already, so it stays out of the first-sync figure.
    const connection = await createConnection(f.deps, f.owner.id, {
      type: "caldav",
      url: radicale.url,
      username: radicale.username,
      password: radicale.password,
    });
    const [first, firstMs] = await timed(() =>
      syncConnection(f.deps, connection.id, { dueOnly: false, full: true }),
    );
    if (first.status !== "ok" || first.busyIntervals !== EVENTS)
      throw new Error(`Radicale first sync: ${JSON.stringify(first)}`);
    for (const e of events.slice(0, 10)) {
      await radicale.put(
        "work",
        `${e.uid}.ics`,
        vcalendar([utcEvent(e.uid, e.startMs + 30 * MINUTE, e.minutes)]),
      );
    }
    const [again, incrementalMs] = await timed(() =>
      syncConnection(f.deps, connection.id, { dueOnly: false }),
    );
    if (again.status !== "ok" || again.events !== 10)
      throw new Error(`Radicale incremental: ${JSON.stringify(again)}`);
    return [
      figure(`Radicale first sync, ${EVENTS} events`, Math.round(firstMs), 10_000),
      figure("Radicale incremental sync, 10 changes", Math.round(incrementalMs), 300),
      ...(await slotFigures(f)),
    ];
  } finally {
    await radicale.stop();
  }
}

async function googleFigures(dir: string, events: ReturnType<typeof meetings>): Promise<Figure[]> {
  const google = await startGoogleFake();
  try {
    google.addCalendar({ id: "jean@example.com", summary: "Jean", primary: true });
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const e of events)
      google.putEvent("jean@example.com", {
        id: e.uid.replace("-", ""),
        start: { dateTime: iso(e.startMs) },
        end: { dateTime: iso(e.startMs + e.minutes * MINUTE) },
      });
    const f = await owner(dir, "google", {
      GOOGLE_CLIENT_ID: FAKE_CLIENT.id,
      GOOGLE_CLIENT_SECRET: FAKE_CLIENT.secret,
      GOOGLE_API_ROOT: google.apiRoot,
      GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
    });
    const connection = await createConnection(f.deps, f.owner.id, {
      type: "google",
      refreshToken: google.refreshToken(),
    });
    const [first, firstMs] = await timed(() =>
      syncConnection(f.deps, connection.id, { dueOnly: false, full: true }),
    );
    if (first.status !== "ok" || first.busyIntervals !== EVENTS)
      throw new Error(`Google first sync: ${JSON.stringify(first)}`);
    for (const e of events.slice(0, 10))
      google.putEvent("jean@example.com", {
        id: e.uid.replace("-", ""),
        start: { dateTime: iso(e.startMs + 30 * MINUTE) },
        end: { dateTime: iso(e.startMs + (30 + e.minutes) * MINUTE) },
      });
    const [again, incrementalMs] = await timed(() =>
      syncConnection(f.deps, connection.id, { dueOnly: false }),
    );
    if (again.status !== "ok" || again.events !== 10)
      throw new Error(`Google incremental: ${JSON.stringify(again)}`);
    return [
      figure(`Google first sync, ${EVENTS} events`, Math.round(firstMs), 10_000),
      figure("Google incremental sync, 10 changes", Math.round(incrementalMs), 300),
    ];
  } finally {
    await google.close();
  }
}

/** GET …/slots as the route does it: the loader reads the cache, the engine computes 60 days. */
async function slotFigures(f: OwnerFixture): Promise<Figure[]> {
  const eventType = (await getEventTypeBySlug(f.deps.database, f.owner.id, "discovery"))!;
  const query = { from: "2027-03-01", to: "2027-04-29", timeZone: "America/New_York" };
  const { fromMs, toMs } = rangeInstants(query.from, query.to);
  const once = async () => {
    const availability = await loadAvailability(
      f.deps,
      f.owner.id,
      eventType,
      fromMs,
      toMs,
      busyLoaderFor(f.deps),
    );
    return computeSlots({ ...availability, from: query.from, to: query.to, visitorTimeZone: query.timeZone });
  };
  const slots = Object.values((await once()).slots).flat().length;
  const times = await sample(once, 200, 20);
  return [
    {
      name: `slots 60 days via the busy loader, ${EVENTS} cached (${slots} slots) p50`,
      value: percentile(times, 50),
      unit: "ms",
      budget: "≤ 5 ms",
      ok: percentile(times, 50) <= 5,
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-bench-calendars-"));
  try {
    const events = meetings();
    return [...(await radicaleFigures(dir, events)), ...(await googleFigures(dir, events))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) printFigures(await run());
