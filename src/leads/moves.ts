// Use cases that move a lead along: change its stage, its verdict, its notes. Each is one guarded batch.
import { sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { leadStageEvent, leadTriagedEvent } from "../webhooks/payloads.ts";
import { getLead } from "./lead-store.ts";
import { leadStageChangedStatements } from "./lead-workflows.ts";
import { notesStatements, stageMoveStatements, verdictStatements } from "./lead-writes.ts";
import { type Actor, checkMove, isStage, type Stage } from "./pipeline.ts";

export interface MoveRequest {
  to: Stage;
  by: Actor;
  reason?: string | null;
  /** the stage the mover saw; the move fails with a conflict if the lead has moved since */
  expectedFrom?: Stage;
  requireLostReason?: boolean;
  data?: Record<string, unknown>;
}

/** The lead's timeline event of this change exists: the guarded change happened in this batch. */
export function timelineEventWritten(eventId: string) {
  return sql`EXISTS (SELECT 1 FROM lead_events WHERE id = ${eventId})`;
}

export async function moveLead(
  deps: AppDeps,
  ownerId: string,
  leadId: string,
  request: MoveRequest,
): Promise<{ moved: boolean; from: Stage }> {
  const lead = await getLead(deps.database, ownerId, leadId);
  if (!lead || lead.contactId === null) throw new AppError("not_found");
  const from = isStage(lead.stage) ? lead.stage : "new";
  if (request.expectedFrom && request.expectedFrom !== from)
    throw new AppError("conflict", {
      detail: `This lead has moved on since (it is now at "${from}").`,
      extra: { stage: from },
    });
  const problem = checkMove(from, request.to, request.reason, {
    requireLostReason: request.requireLostReason ?? true,
  });
  if (problem === "same_stage") return { moved: false, from };
  if (problem === "reason_required")
    throw new AppError("validation", {
      errors: [{ path: "lostReason", message: "Say why the lead was lost." }],
    });
  const eventId = deps.newId();
  // The timeline event is written only if the guarded move happened; the webhook event follows it.
  const events = webhookEventsForBatch(
    deps,
    { ...leadStageEvent(ownerId, leadId, { from, ...request }), dedupeKey: `lead.stage_changed:${eventId}` },
    timelineEventWritten(eventId),
  );
  const results = await deps.database.batch([
    ...stageMoveStatements({
      ownerId,
      leadId,
      from,
      to: request.to,
      by: request.by,
      reason: request.reason?.trim().slice(0, 500) || null,
      eventId,
      now: deps.clock.now(),
      data: request.data,
    }),
    ...leadStageChangedStatements(deps, { ownerId, leadId, from, to: request.to }),
    ...events.statements,
  ]);
  // Nobody else moved it between our read and our write: the guarded UPDATE says so.
  if (results[0]?.changes !== 1)
    throw new AppError("conflict", { detail: "This lead was moved by someone else at the same time." });
  events.afterBatch(results);
  return { moved: true, from };
}

export async function setVerdict(
  deps: AppDeps,
  ownerId: string,
  leadId: string,
  to: "qualified" | "review" | "declined",
  by: Actor,
): Promise<{ changed: boolean }> {
  const lead = await getLead(deps.database, ownerId, leadId);
  if (!lead || lead.contactId === null) throw new AppError("not_found");
  if (lead.verdict === to) return { changed: false };
  const eventId = deps.newId();
  const events = webhookEventsForBatch(
    deps,
    { ...leadTriagedEvent(ownerId, leadId, to, by), dedupeKey: `lead.triaged:${eventId}` },
    timelineEventWritten(eventId),
  );
  const results = await deps.database.batch([
    ...verdictStatements({ ownerId, leadId, from: lead.verdict, to, by, eventId, now: deps.clock.now() }),
    ...events.statements,
  ]);
  events.afterBatch(results);
  return { changed: results[0]?.changes === 1 };
}

export async function setNotes(
  deps: AppDeps,
  ownerId: string,
  leadId: string,
  notes: string | null,
  by: Actor,
): Promise<void> {
  const lead = await getLead(deps.database, ownerId, leadId);
  if (!lead || lead.contactId === null) throw new AppError("not_found");
  if ((lead.notes ?? "") === (notes ?? "")) return;
  await deps.database.batch(
    notesStatements({ ownerId, leadId, notes, by, eventId: deps.newId(), now: deps.clock.now() }),
  );
}
