// Webhook fan-out: 1,000 events (100 bookings × 10 lifecycle events) to 10 endpoints on loopback, each a real
// HTTP receiver that checks the signature: 10,000 signed deliveries, in order per booking and endpoint, through
// the same queue, leases and delivery log as production, on a SQLite file. Budget: all delivered within 10 s.
// Run alone with `node bench/webhooks.ts`.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiKey } from "../src/accounts/api-keys.ts";
import { createOwner } from "../src/accounts/create-owner.ts";
import { openSqlite } from "../src/platform/db/sqlite.ts";
import { emitWebhookEvent } from "../src/webhooks/emit.ts";
import { verifySignature } from "../src/webhooks/signature.ts";
import { createTestApp } from "../test/helpers/test-app.ts";
import type { Figure } from "./lib.ts";
import { printFigures } from "./lib.ts";

const ENDPOINTS = 10;
const RESOURCES = 100;
const EVENTS_PER_RESOURCE = 10;
const BUDGET_MS = 10_000;

interface Receiver {
  url: string;
  secret: string;
  received: number;
  badSignatures: number;
  outOfOrder: number;
  lastStep: Map<string, number>;
  server: http.Server;
}

async function receiver(now: () => number): Promise<Receiver> {
  const r = { secret: "", received: 0, badSignatures: 0, outOfOrder: 0, lastStep: new Map() } as Receiver;
  r.server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (!verifySignature(req.headers["creneau-signature"] as string, body, r.secret, now().valueOf()).ok)
        r.badSignatures++;
      const { data } = JSON.parse(body) as { data: { booking: string; step: number } };
      if ((r.lastStep.get(data.booking) ?? -1) >= data.step) r.outOfOrder++;
      r.lastStep.set(data.booking, data.step);
      r.received++;
      res.writeHead(204).end();
    });
  });
  r.server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => r.server.listen(0, "127.0.0.1", () => resolve()));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  return r;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-bench-webhooks-"));
  const database = openSqlite(path.join(dir, "creneau.sqlite"));
  const t = createTestApp({ env: { ALLOW_PRIVATE_TARGETS: "1" }, database });
  // Deliveries start in the background as events are recorded, as on the Node server.
  t.deps.defer = (work) => {
    work.catch((error) => console.error(error));
  };
  const owner = await createOwner(
    t.deps,
    {
      name: "Bench",
      email: "bench@example.com",
      handle: "bench",
      timeZone: "Europe/Paris",
      locale: "fr",
      password: "correct horse battery",
    },
    { firstRunOnly: false },
  );
  const { key } = await createApiKey(t.deps, owner.id, "bench");
  const receivers: Receiver[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const r = await receiver(() => t.clock.now());
    const created = await t.app.request("/api/webhooks", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ url: r.url, events: ["booking.created", "booking.rescheduled"] }),
    });
    r.secret = ((await created.json()) as { secret: string }).secret;
    receivers.push(r);
  }

  const expected = ENDPOINTS * RESOURCES * EVENTS_PER_RESOURCE;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let step = 0; step < EVENTS_PER_RESOURCE; step++) {
    for (let b = 0; b < RESOURCES; b++) {
      await emitWebhookEvent(t.deps, {
        ownerId: owner.id,
        type: step === 0 ? "booking.created" : "booking.rescheduled",
        resourceId: `b${b}`,
        data: { booking: `b${b}`, step },
      });
    }
  }
  const recordedMs = performance.now() - started;
  const total = () => receivers.reduce((sum, r) => sum + r.received, 0);
  while (total() < expected && performance.now() - started < 60_000)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const deliveredMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  for (const r of receivers) r.server.close();
  for (const r of receivers) r.server.closeAllConnections();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  const received = total();
  const bad = receivers.reduce((sum, r) => sum + r.badSignatures + r.outOfOrder, 0);
  return [
    {
      name: `webhooks: record ${RESOURCES * EVENTS_PER_RESOURCE} events × ${ENDPOINTS} endpoints`,
      value: Math.round(recordedMs),
      unit: "ms",
      budget: "information",
      ok: true,
    },
    {
      name: `webhooks: all ${expected} deliveries received (loopback)`,
      value: Math.round(deliveredMs),
      unit: "ms",
      budget: `< ${BUDGET_MS} ms, every one`,
      ok: received === expected && deliveredMs < BUDGET_MS,
    },
    {
      // Wall time depends on what else the machine runs; CPU time of this process (sender and receivers) less so.
      name: "webhooks: CPU time for the whole fan-out",
      value: Math.round((cpu.user + cpu.system) / 1000),
      unit: "ms",
      budget: "information",
      ok: true,
    },
    {
      name: "webhooks: deliveries per second",
      value: Math.round(received / (deliveredMs / 1000)),
      unit: "/s",
      budget: "information",
      ok: true,
    },
    {
      name: "webhooks: bad signatures or out-of-order arrivals",
      value: bad,
      unit: "",
      budget: "0",
      ok: bad === 0,
    },
  ];
}

if (import.meta.main) printFigures(await run());
