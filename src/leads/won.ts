// Use case: a lead is won. The client and the mission are created in one step, through the missions
// feature's own validation and use cases, and the lead records which mission it became. A deterministic
// claim event makes a double submit create one mission, never two.
import { sql } from "drizzle-orm";
import * as z from "zod";
import { clientInputSchema } from "../missions/client-input.ts";
import { getClient, insertClient } from "../missions/client-store.ts";
import { missionInputSchema } from "../missions/mission-input.ts";
import { createMission } from "../missions/missions.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { leadStageEvent } from "../webhooks/payloads.ts";
import { getLead } from "./lead-store.ts";
import { leadStageChangedStatements } from "./lead-workflows.ts";
import { eventStatement, ownerTouchStatement, stageMoveStatements } from "./lead-writes.ts";
import { timelineEventWritten } from "./moves.ts";
import { isStage } from "./pipeline.ts";

export const winSchema = z.object({
  /** an existing client, or the new one to create */
  clientId: z.string().trim().min(1).max(100).optional(),
  client: z.unknown().optional(),
  mission: z.record(z.string(), z.unknown()),
});

export interface WinResult {
  clientId: string;
  missionId: string;
}

export async function winLead(
  deps: AppDeps,
  owner: CurrentOwner,
  leadId: string,
  body: unknown,
): Promise<WinResult> {
  const input = validate(winSchema, body);
  const lead = await getLead(deps.database, owner.id, leadId);
  if (!lead || lead.contactId === null) throw new AppError("not_found");
  // Everything is validated before anything is written, so the writes below have no reason to fail.
  const newClient = input.clientId ? undefined : validate(clientInputSchema, input.client ?? {}, "client");
  if (input.clientId && !(await getClient(deps.database, owner.id, input.clientId)))
    throw new AppError("validation", {
      errors: [{ path: "clientId", message: "is not one of your clients" }],
    });
  const clientId = input.clientId ?? deps.newId();
  validate(missionInputSchema, { ...input.mission, clientId, leadId }, "mission");

  const now = deps.clock.now();
  const claimId = `${leadId}:won-mission`;
  const from = isStage(lead.stage) ? lead.stage : "new";
  const moveEventId = deps.newId();
  const claim = eventStatement({
    id: claimId,
    ownerId: owner.id,
    leadId,
    kind: "lead.won",
    data: { by: "owner", clientId },
    at: now,
  });
  const events = webhookEventsForBatch(
    deps,
    {
      ...leadStageEvent(owner.id, leadId, { from, to: "won", by: "owner" }),
      dedupeKey: `lead.stage_changed:${moveEventId}`,
    },
    timelineEventWritten(moveEventId),
  );
  const results = await deps.database.batch(
    from === "won"
      ? [ownerTouchStatement(owner.id, leadId), claim]
      : [
          ...stageMoveStatements({
            ownerId: owner.id,
            leadId,
            from,
            to: "won",
            by: "owner",
            eventId: moveEventId,
            now,
          }),
          ...leadStageChangedStatements(deps, { ownerId: owner.id, leadId, from, to: "won" }),
          claim,
          ...events.statements,
        ],
  );
  const claimed = from === "won" ? results[1] : results[results.length - 1 - events.statements.length];
  if (claimed?.changes !== 1)
    throw new AppError("conflict", { detail: "This lead is already won, and its mission was created." });
  if (from !== "won") events.afterBatch(results);
  try {
    if (newClient)
      await insertClient(deps.database, { id: clientId, ownerId: owner.id, input: newClient, now });
    const mission = await createMission(deps, owner, { ...input.mission, clientId, leadId });
    await deps.database.run(
      sql`UPDATE lead_events SET data = ${JSON.stringify({ by: "owner", clientId, missionId: mission.id })} WHERE id = ${claimId}`,
    );
    return { clientId, missionId: mission.id };
  } catch (error) {
    // Give the claim back, and the stage, so the owner can correct and try again.
    await deps.database.batch([
      sql`DELETE FROM lead_events WHERE id IN (${claimId}, ${moveEventId})`,
      ...(from === "won"
        ? []
        : [sql`UPDATE leads SET stage = ${from} WHERE id = ${leadId} AND stage = 'won'`]),
    ]);
    throw error;
  }
}
