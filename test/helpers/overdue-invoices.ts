// Real data for the workflow fault tests: invoices issued through the API 52 days ago on 30-day terms, so that
// at the real time of the test each one's invoice-dunning run is due and sends its last reminder (the polite
// and firm ones are superseded by then), then completes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { databaseFile, openSqlite, type SqliteDatabase } from "../../src/platform/db/sqlite.ts";
import { invoicingFixture, LINE } from "../invoicing/api-fixture.ts";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server.ts";

const DAY = 86_400_000;
/** 52 days ago at 30 days: due 22 days ago, last reminder 15–19 days after the due date (working days). */
export const ISSUED_DAYS_AGO = 52;

export interface OverdueInvoice {
  id: string;
  number: string;
}

/** Issues `count` invoices in the SQLite file (migrating it first); their dunning runs are due at `nowMs`. */
export async function seedOverdueInvoices(
  file: string,
  count: number,
  nowMs: number,
): Promise<{ ownerId: string; invoices: OverdueInvoice[] }> {
  const issuedAt = new Date(nowMs - ISSUED_DAYS_AGO * DAY);
  const startDate = new Date(issuedAt.getTime() - 60 * DAY).toISOString().slice(0, 10);
  const periodEnd = new Date(issuedAt.getTime() - DAY).toISOString().slice(0, 10);
  const database = openSqlite(file);
  try {
    const f = await invoicingFixture({
      database,
      now: issuedAt.toISOString(),
      mission: { startDate, paymentTermsDays: 30 },
    });
    const invoices: OverdueInvoice[] = [];
    for (let i = 0; i < count; i++) {
      const draft = await f.json<{ id: string }>(
        "/api/invoices",
        {
          body: {
            missionId: f.missionId,
            periodStart: startDate,
            periodEnd,
            lines: [{ ...LINE, description: `Développement — lot ${i + 1}`, quantity: 1 + (i % 20) }],
          },
        },
        201,
      );
      const issued = await f.json<OverdueInvoice>(`/api/invoices/${draft.id}/issue`, { method: "POST" }, 200);
      invoices.push({ id: issued.id, number: issued.number });
    }
    return { ownerId: f.owner.id, invoices };
  } finally {
    await database.close();
  }
}

export interface OverdueInvoiceWorld {
  smtp: TestSmtpServer;
  dataDir: string;
  invoices: OverdueInvoice[];
  /** a connection of the test's own, for reading what the scheduler processes wrote */
  reader: SqliteDatabase;
}

/**
 * A SQLite DATA_DIR seeded with `runs` overdue invoices (one dunning run each) and a real SMTP server, set up before
 * the file's tests and removed after them. Read its fields inside the tests.
 */
export function useOverdueInvoiceWorld(dirPrefix: string, runs: number): OverdueInvoiceWorld {
  const world = {} as OverdueInvoiceWorld;
  beforeAll(async () => {
    world.smtp = await startSmtpServer();
    world.dataDir = mkdtempSync(path.join(tmpdir(), dirPrefix));
    ({ invoices: world.invoices } = await seedOverdueInvoices(databaseFile(world.dataDir), runs, Date.now()));
    world.reader = openSqlite(databaseFile(world.dataDir), { migrate: false });
  }, 60_000);
  afterAll(async () => {
    await world.reader?.close();
    await world.smtp?.close();
    if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true });
  });
  return world;
}
