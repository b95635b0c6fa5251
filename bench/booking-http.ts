// Booking over HTTP against a real server process: GET slots throughput and latency, booking POSTs per second.
// Run alone with `node bench/booking-http.ts`.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { cleanEnv } from "../test/helpers/env.ts";
import { startServer } from "../test/helpers/server-process.ts";
import type { Figure } from "./lib.ts";
import { printFigures } from "./lib.ts";

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../src/cli.ts");
const LOAD_SECONDS = 8;
const BOOKINGS = 600;
const CONCURRENCY = 16;

type Autocannon = (o: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function cli(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv(), DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return stdout.trim();
}

const ALL_DAY = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["08:00", "20:00"]]]),
);

export async function run(): Promise<Figure[]> {
  const server = await startServer({ env: { PUBLIC_POST_LIMIT: "0" } });
  try {
    await cli(
      server.dataDir,
      "init",
      "--handle",
      "bench",
      "--name",
      "Bench",
      "--email",
      "bench@example.com",
      "--password",
      "a long enough password",
      "--timezone",
      "Europe/Paris",
    );
    const key = await cli(server.dataDir, "api-key", "create", "--name", "bench");
    const created = await fetch(`${server.baseUrl}/api/event-types`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        slug: "call",
        title: "Call",
        durationMinutes: 15,
        timeZone: "Europe/Paris",
        weeklyHours: ALL_DAY,
        horizonDays: 90,
      }),
    });
    if (created.status !== 201) throw new Error(`event type: ${created.status} ${await created.text()}`);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 62 * 86_400_000).toISOString().slice(0, 10);
    const slotsUrl = `${server.baseUrl}/api/public/bench/call/slots?from=${from}&to=${to}&timeZone=America/New_York`;
    const slots = (await (await fetch(slotsUrl)).json()) as { slots: Record<string, { start: string }[]> };
    const starts = Object.values(slots.slots)
      .flat()
      .map((s) => s.start);
    if (starts.length < BOOKINGS) throw new Error(`only ${starts.length} slots`);

    // Booking POSTs on distinct slots, CONCURRENCY at a time.
    let next = 0;
    let created201 = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BOOKINGS) {
          const start = starts[next * Math.floor(starts.length / BOOKINGS)]!;
          const i = next++;
          const r = await fetch(`${server.baseUrl}/api/public/bench/call/bookings`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              start,
              timeZone: "America/New_York",
              name: `P ${i}`,
              email: `p${i}@example.org`,
              answers: {},
            }),
          });
          await r.text();
          if (r.status === 201) created201++;
        }
      }),
    );
    const perSecond = Math.round(BOOKINGS / ((performance.now() - t0) / 1000));

    // GET slots for a week, with the bookings above in the database.
    const weekUrl = `${server.baseUrl}/api/public/bench/call/slots?from=${from}&to=${new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10)}&timeZone=America/New_York`;
    await autocannon({ url: weekUrl, connections: 20, duration: 1 });
    const load = await autocannon({ url: weekUrl, connections: 20, duration: LOAD_SECONDS });
    const failed = load.errors + load.timeouts + load.non2xx;
    const throughput = Math.round(load.requests.average);
    return [
      {
        name: `GET slots (7 days) over HTTP, 20 connections, ${LOAD_SECONDS} s`,
        value: throughput,
        unit: "req/s",
        budget: "≥ 1,500 req/s",
        ok: throughput >= 1500 && failed === 0,
      },
      {
        name: `GET slots p99 latency under that load${failed ? ` (${failed} failed)` : ""}`,
        value: load.latency.p99,
        unit: "ms",
        budget: "< 20 ms",
        ok: load.latency.p99 < 20 && failed === 0,
      },
      {
        name: `booking POSTs on distinct slots (${created201}/${BOOKINGS} created, ${CONCURRENCY} at a time)`,
        value: perSecond,
        unit: "req/s",
        budget: "≥ 300/s",
        ok: perSecond >= 300 && created201 === BOOKINGS,
      },
    ];
  } finally {
    await server.stop();
  }
}

if (import.meta.main) printFigures(await run());
