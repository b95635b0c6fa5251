// Booking over HTTP against a real server process: GET slots throughput and latency, booking POSTs per second.
// Beside them, as information (steadier than throughput on a shared machine): the server's main-thread CPU
// per request, how long after the last booking its emails are all out (they are delivered after the
// response), and the CPU of the same requests in-process, without HTTP. The GET load asks for one week again and
// again, as visitors of one link do, so after the first request it is served from the slots cache (until a
// booking, a calendar change or the minimum notice changes the answer); the in-process figures give the cost of
// an answer computed afresh beside it. Run alone with `node bench/booking-http.ts`.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createApiKey } from "../src/accounts/api-keys.ts";
import { createOwner } from "../src/accounts/create-owner.ts";
import { createApp } from "../src/app.ts";
import { parseConfig } from "../src/platform/config.ts";
import { createLogger } from "../src/platform/logger.ts";
import { createNodeDeps } from "../src/platform/node-deps.ts";
import { cleanEnv } from "../test/helpers/env.ts";
import { startServer } from "../test/helpers/server-process.ts";
import type { Figure } from "./lib.ts";
import { printFigures } from "./lib.ts";

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../src/cli.ts");
const LOAD_SECONDS = 8;
const BOOKINGS = 600;
const CONCURRENCY = 16;
// autocannon's own default: the issue names the tool and no other setting.
const GET_CONNECTIONS = 10;
const IN_PROCESS_GETS = 2000;

type Autocannon = (o: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number; total: number };
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
const EVENT_TYPE = {
  slug: "call",
  title: "Call",
  durationMinutes: 15,
  timeZone: "Europe/Paris",
  weeklyHours: ALL_DAY,
  horizonDays: 90,
};
const day = (offset: number, from = Date.now()) =>
  new Date(from + offset * 86_400_000).toISOString().slice(0, 10);
const bookingBody = (start: string, i: number) =>
  JSON.stringify({
    start,
    timeZone: "America/New_York",
    name: `P ${i}`,
    email: `p${i}@example.org`,
    answers: {},
  });

/** CPU time of a process's main thread (the one that runs JavaScript), in ms; null off Linux. */
function mainThreadCpuMs(pid: number): number | null {
  const stat = `/proc/${pid}/task/${pid}/stat`;
  if (!existsSync(stat)) return null;
  const fields = readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 100 Hz ticks
}

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

const info = (name: string, value: number, unit: string): Figure => ({
  name,
  value: Math.round(value * 100) / 100,
  unit,
  budget: "information",
  ok: true,
});

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
      body: JSON.stringify(EVENT_TYPE),
    });
    if (created.status !== 201) throw new Error(`event type: ${created.status} ${await created.text()}`);
    const from = day(2);
    const to = day(62);
    const slotsUrl = `${server.baseUrl}/api/public/bench/call/slots?from=${from}&to=${to}&timeZone=America/New_York`;
    const slots = (await (await fetch(slotsUrl)).json()) as { slots: Record<string, { start: string }[]> };
    const starts = Object.values(slots.slots)
      .flat()
      .map((s) => s.start);
    if (starts.length < BOOKINGS) throw new Error(`only ${starts.length} slots`);

    // Booking POSTs on distinct slots, CONCURRENCY at a time.
    let next = 0;
    let created201 = 0;
    const postCpu0 = mainThreadCpuMs(server.pid);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BOOKINGS) {
          const start = starts[next * Math.floor(starts.length / BOOKINGS)]!;
          const i = next++;
          const r = await fetch(`${server.baseUrl}/api/public/bench/call/bookings`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: bookingBody(start, i),
          });
          await r.text();
          if (r.status === 201) created201++;
        }
      }),
    );
    const postMs = performance.now() - t0;
    const perSecond = Math.round(BOOKINGS / (postMs / 1000));
    const postCpu = postCpu0 === null ? null : mainThreadCpuMs(server.pid)! - postCpu0;

    // Booking emails go out after the responses, as .eml files here (no SMTP_URL): wait for all of them, so
    // the GET load below does not share the server with the last deliveries.
    const outbox = path.join(server.dataDir, "outbox");
    const emails = () =>
      existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")).length : 0;
    const allSent = await until(() => emails() >= 2 * created201, 60_000);
    const sentAfterMs = performance.now() - t0 - postMs;
    const withMailCpu = postCpu0 === null ? null : mainThreadCpuMs(server.pid)! - postCpu0;

    // GET slots for a week, with the bookings above in the database.
    const weekUrl = `${server.baseUrl}/api/public/bench/call/slots?from=${from}&to=${day(6, Date.parse(from))}&timeZone=America/New_York`;
    await autocannon({ url: weekUrl, connections: GET_CONNECTIONS, duration: 1 });
    const getCpu0 = mainThreadCpuMs(server.pid);
    const load = await autocannon({ url: weekUrl, connections: GET_CONNECTIONS, duration: LOAD_SECONDS });
    const getCpu = getCpu0 === null ? null : mainThreadCpuMs(server.pid)! - getCpu0;
    const failed = load.errors + load.timeouts + load.non2xx;
    const throughput = Math.round(load.requests.average);
    // Twice the clients: throughput holds, and each request queues behind twice as many (information).
    const crowded = await autocannon({
      url: weekUrl,
      connections: 2 * GET_CONNECTIONS,
      duration: LOAD_SECONDS,
    });
    const inProcess = await inProcessCpu();
    return [
      {
        name: `GET slots (7 days) over HTTP, ${GET_CONNECTIONS} connections, ${LOAD_SECONDS} s`,
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
      info(`  with ${2 * GET_CONNECTIONS} connections: req/s`, crowded.requests.average, "req/s"),
      info(`  with ${2 * GET_CONNECTIONS} connections: p99`, crowded.latency.p99, "ms"),
      {
        name: `booking POSTs on distinct slots (${created201}/${BOOKINGS} created, ${CONCURRENCY} at a time)`,
        value: perSecond,
        unit: "req/s",
        budget: "≥ 300/s",
        ok: perSecond >= 300 && created201 === BOOKINGS,
      },
      {
        name: `their ${2 * created201} emails all delivered, after the last response${allSent ? "" : " (TIMED OUT)"}`,
        value: Math.round(sentAfterMs),
        unit: "ms",
        budget: "information",
        ok: allSent,
      },
      ...(getCpu === null || postCpu === null || withMailCpu === null
        ? []
        : [
            info("server main-thread CPU per GET slots", getCpu / load.requests.total, "ms"),
            info("server main-thread CPU per booking POST, during the burst", postCpu / BOOKINGS, "ms"),
            info("  per booking once its two emails are delivered", withMailCpu / BOOKINGS, "ms"),
          ]),
      info("in-process CPU per GET slots (no HTTP), served from the slots cache", inProcess.getMs, "ms"),
      info(
        "  the same, each computed afresh (availability version bumped before each)",
        inProcess.missMs,
        "ms",
      ),
      info("in-process CPU per booking, its two emails delivered", inProcess.bookingMs, "ms"),
    ];
  } finally {
    await server.stop();
  }
}

