// The Node server as a process: cold start, idle memory, /healthz throughput and latency.
// Run alone with `node bench/foundation.ts`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { STYLESHEET_PATH } from "../src/platform/http/views/assets.ts";
import { startServer } from "../test/helpers/server-process.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures } from "./lib.ts";

const COLD_START_RUNS = 5;
const LOAD_SECONDS = 8;
const CONNECTIONS = 50;

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

// autocannon ships no types; the few fields read here are declared above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** Resident memory of a process in MB, as the kernel counts it. */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kilobytes)) throw new Error(`No VmRSS in /proc/${pid}/status`);
  return Math.round((kilobytes / 1024) * 10) / 10;
}

async function coldStartMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < COLD_START_RUNS; i++) {
    const server = await startServer();
    times.push(server.readyMs);
    await server.stop();
  }
  return Math.round(
    percentile(
      times.sort((a, b) => a - b),
      50,
    ),
  );
}

/** A freshly started server after a handful of ordinary page and API requests, once things settle. */
async function idleRss(baseUrl: string, pid: number): Promise<number> {
  for (const path of ["/", "/setup", "/login", "/healthz", "/api/me", STYLESHEET_PATH, "/nowhere"]) {
    for (let i = 0; i < 3; i++) await (await fetch(`${baseUrl}${path}`, { redirect: "manual" })).text();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  return residentMegabytes(pid);
}

export async function run(): Promise<Figure[]> {
  const coldStart = await coldStartMs();
  const server = await startServer();
  try {
    const rss = await idleRss(server.baseUrl, server.pid);
    const url = `${server.baseUrl}/healthz`;
    await autocannon({ url, connections: CONNECTIONS, duration: 1 }); // warm up the JIT
    const load = await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS });
    const failed = load.errors + load.timeouts + load.non2xx;
    const throughput = Math.round(load.requests.average);
    return [
      {
        name: `cold start to first 200 on /healthz (median of ${COLD_START_RUNS})`,
        value: coldStart,
        unit: "ms",
        budget: "< 800 ms",
        ok: coldStart < 800,
      },
      {
        name: "idle RSS after startup and a few requests",
        value: rss,
        unit: "MB",
        budget: "< 120 MB",
        ok: rss < 120,
      },
      {
        name: `GET /healthz throughput, ${CONNECTIONS} connections, ${LOAD_SECONDS} s`,
        value: throughput,
        unit: "req/s",
        budget: "≥ 5,000 req/s",
        ok: throughput >= 5000 && failed === 0,
      },
      {
        name: `GET /healthz p99 latency under that load${failed ? ` (${failed} failed)` : ""}`,
        value: load.latency.p99,
        unit: "ms",
        budget: "information",
        ok: failed === 0,
      },
    ];
  } finally {
    await server.stop();
  }
}

if (import.meta.main) printFigures(await run());
