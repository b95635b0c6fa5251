// Events a workflow reports from inside a step: the step is journaled and the event has a dedupe key, so a
// run resumed after a crash reports it once.
import { getMission } from "../missions/mission-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { emitWebhookEvent } from "./emit.ts";
import { ratingRequestedEvent } from "./payloads.ts";

export async function emitRatingRequested(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  runId: string,
): Promise<boolean> {
  const mission = await getMission(deps.database, ownerId, missionId);
  if (!mission) return false;
  await emitWebhookEvent(deps, ratingRequestedEvent(mission, runId));
  return true;
}
