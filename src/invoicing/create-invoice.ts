// Drafts: from a mission and a period (lines given, or the days reported in the period), or from an
// approved activity report (one draft per report: claiming the report and inserting the draft are one batch).
import { type SQL, sql } from "drizzle-orm";
import { type ActivityReportRow, getReportById, listReports } from "../missions/activity-report-store.ts";
import { type ClientRow, getClient } from "../missions/client-store.ts";
import { DEFAULT_VAT_RATE } from "../missions/mission-input.ts";
import { getMission, type MissionWithClient } from "../missions/mission-store.ts";
import { monthBounds } from "../missions/plain-date.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { activityInvoiceLine } from "./activity-line.ts";
import { buyerFromClient, linesFromReportedDays } from "./invoice-draft.ts";
import type { InvoiceFromMissionInput } from "./invoice-input.ts";
import type { InvoiceLineInput, VatMode } from "./invoice-model.ts";
import { draftInsert, getInvoice, type InvoiceWithCredits } from "./invoice-store.ts";
import { asValidationProblem, platformBillingProblem } from "./invoicing-problems.ts";
import { getBusinessSettings } from "./settings-store.ts";
import { computeTotals, type InvoiceTotals } from "./totals.ts";
import { vatModeFor } from "./vat.ts";

/** The regime the draft's totals are shown in; issuing recomputes it from the settings of that day. */
export async function draftVatMode(deps: AppDeps, ownerId: string, client: ClientRow): Promise<VatMode> {
  const settings = await getBusinessSettings(deps.database, ownerId);
  return vatModeFor({ vatFranchise: settings?.vatFranchise ?? false }, buyerFromClient(client));
}

export function draftTotals(lines: InvoiceLineInput[], vatMode: VatMode): InvoiceTotals {
  try {
    return computeTotals(lines, vatMode);
  } catch (error) {
    throw asValidationProblem(error);
  }
}

export async function missionToInvoice(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  path: string,
): Promise<MissionWithClient> {
  const mission = await getMission(deps.database, ownerId, missionId);
  if (!mission)
    throw new AppError("validation", { errors: [{ path, message: "is not one of your missions" }] });
  if (mission.billingMode === "platform") throw platformBillingProblem(mission.source, mission.id);
  return mission;
}

export async function createDraftFromMission(
  deps: AppDeps,
  ownerId: string,
  input: InvoiceFromMissionInput,
): Promise<InvoiceWithCredits> {
  const mission = await missionToInvoice(deps, ownerId, input.missionId, "missionId");
  if (input.periodEnd < input.periodStart)
    throw new AppError("validation", { errors: [{ path: "periodEnd", message: "is before periodStart" }] });
  const client = (await getClient(deps.database, ownerId, mission.clientId))!;
  const period = { start: input.periodStart, end: input.periodEnd };
  let lines = input.lines as InvoiceLineInput[] | undefined;
  if (!lines) {
    const reports = await listReports(deps.database, ownerId, mission.id);
    try {
      lines = linesFromReportedDays({
        missionTitle: mission.title,
        dailyRateCents: mission.dailyRateCents,
        vatRate: mission.vatRate ?? DEFAULT_VAT_RATE,
        locale: client.locale === "en" ? "en" : "fr",
        period,
        days: reports.filter((r) => r.status !== "contested").flatMap((r) => r.days),
      });
    } catch (error) {
      throw asValidationProblem(error);
    }
  }
  const totals = draftTotals(lines, await draftVatMode(deps, ownerId, client));
  const id = deps.newId();
  await deps.database.batch([
    draftInsert(deps.database, {
      id,
      ownerId,
      missionId: mission.id,
      clientId: client.id,
      activityReportId: null,
      periodStart: period.start,
      periodEnd: period.end,
      lines,
      totals,
      now: deps.clock.now(),
    }),
  ]);
  return (await getInvoice(deps.database, ownerId, id))!;
}

export async function createDraftFromReport(
  deps: AppDeps,
  ownerId: string,
  reportId: string,
): Promise<InvoiceWithCredits> {
  const path = "activityReportId";
  const report = await getReportById(deps.database, ownerId, reportId);
  if (!report)
    throw new AppError("validation", { errors: [{ path, message: "is not one of your activity reports" }] });
  const mission = await missionToInvoice(deps, ownerId, report.missionId, path);
  if (report.status !== "approved")
    throw new AppError("validation", {
      detail:
        "Only an approved activity report is invoiced: submit it to the client, or record their approval.",
      errors: [{ path, message: `is ${report.status}, not approved` }],
    });
  if (report.invoiceId) throw alreadyInvoiced(report.invoiceId);
  const draft = await reportDraftStatements(deps, ownerId, report, mission);
  const [, inserted] = await deps.database.batch(draft.statements);
  if ((inserted?.changes ?? 0) === 0) {
    const current = await getReportById(deps.database, ownerId, reportId);
    throw alreadyInvoiced(current?.invoiceId ?? null);
  }
  return (await getInvoice(deps.database, ownerId, draft.id))!;
}

/**
 * Claims the report and inserts its draft: two statements for a batch, which hold only if the report is approved
 * and not yet invoiced once the statements before them ran (and `onlyIf`), so the batch that approves it may
 * draft its invoice too.
 */
export async function reportDraftStatements(
  deps: AppDeps,
  ownerId: string,
  report: Pick<ActivityReportRow, "id" | "month" | "days">,
  mission: MissionWithClient,
  onlyIf: SQL = sql`1`,
): Promise<{ id: string; statements: [SQL, SQL] }> {
  const client = (await getClient(deps.database, ownerId, mission.clientId))!;
  const bounds = monthBounds(report.month);
  const periodStart = bounds.start < mission.startDate ? mission.startDate : bounds.start;
  const periodEnd = mission.endDate && mission.endDate < bounds.end ? mission.endDate : bounds.end;
  let line: InvoiceLineInput;
  try {
    line = activityInvoiceLine({
      missionTitle: mission.title,
      month: report.month,
      days: report.days,
      dailyRateCents: mission.dailyRateCents,
      vatRate: mission.vatRate ?? DEFAULT_VAT_RATE,
      locale: client.locale === "en" ? "en" : "fr",
    });
  } catch (error) {
    throw asValidationProblem(error);
  }
  const totals = draftTotals([line], await draftVatMode(deps, ownerId, client));
  const id = deps.newId();
  const now = deps.clock.now();
  const statements: [SQL, SQL] = [
    sql`UPDATE activity_reports SET invoice_id = ${id}, updated_at = ${now}
      WHERE id = ${report.id} AND owner_id = ${ownerId} AND status = 'approved' AND invoice_id IS NULL
        AND (${onlyIf})`,
    sql`INSERT INTO invoices (id, owner_id, mission_id, client_id, activity_report_id, type, status, period_start,
        period_end, lines, net_cents, vat_cents, gross_cents, paid_cents, created_at, updated_at)
      SELECT ${id}, ${ownerId}, ${mission.id}, ${client.id}, ${report.id}, 'invoice', 'draft', ${periodStart},
        ${periodEnd}, ${JSON.stringify([line])}, ${totals.netCents}, ${totals.vatCents}, ${totals.grossCents}, 0,
        ${now}, ${now}
      WHERE EXISTS (SELECT 1 FROM activity_reports WHERE id = ${report.id} AND invoice_id = ${id})`,
  ];
  return { id, statements };
}

function alreadyInvoiced(invoiceId: string | null): AppError {
  return new AppError("already_exists", {
    detail: "This activity report already has its invoice.",
    ...(invoiceId ? { extra: { invoiceId } } : {}),
  });
}
