// Two scheduler processes on one SQLite file (two servers on one DATA_DIR, or a server and `creneau tick`), released
// together over the same 200 due invoice-dunning runs: each run is executed once, so each step once, and each
// email is delivered once to a real SMTP server on 127.0.0.1.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useOverdueInvoiceWorld } from "../helpers/overdue-invoices.ts";
import { startTickProcess, totals } from "../helpers/tick-process.ts";

const RUNS = 200;
/** plan, three waits for payment, three decisions, the last reminder. */
const STEPS_PER_RUN = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("two scheduler processes on one SQLite file", () => {
  const world = useOverdueInvoiceWorld("creneau-two-schedulers-", RUNS);

  it("tick the same due runs at once: each run, step and email happens once", async () => {
    const { smtp, dataDir, invoices, reader } = world;
    const env = { DATA_DIR: dataDir, SMTP_URL: smtp.url, BASE_URL: "http://creneau.test", HOLD: "1" };
    const schedulers = await Promise.all([startTickProcess(env), startTickProcess(env)]);
    for (const s of schedulers) s.go();
    const deadline = Date.now() + 40_000;
    const unsent = async () =>
      (
        await reader.all<{ n: number }>(sql`SELECT
          (SELECT count(*) FROM workflow_runs WHERE status <> 'completed')
          + (SELECT count(*) FROM outbox WHERE status <> 'sent') AS n`)
      )[0]!.n;
    while (((await unsent()) > 0 || smtp.messages.length < RUNS) && Date.now() < deadline) await sleep(50);
    for (const s of schedulers) s.kill("SIGTERM");
    await Promise.all(schedulers.map((s) => s.exited));
    expect(await unsent()).toBe(0);

    const [a, b] = schedulers.map((s) => totals(s.reports));
    // Both took part, and between them executed each run exactly once: no step body ran twice.
    expect(a!.claimed).toBeGreaterThan(0);
    expect(b!.claimed).toBeGreaterThan(0);
    expect(a!.claimed + b!.claimed).toBe(RUNS);
    expect(a!.completed + b!.completed).toBe(RUNS);
    expect(a!.lost + b!.lost + a!.failed + b!.failed).toBe(0);
    expect(a!.mailSent + b!.mailSent).toBe(RUNS);

    const journal = await reader.all<{ steps: number }>(sql`SELECT count(s.name) AS steps
      FROM workflow_runs r LEFT JOIN workflow_steps s ON s.run_id = r.id
      WHERE r.workflow = 'invoice-dunning' GROUP BY r.id`);
    expect(journal).toHaveLength(RUNS);
    expect(journal.every((j) => j.steps === STEPS_PER_RUN)).toBe(true);

    const outbox = await reader.all<{ messageId: string; attempts: number }>(
      sql`SELECT message_id AS messageId, attempts FROM outbox`,
    );
    expect(outbox).toHaveLength(RUNS);
    expect(outbox.every((o) => o.attempts === 1)).toBe(true);
    const received = smtp.messages.map((m) => m.messageId);
    expect(received).toHaveLength(RUNS);
    expect(new Set(received)).toEqual(new Set(outbox.map((o) => o.messageId)));
    for (const invoice of invoices) {
      expect(
        smtp.messages.filter((m) => m.subject?.includes(invoice.number)),
        invoice.number,
      ).toHaveLength(1);
    }
  }, 60_000);
});
