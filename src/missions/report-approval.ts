// What an approval brings, in the batch that records it and only if it does: the month's draft invoice when
// the mission is billed monthly, the events the workflows wait for, and activity_report.approved (which reads
// the draft's id in the batch). So no approval is stored without its event, nor an event without its approval.
import { type SQL, sql } from "drizzle-orm";
import { missionToInvoice, reportDraftStatements } from "../invoicing/create-invoice.ts";
import type { AppDeps } from "../platform/deps.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { reportApprovedEvent } from "../webhooks/payloads.ts";
import type { ActivityReportRow } from "./activity-report-store.ts";
import type { MissionWithClient } from "./mission-store.ts";
import { reportDecidedStatements } from "./mission-workflows.ts";

async function monthlyDraft(
  deps: AppDeps,
  ownerId: string,
  mission: MissionWithClient,
  report: ActivityReportRow,
  approved: SQL,
) {
  if (mission.billingMode !== "monthly" || report.invoiceId) return undefined;
  try {
    const billed = await missionToInvoice(deps, ownerId, mission.id, "activityReportId");
    return await reportDraftStatements(deps, ownerId, report, billed, approved);
  } catch (error) {
    // The approval stands; the owner can still draft the invoice by hand (and sees why not).
    deps.logger.warn("no invoice drafted for approved report", { reportId: report.id, error: String(error) });
    return undefined;
  }
}

/** To put after the approving statement, last in its batch. */
export async function afterApprovalStatements(
  deps: AppDeps,
  ownerId: string,
  mission: MissionWithClient,
  report: ActivityReportRow,
  by: "client" | "owner",
  approved: SQL,
): Promise<{ statements: SQL[]; afterBatch(results: readonly { changes: number }[]): void }> {
  const draft = await monthlyDraft(deps, ownerId, mission, report, approved);
  const events = webhookEventsForBatch(
    deps,
    {
      ...reportApprovedEvent({ ...report, invoiceId: null }, by),
      dataFromSql: { invoiceId: sql`SELECT invoice_id FROM activity_reports WHERE id = ${report.id}` },
    },
    approved,
  );
  return {
    statements: [
      ...(draft?.statements ?? []),
      ...reportDecidedStatements(deps, { ...report, ownerId }, "approved", approved),
      ...events.statements,
    ],
    afterBatch: events.afterBatch,
  };
}
