// Activity reports in the database. Each state change is one guarded statement: the WHERE clause says
// from which states it may happen, and `changes` says whether it did.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { activityReports } from "../platform/db/schema.ts";
import type { ActivityDay } from "./working-days.ts";

export type ActivityReportRow = typeof activityReports.$inferSelect;
export type ActivityReportStatus = ActivityReportRow["status"];

/** An approved report is what the invoice is built from: it no longer changes. */
export const EDITABLE_STATUSES: readonly ActivityReportStatus[] = ["draft", "submitted", "contested"];

export async function listReports(database: Database, ownerId: string, missionId: string) {
  return database.db
    .select()
    .from(activityReports)
    .where(and(eq(activityReports.ownerId, ownerId), eq(activityReports.missionId, missionId)))
    .orderBy(asc(activityReports.month));
}

export async function getReport(
  database: Database,
  ownerId: string,
  missionId: string,
  month: string,
): Promise<ActivityReportRow | undefined> {
  return database.db
    .select()
    .from(activityReports)
    .where(
      and(
        eq(activityReports.ownerId, ownerId),
        eq(activityReports.missionId, missionId),
        eq(activityReports.month, month),
      ),
    )
    .get();
}

export async function getReportById(
  database: Database,
  ownerId: string,
  id: string,
): Promise<ActivityReportRow | undefined> {
  return database.db
    .select()
    .from(activityReports)
    .where(and(eq(activityReports.ownerId, ownerId), eq(activityReports.id, id)))
    .get();
}

/**
 * Creates the month's report or replaces its days, back to draft; refuses (changes = 0) once approved.
 * One upsert, so two saves of the same month never make two reports.
 */
export async function saveReportDays(
  database: Database,
  row: { id: string; ownerId: string; missionId: string; month: string; days: ActivityDay[]; now: number },
): Promise<boolean> {
  const days = JSON.stringify(row.days);
  const { changes } = await database.run(sql`
    INSERT INTO activity_reports (id, owner_id, mission_id, month, days, status, created_at, updated_at)
    VALUES (${row.id}, ${row.ownerId}, ${row.missionId}, ${row.month}, ${days}, 'draft', ${row.now}, ${row.now})
    ON CONFLICT (mission_id, month) DO UPDATE SET days = excluded.days, status = 'draft',
      client_comment = NULL, decided_at = NULL, updated_at = excluded.updated_at
    WHERE activity_reports.owner_id = excluded.owner_id AND activity_reports.status IN ('draft', 'submitted', 'contested')`);
  return changes > 0;
}

/**
 * The monthly workflow's prefill: creates the month's report, or fills an empty draft. Never replaces
 * days the owner entered, even ones saved a moment before (the condition is in the statement).
 */
export async function prefillReportDays(
  database: Database,
  row: { id: string; ownerId: string; missionId: string; month: string; days: ActivityDay[]; now: number },
): Promise<boolean> {
  const days = JSON.stringify(row.days);
  const { changes } = await database.run(sql`
    INSERT INTO activity_reports (id, owner_id, mission_id, month, days, status, created_at, updated_at)
    VALUES (${row.id}, ${row.ownerId}, ${row.missionId}, ${row.month}, ${days}, 'draft', ${row.now}, ${row.now})
    ON CONFLICT (mission_id, month) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at
    WHERE activity_reports.owner_id = excluded.owner_id AND activity_reports.status = 'draft'
      AND json_array_length(activity_reports.days) = 0`);
  return changes > 0;
}

/**
 * Sends (or sends again) a report with at least one day to the client. Each submission gets a
 * submitted_at later than the last one, even within the same millisecond: it names the version the
 * emailed link may act on.
 */
export async function markSubmitted(database: Database, ownerId: string, id: string, now: number) {
  const { changes } = await database.run(sql`
    UPDATE activity_reports SET status = 'submitted',
      submitted_at = MAX(${now}, COALESCE(submitted_at, 0) + 1), decided_at = NULL,
      client_comment = NULL, updated_at = ${now}
    WHERE id = ${id} AND owner_id = ${ownerId} AND status IN ('draft', 'submitted', 'contested')
      AND json_array_length(days) > 0`);
  return changes > 0;
}

/**
 * The client's answer through the emailed link: only for the submission that link was sent for,
 * so an old email cannot approve days changed since.
 */
/** The client's answer to the version they were sent; changes nothing once answered or re-sent. */
export function clientDecisionStatement(d: {
  id: string;
  submittedAt: number;
  decision: "approved" | "contested";
  comment: string | null;
  now: number;
}): SQL {
  return sql`
    UPDATE activity_reports SET status = ${d.decision}, client_comment = ${d.comment}, decided_at = ${d.now},
      updated_at = ${d.now}
    WHERE id = ${d.id} AND status = 'submitted' AND submitted_at = ${d.submittedAt}`;
}

/** The owner records an approval the client gave another way (email, signed PDF). */
export function ownerApprovalStatement(ownerId: string, id: string, now: number): SQL {
  return sql`
    UPDATE activity_reports SET status = 'approved', decided_at = ${now}, updated_at = ${now}
    WHERE id = ${id} AND owner_id = ${ownerId} AND status IN ('draft', 'submitted', 'contested')
      AND json_array_length(days) > 0`;
}

/** The decision written by the batch this is read in (decided at that very instant). */
export function decidedAt(id: string, status: "approved" | "contested", now: number): SQL {
  return sql`EXISTS (SELECT 1 FROM activity_reports WHERE id = ${id} AND status = ${status} AND decided_at = ${now})`;
}

/** Unscoped read for the public review page: the signed token names the report. */
export async function getReportForReview(database: Database, id: string) {
  return database.db.select().from(activityReports).where(eq(activityReports.id, id)).get();
}
