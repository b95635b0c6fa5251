// Events a workflow reports from inside a step. The step is journaled and the event has a dedupe key, so a
// run resumed after a crash reports it once; a failure to record it fails the step, which the engine retries
// (an email step already done is not sent again).
import { getMission } from "../missions/mission-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { webhookEventsForBatch } from "./emit.ts";
import { ratingRequestedEvent } from "./payloads.ts";

export async function emitRatingRequested(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  runId: string,
): Promise<boolean> {
  const mission = await getMission(deps.database, ownerId, missionId);
  if (!mission) return false;
  const events = webhookEventsForBatch(deps, ratingRequestedEvent(mission, runId));
  events.afterBatch(await deps.database.batch(events.statements));
  return true;
}
