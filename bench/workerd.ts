// The Worker as Cloudflare would receive it: the `wrangler deploy --dry-run` bundle (gzipped size against
// the budget, with what weighs most from esbuild's metafile) and cold requests in workerd, each on a
// fresh workerd (wrangler dev serving the built bundle unchanged) with D1 migrated. Run alone with `node bench/workerd.ts`.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./lib.ts";
import { percentile, printFigures } from "./lib.ts";

const ROOT = path.join(import.meta.dirname, "..");
// Run with this Node (wrangler refuses old ones), whatever `node` the PATH finds.
const WRANGLER = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const wrangler = (args: string[]) => [WRANGLER, ...args];
const BUDGET_KIB = 1024;
const COLD_RUNS = 5;

export interface Bundle {
  dir: string;
  /** D1's local files, outside `dir`: wrangler dev reloads when anything in the worker's folder changes */
  state: string;
  scriptKib: number;
  dataKib: number;
  heaviest: [string, number][];
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** `wrangler deploy --dry-run` into a temporary folder: exactly what would be uploaded. */
export function buildWorker(): Bundle {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-worker-"));
  const metafile = path.join(dir, "meta.json");
  execFileSync(process.execPath, wrangler(["deploy", "--dry-run", "--outdir", dir, "--metafile", metafile]), {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  const files = readdirSync(dir);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  const data = files.filter((f) => /\.(ttf|icc)$/.test(f));
  const state = mkdtempSync(path.join(tmpdir(), "creneau-worker-state-"));
  return {
    dir,
    state,
    scriptKib: kib(gz("worker.js")),
    dataKib: kib(data.reduce((n, f) => n + gz(f), 0)),
    heaviest: heaviest(metafile),
  };
}

/** Minified bytes per package (or per src/ folder) in the bundle, largest first. */
function heaviest(metafile: string): [string, number][] {
  const meta = JSON.parse(readFileSync(metafile, "utf8")) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const output = Object.entries(meta.outputs).find(([name]) => name.endsWith("worker.js"))?.[1];
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const inPackage = input.split("node_modules/").pop()!.split("/");
    const name = input.includes("node_modules/")
      ? inPackage.slice(0, inPackage[0]!.startsWith("@") ? 2 : 1).join("/")
      : input.split("/").slice(0, 2).join("/");
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8);
}

const VARS = {
  SECRET_KEY: "bench-secret-key-0123456789abcdef0123456789",
  BASE_URL: "http://creneau.bench",
  LOG_LEVEL: "error",
};

/** A wrangler config that serves the built bundle as is (no_bundle), with a local D1 migrated once. */
export function serveConfig(bundle: Bundle): string {
  const config = path.join(bundle.dir, "wrangler.bench.toml");
  writeFileSync(
    config,
    [
      'name = "creneau-bench"',
      'main = "worker.js"',
      'compatibility_date = "2026-10-01"',
      'compatibility_flags = ["nodejs_compat"]',
      "no_bundle = true",
      "[[rules]]",
      'type = "Data"',
      'globs = ["**/*.ttf", "**/*.icc"]',
      "fallthrough = false",
      "[[d1_databases]]",
      'binding = "DB"',
      'database_name = "creneau"',
      'database_id = "00000000-0000-0000-0000-000000000000"',
      `migrations_dir = ${JSON.stringify(path.join(ROOT, "migrations"))}`,
      "[vars]",
      ...Object.entries(VARS).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
    ].join("\n"),
  );
  execFileSync(
    process.execPath,
    wrangler(["d1", "migrations", "apply", "creneau", "--local", "--persist-to", bundle.state, "-c", config]),
    { cwd: bundle.dir, stdio: "pipe", env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" } },
  );
  return config;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

interface Cold {
  startMs: number;
  firstMs: number;
  warmMs: number;
}

export interface RunningWorker {
  url: string;
  readyMs: number;
  stop(): Promise<void>;
}

/** A fresh workerd serving the bundle unchanged (wrangler dev, no_bundle), once it says it is ready. */
export async function startWorker(bundle: Bundle, config: string): Promise<RunningWorker> {
  const port = await freePort();
  const t0 = performance.now();
  const dev = spawn(
    process.execPath,
    wrangler([
      "dev",
      "-c",
      config,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      bundle.state,
    ]),
    {
      cwd: bundle.dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  const stop = async () => {
    if (dev.exitCode !== null || dev.signalCode !== null) return;
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    dev.kill("SIGTERM");
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`wrangler dev not ready:\n${output}`)), 60_000);
      const watch = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready on/i.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      dev.stdout.on("data", watch);
      dev.stderr.on("data", watch);
      dev.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`wrangler dev exited ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, readyMs: performance.now() - t0, stop };
}

/** One fresh workerd: until it is ready, its first request (the app is built), then warm ones. */
async function coldRun(bundle: Bundle, config: string): Promise<Cold> {
  const worker = await startWorker(bundle, config);
  try {
    const url = `${worker.url}/login`;
    const t1 = performance.now();
    const first = await fetch(url);
    await first.text();
    const firstMs = performance.now() - t1;
    if (first.status !== 200) throw new Error(`GET /login answered ${first.status}`);
    const warm: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await (await fetch(url)).text();
      warm.push(performance.now() - t);
    }
    return {
      startMs: worker.readyMs,
      firstMs,
      warmMs: percentile(
        warm.sort((a, b) => a - b),
        50,
      ),
    };
  } finally {
    await worker.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const bundle = buildWorker();
  try {
    const total = Math.round((bundle.scriptKib + bundle.dataKib) * 10) / 10;
    const config = serveConfig(bundle);
    const runs: Cold[] = [];
    for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldRun(bundle, config));
    const median = (pick: (c: Cold) => number) =>
      Math.round(
        percentile(
          runs.map(pick).sort((a, b) => a - b),
          50,
        ) * 10,
      ) / 10;
    console.log(
      `  heaviest in worker.js (minified): ${bundle.heaviest.map(([name, bytes]) => `${name} ${kib(bytes)} KiB`).join(", ")}`,
    );
    const start = median((c) => c.startMs);
    const first = median((c) => c.firstMs);
    const warm = median((c) => c.warmMs);
    return [
      {
        name: "worker upload, gzipped (script + fonts and ICC)",
        value: total,
        unit: "KiB",
        budget: `≤ ${BUDGET_KIB} KiB`,
        ok: total <= BUDGET_KIB,
      },
      {
        name: "  of which worker.js, gzipped",
        value: bundle.scriptKib,
        unit: "KiB",
        budget: "(part of the above)",
        ok: true,
      },
      {
        name: "  of which Data modules (Inter ×2, sRGB), gzipped",
        value: bundle.dataKib,
        unit: "KiB",
        budget: "(part of the above)",
        ok: true,
      },
      {
        name: "fresh workerd (wrangler dev) until ready, p50",
        value: start,
        unit: "ms",
        budget: "≤ 5000 ms",
        ok: start <= 5000,
      },
      {
        name: "cold request (first GET /login, app built), p50",
        value: first,
        unit: "ms",
        budget: "≤ 200 ms",
        ok: first <= 200,
      },
      { name: "warm request (GET /login), p50", value: warm, unit: "ms", budget: "≤ 20 ms", ok: warm <= 20 },
    ];
  } finally {
    rmSync(bundle.dir, { recursive: true, force: true });
    rmSync(bundle.state, { recursive: true, force: true });
  }
}

if (import.meta.main) printFigures(await run());
