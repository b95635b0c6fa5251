// GET /api/workflows/runs and POST /api/workflows/tick (runs what is due now, like the scheduler).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/context.ts";
import { validate } from "../http/request-body.ts";
import { tick } from "../tick.ts";
import { listRuns, type RunRow } from "./store.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function runJson(r: RunRow) {
  return {
    id: r.id,
    workflow: r.workflow,
    key: r.key,
    status: r.status,
    waitingOn: r.waitingOn,
    wakeAt: r.status === "waiting" ? iso(r.wakeAt) : null,
    attempts: r.attempts,
    lastError: r.lastError,
    input: r.input,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    finishedAt: iso(r.finishedAt),
  };
}

const runsQuery = z.object({
  status: z.enum(["waiting", "running", "completed", "failed", "cancelled"]).optional(),
  workflow: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function workflowApiRoutes() {
  const api = new Hono<AppEnv>();
  api.get("/workflows/runs", async (c) => {
    const q = validate(runsQuery, c.req.query(), "query");
    const rows = await listRuns(c.get("deps").database, c.get("owner")!.id, q);
    return c.json({ items: rows.map(runJson), nextCursor: null });
  });
  api.post("/workflows/tick", async (c) => c.json(await tick(c.get("deps"))));
  return api;
}
