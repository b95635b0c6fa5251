// Owner API for calendars (Bearer auth is applied by the /api router).
import { Hono } from "hono";
import * as z from "zod";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { limitSchema, pageSorted, positionCursorSchema } from "../platform/http/pagination.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, validate } from "../platform/http/request-body.ts";
import { feedUrl } from "./bookings-feed-route.ts";
import { countBusy } from "./busy-store.ts";
import { calendarSettingsPatchSchema } from "./calendar-settings.ts";
import { loadCalendarSettings, saveCalendarSettings } from "./calendar-settings-store.ts";
import { createConnectionSchema, updateConnectionSchema } from "./connection-input.ts";
import { deleteConnection, getConnection, listConnections } from "./connection-store.ts";
import type { ConnectionRow } from "./connection-types.ts";
import { connectionJson } from "./connection-view.ts";
import { createConnection } from "./create-connection.ts";
import { syncConnection } from "./sync.ts";
import { updateCalendarConnection } from "./update-connection.ts";

export const calendarsQuery = z.object({
  type: z.enum(["google", "caldav", "ics"]).optional(),
  limit: limitSchema(50, 200),
  cursor: positionCursorSchema.optional(),
});

export const syncQuery = z.object({ full: z.enum(["0", "1", "true", "false"]).optional() });

async function json(c: AppContext, row: ConnectionRow) {
  return connectionJson(row, await countBusy(c.get("deps").database, row.id));
}

async function owned(c: AppContext): Promise<ConnectionRow> {
  const row = await getConnection(c.get("deps").database, c.get("owner")!.id, c.req.param("id") ?? "");
  if (!row) throw new AppError("not_found", { detail: "No calendar connection with this id." });
  return row;
}

/** Runs a sync now and answers with what it did; 409 when one is already running. */
async function syncNow(c: AppContext, row: ConnectionRow, full: boolean) {
  const deps = c.get("deps");
  const outcome = await syncConnection(deps, row.id, { dueOnly: false, full });
  if (outcome.status === "running")
    throw new AppError("conflict", {
      detail: "A sync of this calendar is already running. Try again in a moment.",
    });
  const { connectionId: _id, ...sync } = outcome;
  return { sync, connection: await json(c, (await getConnection(deps.database, row.ownerId, row.id))!) };
}

export function calendarsApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/calendars", async (c) => {
    const q = validate(calendarsQuery, c.req.query(), "query");
    const rows = (await listConnections(c.get("deps").database, c.get("owner")!.id)).filter(
      (r) => !q.type || r.type === q.type,
    );
    const { items, nextCursor } = pageSorted(rows, { ...q, direction: "asc" }, (r) => ({
      key: r.createdAt,
      id: r.id,
    }));
    return c.json({ items: await Promise.all(items.map((r) => json(c, r))), nextCursor });
  });

  api.post("/calendars", async (c) => {
    const input = await readJson(c, createConnectionSchema);
    const row = await createConnection(c.get("deps"), c.get("owner")!.id, input);
    const { sync, connection } = await syncNow(c, row, true);
    return c.json({ ...connection, sync }, 201, { Location: `/api/calendars/${row.id}` });
  });

  api.get("/calendars/:id", async (c) => c.json(await json(c, await owned(c))));

  api.patch("/calendars/:id", async (c) => {
    const row = await owned(c);
    const input = await readJson(c, updateConnectionSchema);
    const updated = await updateCalendarConnection(c.get("deps"), c.get("owner")!.id, row, input);
    return c.json(await json(c, updated));
  });

  api.delete("/calendars/:id", async (c) => {
    const row = await owned(c);
    await deleteConnection(c.get("deps"), row.ownerId, row.id);
    return c.body(null, 204);
  });

  api.post("/calendars/:id/sync", async (c) => {
    const row = await owned(c);
    const full = validate(syncQuery, c.req.query(), "query");
    return c.json(await syncNow(c, row, full.full === "1" || full.full === "true"));
  });

  api.get("/settings/calendars", async (c) => {
    const owner = c.get("owner")!;
    const settings = await loadCalendarSettings(c.get("deps").database, owner.id);
    return c.json(settingsJson(c, owner.id, settings));
  });

  api.patch("/settings/calendars", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const patch = await readJson(c, calendarSettingsPatchSchema);
    const settings = { ...(await loadCalendarSettings(deps.database, owner.id)), ...patch };
    await saveCalendarSettings(deps.database, owner.id, settings, deps.clock.now());
    return c.json(settingsJson(c, owner.id, settings));
  });

  // The bookings feed: POST turns it on or gives a new URL (the old one stops working); DELETE turns it off.
  api.post("/calendar-feed", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const settings = await loadCalendarSettings(deps.database, owner.id);
    const next = { ...settings, feedEnabled: true, feedVersion: settings.feedVersion + 1 };
    await saveCalendarSettings(deps.database, owner.id, next, deps.clock.now());
    return c.json({ url: feedUrl(deps.config, owner.id, next.feedVersion) }, 201);
  });

  api.delete("/calendar-feed", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const settings = await loadCalendarSettings(deps.database, owner.id);
    await saveCalendarSettings(
      deps.database,
      owner.id,
      { ...settings, feedEnabled: false },
      deps.clock.now(),
    );
    return c.body(null, 204);
  });

  return api;
}

function settingsJson(
  c: AppContext,
  ownerId: string,
  settings: Awaited<ReturnType<typeof loadCalendarSettings>>,
) {
  return {
    reminderMinutes: settings.reminderMinutes,
    allDayEvents: settings.allDayEvents,
    feedUrl: settings.feedEnabled ? feedUrl(c.get("deps").config, ownerId, settings.feedVersion) : null,
  };
}
