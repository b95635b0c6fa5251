// The owner's workflow switches and delays in owner_settings ("workflows"), read and merged on save.
import type { Database } from "../db/database.ts";
import { getOwnerSetting, putOwnerSetting } from "../db/owner-settings.ts";
import {
  mergeWorkflowSettings,
  readWorkflowSettings,
  WORKFLOW_SETTINGS_KEY,
  type WorkflowSettings,
} from "./settings.ts";

function storedValue(database: Database, ownerId: string): Promise<unknown> {
  return getOwnerSetting(database, ownerId, WORKFLOW_SETTINGS_KEY);
}

export async function loadWorkflowSettings(database: Database, ownerId: string): Promise<WorkflowSettings> {
  return readWorkflowSettings(await storedValue(database, ownerId));
}

/** Keeps what other pages stored under the same key (the re-engagement months set through the API). */
export async function saveWorkflowSettings(
  database: Database,
  ownerId: string,
  change: Partial<WorkflowSettings>,
  now: number,
): Promise<void> {
  const value = mergeWorkflowSettings(await storedValue(database, ownerId), change);
  await putOwnerSetting(database, ownerId, WORKFLOW_SETTINGS_KEY, value, now);
}
