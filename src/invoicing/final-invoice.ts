// The final invoice of a mission that ended, for the end-of-mission workflow: drafted (the whole mission
// when billed at the end, the last report's when billed monthly), then issued and sent. Two use cases so the
// workflow journals each: a replay after a crash finds the draft or the issued invoice and goes on from it.
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import { getReport, listReports } from "../missions/activity-report-store.ts";
import type { FinalInvoiceOutcome } from "../missions/emails/final-invoice-email.ts";
import { getMission } from "../missions/mission-store.ts";
import { sumDays } from "../missions/working-days.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError, PROBLEMS } from "../platform/http/problems.ts";
import { createDraftFromMission, createDraftFromReport } from "./create-invoice.ts";
import { getInvoice, listInvoices } from "./invoice-store.ts";
import { issueInvoice } from "./issue-invoice.ts";
import { sendInvoice } from "./send-invoice.ts";

export type FinalDraft = { invoiceId: string } | Extract<FinalInvoiceOutcome, { kind: "problem" }>;

/** A refusal the owner can act on becomes the email's reason; anything else is retried by the workflow. */
function refused(error: unknown): Extract<FinalInvoiceOutcome, { kind: "problem" }> {
  if (error instanceof AppError && PROBLEMS[error.code].status < 500) {
    const detail = error.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") || error.detail;
    return { kind: "problem", reason: "refused", detail: detail ?? error.message };
  }
  throw error;
}

/** billingMode "end": one invoice for every day reported on the mission, unless one exists already. */
export async function draftWholeMissionInvoice(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
): Promise<FinalDraft | null> {
  const mission = await getMission(deps.database, ownerId, missionId);
  if (!mission?.endDate || mission.status !== "ended") return null;
  const invoices = await listInvoices(deps.database, ownerId, { missionId, type: "invoice", limit: 20 });
  const drafts = invoices.filter((i) => i.status === "draft");
  if (invoices.some((i) => i.status === "issued") || drafts.length > 1)
    return { kind: "problem", reason: "already-invoiced" };
  // A draft the owner (or this step, before a crash) prepared is the one to issue.
  if (drafts[0]) return { invoiceId: drafts[0].id };
  const reports = await listReports(deps.database, ownerId, missionId);
  const reported = reports.filter((r) => r.status !== "contested").flatMap((r) => r.days);
  if (sumDays(reported.filter((d) => d.date >= mission.startDate && d.date <= mission.endDate!)) <= 0)
    return { kind: "problem", reason: "no-days" };
  try {
    const period = { periodStart: mission.startDate, periodEnd: mission.endDate };
    return { invoiceId: (await createDraftFromMission(deps, ownerId, { missionId, ...period })).id };
  } catch (error) {
    return refused(error);
  }
}

/** billingMode "monthly": the invoice of the last month's approved report (drafted on its approval). */
export async function draftLastReportInvoice(
  deps: AppDeps,
  ownerId: string,
  missionId: string,
  month: string,
): Promise<FinalDraft> {
  const report = await getReport(deps.database, ownerId, missionId, month);
  if (report?.status !== "approved") return { kind: "problem", reason: "not-approved" };
  if (report.invoiceId) return { invoiceId: report.invoiceId };
  try {
    return { invoiceId: (await createDraftFromReport(deps, ownerId, report.id)).id };
  } catch (error) {
    // Drafted meanwhile by the approval itself: that draft is the one.
    const again = await getReport(deps.database, ownerId, missionId, month);
    if (again?.invoiceId) return { invoiceId: again.invoiceId };
    return refused(error);
  }
}

/** Issues the draft (unless the owner already did) and sends it; sending twice is a no-op (one email per invoice). */
export async function issueAndSendFinalInvoice(
  deps: AppDeps,
  ownerId: string,
  invoiceId: string,
): Promise<FinalInvoiceOutcome> {
  const ownerRow = await findOwnerById(deps.database, ownerId);
  let invoice = await getInvoice(deps.database, ownerId, invoiceId);
  if (!ownerRow || !invoice) return { kind: "problem", reason: "refused", detail: "the draft was deleted" };
  try {
    if (invoice.status === "draft") invoice = await issueInvoice(deps, toCurrentOwner(ownerRow), invoiceId);
    const sent = await sendInvoice(deps, ownerId, invoiceId);
    return {
      kind: "issued",
      invoiceId,
      number: invoice.number!,
      grossCents: invoice.grossCents,
      to: sent.to,
    };
  } catch (error) {
    return refused(error);
  }
}
