// The owner's workflow switches and delays in owner_settings ("workflows"), read and merged on save.
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { ownerSettings } from "../db/schema.ts";
import {
  mergeWorkflowSettings,
  readWorkflowSettings,
  WORKFLOW_SETTINGS_KEY,
  type WorkflowSettings,
} from "./settings.ts";

async function storedValue(database: Database, ownerId: string): Promise<unknown> {
  const row = await database.db
    .select({ value: ownerSettings.value })
    .from(ownerSettings)
    .where(and(eq(ownerSettings.ownerId, ownerId), eq(ownerSettings.key, WORKFLOW_SETTINGS_KEY)))
    .get();
  return row?.value;
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
  await database.db
    .insert(ownerSettings)
    .values({ ownerId, key: WORKFLOW_SETTINGS_KEY, value, updatedAt: now })
    .onConflictDoUpdate({
      target: [ownerSettings.ownerId, ownerSettings.key],
      set: { value, updatedAt: now },
    });
}
