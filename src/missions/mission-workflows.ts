// The workflow runs and events a mission owns: the monthly report, the end of the mission (final invoice,
// rating request) and the check-in months later. Statements are batched with the change they follow.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchStatement, Database } from "../platform/db/database.ts";
import { missions, owners } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import {
  cancelWorkflowsStatement,
  emitEventStatements,
  startWorkflowStatement,
} from "../platform/workflows/engine.ts";
import type { MissionStatus } from "./mission-store.ts";

export const MONTHLY_ACTIVITY_REPORT = "monthly-activity-report";
export const END_OF_MISSION = "end-of-mission";
export const RE_ENGAGEMENT = "re-engagement";

/** The owner sent the month's report to the client (key: reportKey). */
export const REPORT_CHECKED = "activity-report.checked";
/** The client (or the owner on their behalf) approved or contested it (key: reportKey). */
export const REPORT_DECIDED = "activity-report.decided";
/** Approved only: what the final invoice waits for (key: reportKey). */
export const REPORT_APPROVED = "activity-report.approved";
/** The owner marked the client's rating as received (key: mission id). */
export const RATING_RECEIVED = "rating.received";
/** The owner approved the check-in draft, payload { text } (key: mission id). */
export const CHECK_IN_APPROVED = "check-in.approved";

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

export function reportKey(missionId: string, month: string): string {
  return `${missionId}:${month}`;
}

export function reportCheckedStatements(
  deps: Deps,
  report: { ownerId: string; missionId: string; month: string; submittedAt: number },
) {
  return emitEventStatements(deps, {
    ownerId: report.ownerId,
    name: REPORT_CHECKED,
    key: reportKey(report.missionId, report.month),
    payload: { submittedAt: report.submittedAt },
  });
}

/** With onlyIf, recorded only if that holds in the batch (the decision was recorded by it). */
export function reportDecidedStatements(
  deps: Deps,
  report: { ownerId: string; missionId: string; month: string },
  decision: "approved" | "contested",
  onlyIf?: SQL,
) {
  const event = { ownerId: report.ownerId, key: reportKey(report.missionId, report.month) };
  return [
    ...emitEventStatements(deps, { ...event, name: REPORT_DECIDED, payload: { decision } }, onlyIf),
    ...(decision === "approved"
      ? emitEventStatements(deps, { ...event, name: REPORT_APPROVED }, onlyIf)
      : []),
  ];
}

export interface MissionChange {
  id: string;
  ownerId: string;
  billingMode: "monthly" | "end" | "platform";
  status: MissionStatus;
  endDate: string | null;
}

/**
 * What follows a PATCH: ending a mission starts its end-of-mission and check-in runs (and the final
 * month's report when billed monthly); reopening or cancelling it stops them; a rating marked received
 * ends the rating reminders. Each start holds only if the mission row is ended once the batch ran.
 */
export function missionChangeStatements(
  deps: Deps,
  before: Pick<MissionChange, "status">,
  after: MissionChange,
  ratingJustReceived: boolean,
): BatchStatement[] {
  const statements: BatchStatement[] = [];
  const ended = sql`EXISTS (SELECT 1 FROM missions WHERE id = ${after.id} AND status = 'ended')`;
  const start = (workflow: string, key: string, input: Record<string, unknown>) =>
    startWorkflowStatement(deps, { workflow, ownerId: after.ownerId, key, input }, ended) as SQL;
  if (before.status !== "ended" && after.status === "ended") {
    const input = { missionId: after.id };
    statements.push(start(END_OF_MISSION, after.id, input), start(RE_ENGAGEMENT, after.id, input));
    if (after.billingMode === "monthly" && after.endDate) {
      const month = after.endDate.slice(0, 7);
      statements.push(
        start(MONTHLY_ACTIVITY_REPORT, reportKey(after.id, month), { ...input, month, final: true }),
      );
    }
  }
  if (before.status === "ended" && after.status !== "ended")
    statements.push(
      cancelWorkflowsStatement(
        deps,
        after.ownerId,
        [END_OF_MISSION, RE_ENGAGEMENT],
        after.id,
        sql`NOT ${ended}`,
      ),
    );
  if (ratingJustReceived)
    statements.push(
      ...emitEventStatements(deps, { ownerId: after.ownerId, name: RATING_RECEIVED, key: after.id }),
    );
  return statements;
}

export interface MissionToReport {
  ownerId: string;
  timeZone: string;
  missionId: string;
  startDate: string;
  endDate: string | null;
}

/** Every owner's missions under way and billed monthly, with the owner's zone (for scheduled starts). */
export async function missionsBilledMonthly(database: Database): Promise<MissionToReport[]> {
  return database.db
    .select({
      ownerId: missions.ownerId,
      timeZone: owners.timeZone,
      missionId: missions.id,
      startDate: missions.startDate,
      endDate: missions.endDate,
    })
    .from(missions)
    .innerJoin(owners, eq(owners.id, missions.ownerId))
    .where(and(eq(missions.billingMode, "monthly"), inArray(missions.status, ["planned", "active"])));
}
