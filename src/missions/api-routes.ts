// Owner API for clients, missions, activity reports, platform invoices, days off and workflow settings (Bearer
// auth is applied by the /api router). Everything is scoped by owner: another owner's mission is a 404.
import { Hono } from "hono";
import * as z from "zod";
import { getOwnerSetting, putOwnerSetting } from "../invoicing/settings-store.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { limitSchema, pageSorted, positionCursorSchema } from "../platform/http/pagination.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, validate } from "../platform/http/request-body.ts";
import { listReports } from "./activity-report-store.ts";
import {
  approveAsOwner,
  ownedReport,
  ownerDaysOff,
  prefillReport,
  saveActivityReport,
  submitReport,
} from "./activity-reports.ts";
import { WORKFLOW_SETTINGS_KEY, workflowSettings, workflowSettingsSchema } from "./check-in-policy.ts";
import { clientInputSchema, clientPatchSchema } from "./client-input.ts";
import { clientJson, getClient, insertClient, listClients, updateClient } from "./client-store.ts";
import { DAYS_OFF_KEY, daysOffSchema } from "./days-off.ts";
import { MISSION_STATUSES } from "./mission-input.ts";
import { getMission, listMissions, type MissionWithClient, missionJson } from "./mission-store.ts";
import {
  createMission,
  externalInvoiceJson,
  listExternalInvoices,
  patchMission,
  recordExternalInvoice,
} from "./missions.ts";
import { parsePlainYearMonth } from "./plain-date.ts";
import { reportJson } from "./report-view.ts";
import { sumDays } from "./working-days.ts";

export const clientsQuery = z.object({
  q: z.string().trim().max(100).optional().meta({ description: "part of the name, SIREN or billing email" }),
  limit: limitSchema(100, 200),
  cursor: positionCursorSchema.optional(),
});

export const missionsQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()))
    .pipe(z.array(z.enum(MISSION_STATUSES)))
    .optional(),
  clientId: z.string().max(100).optional(),
  source: z.string().trim().toLowerCase().max(60).optional(),
  limit: limitSchema(100, 200),
  cursor: positionCursorSchema.optional(),
});

async function ownedMission(c: AppContext): Promise<MissionWithClient> {
  const mission = await getMission(c.get("deps").database, c.get("owner")!.id, c.req.param("id")!);
  if (!mission) throw new AppError("not_found", { detail: "No such mission." });
  return mission;
}

function monthParam(c: AppContext): string {
  const month = c.req.param("month")!;
  if (!parsePlainYearMonth(month))
    throw new AppError("validation", { errors: [{ path: "month", message: "use YYYY-MM" }] });
  return month;
}

