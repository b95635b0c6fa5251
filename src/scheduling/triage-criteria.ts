// The criteria a booking link triages with: the owner's defaults (lead settings), overridden by the link's own.
import { effectiveCriteria } from "../leads/lead-settings.ts";
import { getLeadSettings } from "../leads/settings-store.ts";
import type { TriageCriteria } from "../leads/triage.ts";
import type { Database } from "../platform/db/database.ts";
import type { StoredEventType } from "./event-type-input.ts";

export async function criteriaFor(
  database: Database,
  ownerId: string,
  eventType: StoredEventType,
): Promise<TriageCriteria> {
  const settings = await getLeadSettings(database, ownerId);
  return effectiveCriteria(settings.criteria, eventType.triage, eventType.triage.onDecline);
}
