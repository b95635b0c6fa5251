// The Node server as a user runs it: `npm start`'s command in its own process, on a fresh DATA_DIR and a free port.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { cleanEnv } from "./env.ts";

const MAIN = path.resolve(import.meta.dirname, "../../src/main.ts");
/** The Node flags of `npm start` (package.json), so tests and benchmarks run the server exactly as users do. */
const START_FLAGS = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith("--"));
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
// Short, so the cold-start figure is not rounded up by the polling.
const POLL_MS = 5;

export interface ServerProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on /healthz (what the cold-start benchmark reports). */
  readyMs: number;
  /** SIGTERM, wait for the exit (SIGKILL after 5 s), then remove DATA_DIR. */
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
}

/** Binding port 0 lets the kernel pick a port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logs()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      lastError = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  child.kill("SIGKILL");
  throw new Error(`The server was not healthy after ${READY_TIMEOUT_MS} ms (${lastError}):\n${logs()}`);
}

export async function startServer(options: { env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "creneau-server-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...START_FLAGS, MAIN], {
    env: {
      ...cleanEnv(),
      PORT: String(port),
      DATA_DIR: dataDir,
      BASE_URL: baseUrl,
      SCHEDULER: "0",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const logs = () => output;
  try {
    await waitUntilHealthy(baseUrl, child, logs);
  } catch (error) {
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const readyMs = performance.now() - spawnedAt;
  return {
    readyMs,
    baseUrl,
    port,
    dataDir,
    pid: child.pid!,
    logs,
    kill: (signal: NodeJS.Signals = "SIGTERM") => {
      child.kill(signal);
    },
    async stop() {
      const done = exited(child);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