export function missionsApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/clients", async (c) => {
    const q = validate(clientsQuery, c.req.query(), "query");
    const needle = q.q?.toLowerCase();
    const rows = (await listClients(c.get("deps").database, c.get("owner")!.id)).filter(
      (r) => !needle || [r.name, r.siren, r.billingEmail].some((v) => v?.toLowerCase().includes(needle)),
    );
    const { items, nextCursor } = pageSorted(rows, { ...q, direction: "asc" }, (r) => ({
      key: r.name.toLowerCase(),
      id: r.id,
    }));
    return c.json({ items: items.map(clientJson), nextCursor });
  });

  api.post("/clients", async (c) => {
    const deps = c.get("deps");
    const input = await readJson(c, clientInputSchema);
    const id = deps.newId();
    await insertClient(deps.database, { id, ownerId: c.get("owner")!.id, input, now: deps.clock.now() });
    const created = await getClient(deps.database, c.get("owner")!.id, id);
    return c.json(clientJson(created!), 201, { Location: `/api/clients/${id}` });
  });

  api.get("/clients/:id", async (c) => {
    const client = await getClient(c.get("deps").database, c.get("owner")!.id, c.req.param("id"));
    if (!client) throw new AppError("not_found", { detail: "No such client." });
    return c.json(clientJson(client));
  });

  api.patch("/clients/:id", async (c) => {
    const deps = c.get("deps");
    const ownerId = c.get("owner")!.id;
    const existing = await getClient(deps.database, ownerId, c.req.param("id"));
    if (!existing) throw new AppError("not_found", { detail: "No such client." });
    const patch = await readJson(c, clientPatchSchema);
    const { warnings: _w, ...current } = clientJson(existing);
    const merged = validate(clientInputSchema, { ...current, ...patch });
    await updateClient(deps.database, ownerId, existing.id, merged, deps.clock.now());
    return c.json(clientJson((await getClient(deps.database, ownerId, existing.id))!));
  });

  api.get("/missions", async (c) => {
    const q = validate(missionsQuery, c.req.query(), "query");
    const rows = (await listMissions(c.get("deps").database, c.get("owner")!.id, q)).filter(
      (m) => !q.source || m.source.toLowerCase() === q.source,
    );
    const { items, nextCursor } = pageSorted(rows, { ...q, direction: "desc" }, (m) => ({
      key: m.startDate,
      id: m.id,
    }));
    return c.json({ items: items.map(missionJson), nextCursor });
  });

  api.post("/missions", async (c) => {
    const mission = await createMission(c.get("deps"), c.get("owner")!, await readJson(c, z.unknown()));
    return c.json(missionJson(mission), 201, { Location: `/api/missions/${mission.id}` });
  });

  api.get("/missions/:id", async (c) => c.json(missionJson(await ownedMission(c))));

  api.patch("/missions/:id", async (c) => {
    const existing = await ownedMission(c);
    const body = await readJson(c, z.record(z.string(), z.unknown()));
    return c.json(missionJson(await patchMission(c.get("deps"), c.get("owner")!, existing, body)));
  });

  api.get("/missions/:id/activity-reports", async (c) => {
    const mission = await ownedMission(c);
    const rows = await listReports(c.get("deps").database, c.get("owner")!.id, mission.id);
    return c.json({ items: rows.map((r) => reportJson(r, mission.dailyRateCents)) });
  });

  api.post("/missions/:id/activity-reports", async (c) => {
    const mission = await ownedMission(c);
    const body = await readJson(c, z.unknown());
    const { report, created } = await saveActivityReport(c.get("deps"), c.get("owner")!, mission, body);
    return c.json(reportJson(report, mission.dailyRateCents), created ? 201 : 200, {
      Location: `/api/missions/${mission.id}/activity-reports/${report.month}`,
    });
  });

  api.get("/missions/:id/activity-reports/:month", async (c) => {
    const mission = await ownedMission(c);
    const report = await ownedReport(c.get("deps"), c.get("owner")!, mission, monthParam(c));
    return c.json(reportJson(report, mission.dailyRateCents));
  });

  api.get("/missions/:id/activity-reports/:month/prefill", async (c) => {
    const mission = await ownedMission(c);
    const month = monthParam(c);
    const days = await prefillReport(c.get("deps"), c.get("owner")!, mission, month);
    return c.json({ month, days, totalDays: sumDays(days) });
  });

  api.post("/missions/:id/activity-reports/:month/submit", async (c) => {
    const mission = await ownedMission(c);
    const { report, reviewUrl, outboxId } = await submitReport(
      c.get("deps"),
      c.get("owner")!,
      mission,
      monthParam(c),
    );
    return c.json({ ...reportJson(report, mission.dailyRateCents), reviewUrl, outboxId });
  });

  api.post("/missions/:id/activity-reports/:month/approve", async (c) => {
    const mission = await ownedMission(c);
    const { report } = await approveAsOwner(c.get("deps"), c.get("owner")!, mission, monthParam(c));
    return c.json(reportJson(report, mission.dailyRateCents));
  });

  api.get("/missions/:id/external-invoices", async (c) => {
    const mission = await ownedMission(c);
    const rows = await listExternalInvoices(c.get("deps"), c.get("owner")!.id, mission.id);
    return c.json({ items: rows.map(externalInvoiceJson) });
  });

  api.post("/missions/:id/external-invoices", async (c) => {
    const mission = await ownedMission(c);
    const body = await readJson(c, z.unknown());
    const row = await recordExternalInvoice(c.get("deps"), c.get("owner")!.id, mission, body);
    return c.json(externalInvoiceJson(row), 201);
  });

  api.get("/settings/days-off", async (c) =>
    c.json({ dates: await ownerDaysOff(c.get("deps"), c.get("owner")!.id) }),
  );

  api.put("/settings/days-off", async (c) => {
    const deps = c.get("deps");
    const { dates } = await readJson(c, daysOffSchema);
    await putOwnerSetting(deps.database, c.get("owner")!.id, DAYS_OFF_KEY, { dates }, deps.clock.now());
    return c.json({ dates });
  });

  api.get("/settings/workflows", async (c) => {
    const stored = await getOwnerSetting(c.get("deps").database, c.get("owner")!.id, WORKFLOW_SETTINGS_KEY);
    return c.json(workflowSettings(stored));
  });

  api.put("/settings/workflows", async (c) => {
    const deps = c.get("deps");
    const settings = await readJson(c, workflowSettingsSchema);
    const ownerId = c.get("owner")!.id;
    // The same value holds the automations page's switches and delays: they are kept.
    const stored = await getOwnerSetting<Record<string, unknown>>(
      deps.database,
      ownerId,
      WORKFLOW_SETTINGS_KEY,
    );
    await putOwnerSetting(
      deps.database,
      ownerId,
      WORKFLOW_SETTINGS_KEY,
      { ...(stored && typeof stored === "object" ? stored : {}), ...settings },
      deps.clock.now(),
    );
    return c.json(settings);
  });

  return api;
}
