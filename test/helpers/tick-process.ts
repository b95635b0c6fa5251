// Scheduler processes for the crash tests: the harness (workflow-fault-harness.ts) spawned on a DATA_DIR,
// its tick reports collected, and killed the hard way.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { TickReport } from "../../src/platform/tick.ts";
import { cleanEnv } from "./env.ts";

const HARNESS = path.resolve(import.meta.dirname, "workflow-fault-harness.ts");
const READY_TIMEOUT_MS = 15_000;

export interface TickProcess {
  pid: number;
  /** Lets a process started with HOLD=1 begin ticking. */
  go(): void;
  /** Every tick report printed so far. */
  reports: TickReport[];
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  logs(): string;
}

/** Starts a harness and resolves once it can tick (modules loaded, database open); HOLD=1 waits for go(). */
export async function startTickProcess(env: Record<string, string>): Promise<TickProcess> {
  const child: ChildProcess = spawn(process.execPath, [HARNESS], {
    env: { ...cleanEnv(), LOG_LEVEL: "error", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const reports: TickReport[] = [];
  let stderr = "";
  let pending = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "ready") markReady();
      else if (line.startsWith("{")) reports.push(JSON.parse(line) as TickReport);
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("not ready in time")), READY_TIMEOUT_MS).unref(),
  );
  const died = exited.then(({ code, signal }) => {
    throw new Error(`the harness exited (${code ?? signal}) before it was ready:\n${stderr}`);
  });
  try {
    await Promise.race([ready, died, timeout]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  died.catch(() => {});
  return {
    pid: child.pid!,
    go: () => {
      child.stdin?.end("go\n");
    },
    reports,
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
    logs: () => stderr,
  };
}

/** Sums what a process's ticks did. */
export function totals(reports: TickReport[]) {
  const sum = { claimed: 0, completed: 0, lost: 0, failed: 0, mailSent: 0 };
  for (const r of reports) {
    sum.claimed += r.workflows.claimed;
    sum.completed += r.workflows.completed;
    sum.lost += r.workflows.lost;
    sum.failed += r.workflows.failed;
    sum.mailSent += r.mail.sent;
  }
  return sum;
}
