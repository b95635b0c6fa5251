// Owner API for webhooks (Bearer auth is applied by the /api router): endpoints, their delivery log, replays.
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { page } from "../platform/http/pagination.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, validate } from "../platform/http/request-body.ts";
import { attemptsOf, listDeliveries } from "./delivery-queries.ts";
import { deleteEndpoint, type EndpointRow, getEndpoint, listEndpoints } from "./endpoint-store.ts";
import { changeEndpoint, createEndpoint, replayDelivery } from "./manage-endpoints.ts";
import { deliveriesQuery, endpointCreateSchema, endpointPatchSchema, endpointsQuery } from "./schemas.ts";
import { deliveryJson, endpointJson } from "./views.ts";

async function ownedEndpoint(c: AppContext): Promise<EndpointRow> {
  const found = await getEndpoint(c.get("deps").database, c.get("owner")!.id, c.req.param("id") ?? "");
  if (!found) throw new AppError("not_found", { detail: "No webhook endpoint with this id." });
  return found;
}

export function webhooksApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/webhooks", async (c) => {
    const q = validate(endpointsQuery, c.req.query(), "query");
    const rows = await listEndpoints(c.get("deps").database, c.get("owner")!.id, {
      status: q.status,
      event: q.event,
      limit: q.limit + 1,
      after: q.cursor,
    });
    const { items, nextCursor } = page(rows, q.limit, (e) => ({ at: e.createdAt, id: e.id }));
    return c.json({ items: items.map((e) => endpointJson(e)), nextCursor });
  });

  api.post("/webhooks", async (c) => {
    const deps = c.get("deps");
    const ownerId = c.get("owner")!.id;
    const input = await readJson(c, endpointCreateSchema);
    const { endpoint, secret } = await createEndpoint(deps, ownerId, input);
    // The secret is in this answer only: no cache may keep it.
    return c.json(endpointJson(endpoint, secret), 201, {
      Location: `/api/webhooks/${endpoint.id}`,
      "Cache-Control": "no-store",
    });
  });

  api.get("/webhooks/:id", async (c) => c.json(endpointJson(await ownedEndpoint(c))));

  api.patch("/webhooks/:id", async (c) => {
    const existing = await ownedEndpoint(c);
    const patch = await readJson(c, endpointPatchSchema);
    const { endpoint, secret } = await changeEndpoint(c.get("deps"), existing, patch);
    if (secret) c.header("Cache-Control", "no-store");
    return c.json(endpointJson(endpoint, secret));
  });

  api.delete("/webhooks/:id", async (c) => {
    const endpoint = await ownedEndpoint(c);
    await deleteEndpoint(c.get("deps").database, endpoint.ownerId, endpoint.id);
    return c.body(null, 204);
  });

  api.get("/webhooks/:id/deliveries", async (c) => {
    const endpoint = await ownedEndpoint(c);
    const q = validate(deliveriesQuery, c.req.query(), "query");
    const { database } = c.get("deps");
    const rows = await listDeliveries(database, endpoint.ownerId, endpoint.id, {
      ...q,
      limit: q.limit + 1,
      after: q.cursor,
    });
    const { items, nextCursor } = page(rows, q.limit, (d) => ({ at: d.createdAt, id: d.id }));
    const logs = await attemptsOf(
      database,
      items.map((d) => d.id),
    );
    return c.json({ items: items.map((d) => deliveryJson(d, logs.get(d.id) ?? [])), nextCursor });
  });

  api.post("/webhook-deliveries/:id/replay", async (c) => {
    const replay = await replayDelivery(c.get("deps"), c.get("owner")!.id, c.req.param("id"));
    return c.json(deliveryJson(replay, []), 202);
  });

  return api;
}