/** The same requests through app.request() on the same kind of database and mail, main-thread CPU per request. */
async function inProcessCpu(): Promise<{ getMs: number; missMs: number; bookingMs: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "creneau-bench-"));
  const config = parseConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: "bench-secret-key-0123456789abcdef0123456789",
    BASE_URL: "http://127.0.0.1:3000",
    PUBLIC_POST_LIMIT: "0",
  });
  const deps = createNodeDeps(config, { logger: createLogger("warn") });
  const deferred = new Set<Promise<unknown>>();
  const detach = deps.defer;
  deps.defer = (work) => {
    const tracked = work.finally(() => deferred.delete(tracked));
    deferred.add(tracked);
    detach(tracked);
  };
  try {
    const app = createApp(deps);
    const owner = await createOwner(
      deps,
      {
        name: "Bench",
        email: "bench@example.com",
        handle: "bench",
        timeZone: "Europe/Paris",
        password: "a long enough password",
      },
      { firstRunOnly: false },
    );
    const { key } = await createApiKey(deps, owner.id, "bench");
    await app.request("/api/event-types", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(EVENT_TYPE),
    });
    const from = day(2);
    const all = await app.request(
      `/api/public/bench/call/slots?from=${from}&to=${day(62)}&timeZone=America/New_York`,
    );
    const starts = Object.values(((await all.json()) as { slots: Record<string, { start: string }[]> }).slots)
      .flat()
      .map((s) => s.start);
    const cpu0 = process.threadCpuUsage();
    for (let i = 0; i < BOOKINGS; i++) {
      const r = await app.request("/api/public/bench/call/bookings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: bookingBody(starts[i * Math.floor(starts.length / BOOKINGS)]!, i),
      });
      if (r.status !== 201) throw new Error(`in-process booking: ${r.status} ${await r.text()}`);
    }
    while (deferred.size > 0) await Promise.all([...deferred]);
    // Emails released after a response may still be on their way: the GET figures below must not carry them.
    const pending = deps.database.sqlite.prepare(
      "SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'sending')",
    );
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if ((pending.get() as { n: number }).n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const bookings = process.threadCpuUsage(cpu0);
    const weekUrl = `/api/public/bench/call/slots?from=${from}&to=${day(6, Date.parse(from))}&timeZone=America/New_York`;
    for (let i = 0; i < 200; i++) await (await app.request(weekUrl)).text();
    const get0 = process.threadCpuUsage();
    for (let i = 0; i < IN_PROCESS_GETS; i++) await (await app.request(weekUrl)).text();
    const gets = process.threadCpuUsage(get0);
    const bump = deps.database.sqlite.prepare(
      "UPDATE owners SET availability_version = availability_version + 1",
    );
    const miss0 = process.threadCpuUsage();
    for (let i = 0; i < IN_PROCESS_GETS; i++) {
      bump.run();
      await (await app.request(weekUrl)).text();
    }
    const misses = process.threadCpuUsage(miss0);
    const ms = (u: NodeJS.CpuUsage, n: number) => (u.user + u.system) / 1000 / n;
    return {
      getMs: ms(gets, IN_PROCESS_GETS),
      missMs: ms(misses, IN_PROCESS_GETS),
      bookingMs: ms(bookings, BOOKINGS),
    };
  } finally {
    await deps.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) printFigures(await run());
