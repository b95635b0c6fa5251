// What the workflows hear from the pipeline: a lead's stage changed (key: lead id). The after-call
// follow-up waits on it, so it stops as soon as the owner moves the lead on.
import { type SQL, sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { emitEventStatements } from "../platform/workflows/engine.ts";
import type { Stage } from "./pipeline.ts";

export const LEAD_STAGE_CHANGED = "lead.stage-changed";

/** To batch after the guarded stage UPDATE: emitted only if the lead is now at `to` (the move happened). */
export function leadStageChangedStatements(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  move: { ownerId: string; leadId: string; from: Stage; to: Stage },
): SQL[] {
  const moved = sql`EXISTS (SELECT 1 FROM leads WHERE owner_id = ${move.ownerId} AND id = ${move.leadId} AND stage = ${move.to})`;
  return emitEventStatements(
    deps,
    {
      ownerId: move.ownerId,
      name: LEAD_STAGE_CHANGED,
      key: move.leadId,
      payload: { from: move.from, to: move.to },
    },
    moved,
  );
}
