// The workflow engine and the outbox on a SQLite file, as the scheduler runs them: one tick over 10,000 due runs
// of a one-step workflow, 1,000 emails through the outbox to an SMTP server on 127.0.0.1, and an idle tick.
// Run alone with `node bench/workflows.ts`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createOwner } from "../src/accounts/create-owner.ts";
import { parseConfig } from "../src/platform/config.ts";
import { createLogger } from "../src/platform/logger.ts";
import { enqueueMail } from "../src/platform/mail/outbox.ts";
import { deliveryDeps } from "../src/platform/mail/send.ts";
import { createNodeDeps, type NodeDeps } from "../src/platform/node-deps.ts";
import { tick } from "../src/platform/tick.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { registry, startWorkflowStatement } from "../src/platform/workflows/engine.ts";
import { startSmtpServer, type TestSmtpServer } from "../test/helpers/smtp-server.ts";
import { WORKFLOWS } from "../workflows/index.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

const DUE_RUNS = 10_000;
/** Process CPU time beside the wall time: on a shared machine it is the figure that does not move with the load. */
const cpuMs = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);
const EMAILS = 1_000;
const IDLE_TICKS = 200;

const noop = defineWorkflow({
  name: "bench-noop",
  title: { fr: "Rien", en: "Nothing" },
  async run(ctx) {
    await ctx.step("noop", () => null);
  },
});
// The real workflows too, so the tick asks each for its calendar-driven starts as in production.
const WITH_NOOP = registry([...WORKFLOWS.all(), noop] as never[]);

async function setUp(smtp: TestSmtpServer) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "creneau-bench-workflows-"));
  const config = parseConfig({
    SECRET_KEY: "bench-secret-key-0123456789abcdef0123456789",
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    LOG_LEVEL: "error",
  });
  const deps = createNodeDeps(config, { logger: createLogger("error", () => {}) });
  const owner = await createOwner(
    deps,
    {
      name: "Jean Dupont",
      email: "jean@example.com",
      handle: "jean",
      timeZone: "Europe/Paris",
      locale: "fr",
      password: "correct horse battery",
    },
    { firstRunOnly: false },
  );
  return { deps, ownerId: owner.id, dataDir };
}

async function startNoopRuns(deps: NodeDeps, ownerId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const starts = Array.from({ length: Math.min(500, count - i) }, (_, j) =>
      startWorkflowStatement(deps, { workflow: noop.name, ownerId, key: `run-${i + j}`, input: {} }),
    );
    await deps.database.batch(starts);
  }
}

async function deliverEmails(deps: NodeDeps, ownerId: string, smtp: TestSmtpServer): Promise<number> {
  const before = smtp.messages.length;
  const t0 = performance.now();
  const outbox = deliveryDeps(deps);
  for (let i = 0; i < EMAILS; i++) {
    await enqueueMail(outbox, {
      ownerId,
      idempotencyKey: `bench-${i}`,
      why: "bench",
      to: { address: `prospect${i}@example.org`, name: `Prospect ${i}` },
      subject: `Votre rendez-vous n°${i}`,
      html: `<p>Bonjour, votre rendez-vous n°${i} est confirmé.</p>`,
      text: `Bonjour, votre rendez-vous n°${i} est confirmé.`,
      locale: "fr",
    });
  }
  while (smtp.messages.length - before < EMAILS) {
    const { sent, retrying, failed } = (await tick(deps)).mail;
    if (sent + retrying + failed === 0)
      throw new Error("the outbox stopped before every email was delivered");
  }
  return performance.now() - t0;
}

export async function run(): Promise<Figure[]> {
  const smtp = await startSmtpServer();
  const { deps, ownerId, dataDir } = await setUp(smtp);
  try {
    await startNoopRuns(deps, ownerId, DUE_RUNS);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await tick(deps, WITH_NOOP);
    const dueTickMs = performance.now() - t0;
    const dueTickCpuMs = cpuMs(process.cpuUsage(cpu0));
    if (report.workflows.completed !== DUE_RUNS)
      throw new Error(`the tick completed ${report.workflows.completed} of ${DUE_RUNS} runs`);

    const cpu1 = process.cpuUsage();
    const emailsMs = await deliverEmails(deps, ownerId, smtp);
    const emailsCpuMs = cpuMs(process.cpuUsage(cpu1));

    const idle = await sample(() => tick(deps), IDLE_TICKS, 20);
    const idleP50 = percentile(idle, 50);
    return [
      {
        name: `one tick, ${DUE_RUNS.toLocaleString("en")} due runs of one no-op step (CPU ${dueTickCpuMs} ms)`,
        value: Math.round(dueTickMs),
        unit: "ms",
        budget: "< 2000 ms",
        ok: dueTickMs < 2000,
      },
      {
        name: `${EMAILS.toLocaleString("en")} emails, outbox to local SMTP (CPU ${emailsCpuMs} ms)`,
        value: Math.round(emailsMs),
        unit: "ms",
        budget: "< 30000 ms",
        ok: emailsMs < 30_000,
      },
      {
        name: `idle tick p50 (of ${IDLE_TICKS}, after the above)`,
        value: idleP50,
        unit: "ms",
        budget: "< 5 ms",
        ok: idleP50 < 5,
      },
    ];
  } finally {
    await deps.database.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) printFigures(await run());
