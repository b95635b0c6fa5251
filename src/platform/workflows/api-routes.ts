// GET /api/workflows/runs, POST /api/workflows/runs/{id}/retry and /cancel, and POST /api/workflows/tick
// (runs the caller's due work now, as the scheduler would).
import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../http/context.ts";
import { cursorSchema, limitSchema, page } from "../http/pagination.ts";
import { validate } from "../http/request-body.ts";
import { tick } from "../tick.ts";
import { cancelRun, retryRun } from "./run-actions.ts";
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

export const runsQuery = z.object({
  status: z.enum(["waiting", "running", "completed", "failed", "cancelled"]).optional(),
  workflow: z.string().max(60).optional(),
  key: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "what the run is about, e.g. a booking or mission id" }),
  limit: limitSchema(100, 500),
  cursor: cursorSchema.optional(),
});

export function workflowApiRoutes() {
  const api = new Hono<AppEnv>();
  api.get("/workflows/runs", async (c) => {
    const q = validate(runsQuery, c.req.query(), "query");
    const rows = await listRuns(c.get("deps").database, c.get("owner")!.id, {
      ...q,
      limit: q.limit + 1,
      after: q.cursor,
    });
    const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
    return c.json({ items: items.map(runJson), nextCursor });
  });
  // 409 when the run is not in a state that allows it (retry: failed; cancel: waiting or failed).
  api.post("/workflows/runs/:id/retry", async (c) =>
    c.json(runJson(await retryRun(c.get("deps"), c.get("owner")!.id, c.req.param("id")))),
  );
  api.post("/workflows/runs/:id/cancel", async (c) =>
    c.json(runJson(await cancelRun(c.get("deps"), c.get("owner")!.id, c.req.param("id")))),
  );
  // An API key belongs to one owner: its tick runs that owner's due work only, and reports only it.
  api.post("/workflows/tick", async (c) =>
    c.json(await tick(c.get("deps"), undefined, undefined, { ownerId: c.get("owner")!.id })),
  );
  return api;
}
