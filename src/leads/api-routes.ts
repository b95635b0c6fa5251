// Owner API for leads (Bearer auth is applied by the /api router). API.md's contract: GET /api/leads
// (verdict, stage, source filters), GET /api/leads/{id}, PATCH /api/leads/{id} (stage, notes). The rest
// is added: POST /api/leads, DELETE (erase the person), export, decline, win, and /api/lead-settings.
import { Hono } from "hono";
import * as z from "zod";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, readOptionalJson, validate } from "../platform/http/request-body.ts";
import { captureFromApi } from "./api-capture.ts";
import { declineDraft, declineLead } from "./decline.ts";
import { leadJson, leadListJson } from "./lead-json.ts";
import { bookingsOfLeads, eventsOfLeads, getLeadWithContact, listLeads } from "./lead-queries.ts";
import { leadSettingsSchema } from "./lead-settings.ts";
import { moveLead, setNotes, setVerdict } from "./moves.ts";
import { erasePerson, exportPerson } from "./personal-data.ts";
import { STAGES } from "./pipeline.ts";
import { parseCursor } from "./routes/list-routes.ts";
import { getLeadSettings, saveLeadSettings } from "./settings-store.ts";
import { winLead } from "./won.ts";

const VERDICTS = ["qualified", "review", "declined"] as const;
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const leadsQuery = z.object({
  verdict: list(VERDICTS).optional(),
  stage: list(STAGES).optional(),
  source: z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(60)).max(20, "at most 20 channels"))
    .optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const leadPatchSchema = z.object({
  stage: z.enum(STAGES).optional(),
  notes: z.string().max(10_000).nullable().optional(),
  /** why a lead moved to "lost" (recommended; the dashboard requires it) */
  lostReason: z.string().trim().max(500).optional(),
  verdict: z.enum(VERDICTS).optional(),
});

export const declineSchema = z.object({
  /** the message to send; omitted: the owner's template, filled in the lead's language */
  message: z.string().trim().max(5000).optional(),
  sendEmail: z.boolean().default(true),
});

async function fullLead(c: AppContext, id: string) {
  const { database } = c.get("deps");
  const ownerId = c.get("owner")!.id;
  const lead = await getLeadWithContact(database, ownerId, id);
  if (!lead) throw new AppError("not_found", { detail: "No such lead (it may have been erased)." });
  const [timeline, bookings] = await Promise.all([
    eventsOfLeads(database, ownerId, [id]),
    bookingsOfLeads(database, ownerId, [id]),
  ]);
  return leadJson(lead, { timeline, bookings });
}

export function leadsApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/leads", async (c) => {
    const q = validate(leadsQuery, c.req.query(), "query");
    const rows = await listLeads(
      c.get("deps").database,
      c.get("owner")!.id,
      { verdict: q.verdict, stage: q.stage, source: q.source, search: q.q },
      { limit: q.limit + 1, before: parseCursor(q.cursor) },
    );
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page[page.length - 1] : undefined;
    return c.json({
      items: page.map(leadListJson),
      nextCursor: last ? `${last.createdAt}_${last.id}` : null,
    });
  });

  api.post("/leads", async (c) => {
    const result = await captureFromApi(c.get("deps"), c.get("owner")!, await readJson(c, z.unknown()));
    return c.json({ ...(await fullLead(c, result.leadId)), merged: result.merged }, 201, {
      Location: `/api/leads/${result.leadId}`,
    });
  });

  api.get("/leads/:id", async (c) => c.json(await fullLead(c, c.req.param("id"))));

  api.patch("/leads/:id", async (c) => {
    const deps = c.get("deps");
    const ownerId = c.get("owner")!.id;
    const id = c.req.param("id");
    const patch = await readJson(c, leadPatchSchema);
    if (!(await getLeadWithContact(deps.database, ownerId, id))) throw new AppError("not_found");
    if (patch.notes !== undefined) await setNotes(deps, ownerId, id, patch.notes?.trim() || null, "api");
    if (patch.verdict) await setVerdict(deps, ownerId, id, patch.verdict, "api");
    if (patch.stage)
      await moveLead(deps, ownerId, id, {
        to: patch.stage,
        by: "api",
        reason: patch.lostReason,
        requireLostReason: false,
      });
    return c.json(await fullLead(c, id));
  });

  api.delete("/leads/:id", async (c) => {
    const deps = c.get("deps");
    const lead = await getLeadWithContact(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!lead) throw new AppError("not_found");
    return c.json({ erased: await erasePerson(deps, lead.ownerId, lead.contact.id) });
  });

  api.get("/leads/:id/export", async (c) => {
    const deps = c.get("deps");
    const lead = await getLeadWithContact(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!lead) throw new AppError("not_found");
    return c.json(await exportPerson(deps, lead.ownerId, lead.contact.id));
  });

  api.post("/leads/:id/decline", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const body = await readOptionalJson(c, declineSchema);
    const draft = await declineDraft(deps, owner, c.req.param("id"));
    const { emailed } = await declineLead(deps, owner, draft.lead.id, {
      message: body.sendEmail ? (body.message ?? draft.message) : null,
      by: "api",
    });
    return c.json({ ...(await fullLead(c, draft.lead.id)), emailed });
  });

  api.post("/leads/:id/win", async (c) => {
    const result = await winLead(
      c.get("deps"),
      c.get("owner")!,
      c.req.param("id"),
      await readJson(c, z.unknown()),
    );
    return c.json(result, 201, { Location: `/api/missions/${result.missionId}` });
  });

  api.get("/lead-settings", async (c) =>
    c.json(await getLeadSettings(c.get("deps").database, c.get("owner")!.id)),
  );

  api.put("/lead-settings", async (c) => {
    const deps = c.get("deps");
    const settings = await readJson(c, leadSettingsSchema);
    await saveLeadSettings(deps.database, c.get("owner")!.id, settings, deps.clock.now());
    return c.json(settings);
  });

  return api;
}
