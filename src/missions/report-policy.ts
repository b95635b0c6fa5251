// What the monthly activity report workflow does next, from the mission and the month's report (pure).
// The owner stays in charge: a report they already sent or that was decided is never touched again.

const DAY_MS = 86_400_000;
/** How long the prepared report waits for the owner to check and send it. */
export const OWNER_CHECK_DAYS = 20;
/** The client is reminded when the report is still undecided this long after it was sent. */
export const CLIENT_REMINDER_DAYS = 3;
/** A reminder later than this after the sending is stale: the owner has followed up in person by then. */
export const CLIENT_REMINDER_STALE_DAYS = 10;

export interface MissionForReport {
  status: "planned" | "active" | "ended" | "cancelled";
  billingMode: "monthly" | "end" | "platform";
  startDate: string;
  endDate: string | null;
}

export interface ReportState {
  status: "draft" | "submitted" | "approved" | "contested";
  days: readonly unknown[];
  submittedAt: number | null;
}

export type ReportStart =
  | { next: "skip"; reason: string }
  | { next: "prefill" }
  | { next: "check" }
  | { next: "await-client"; submittedAt: number };

export function monthIsWithin(month: string, m: Pick<MissionForReport, "startDate" | "endDate">): boolean {
  return month >= m.startDate.slice(0, 7) && (!m.endDate || month <= m.endDate.slice(0, 7));
}

export function reportStart(mission: MissionForReport, month: string, report?: ReportState): ReportStart {
  if (mission.status === "cancelled") return { next: "skip", reason: "mission cancelled" };
  if (mission.billingMode !== "monthly") return { next: "skip", reason: "not billed monthly" };
  if (!monthIsWithin(month, mission)) return { next: "skip", reason: "month outside the mission" };
  if (!report || (report.status === "draft" && report.days.length === 0)) return { next: "prefill" };
  if (report.status === "draft") return { next: "check" };
  if (report.status === "submitted" && report.submittedAt !== null)
    return { next: "await-client", submittedAt: report.submittedAt };
  return { next: "skip", reason: `report already ${report.status}` };
}

/** Whether the owner should still be asked to check the prepared report. */
export function ownerCheckUseful(mission: MissionForReport, report: ReportState | undefined): boolean {
  return mission.status !== "cancelled" && report?.status === "draft" && report.days.length > 0;
}

export function clientReminderAt(submittedAt: number): number {
  return submittedAt + CLIENT_REMINDER_DAYS * DAY_MS;
}

export type ClientReminderDecision =
  | "send"
  | "decided"
  | "not-submitted"
  | "too-early"
  | "stale"
  | "mission-cancelled"
  | "opted-out";

/** The client's reminder goes only to an undecided submission, old enough and not stale. */
export function clientReminderDecision(
  input: { mission: MissionForReport; report: ReportState | undefined; optedOut: boolean },
  nowMs: number,
): ClientReminderDecision {
  const { mission, report } = input;
  if (mission.status === "cancelled") return "mission-cancelled";
  if (!report || report.status === "draft" || report.submittedAt === null) return "not-submitted";
  if (report.status !== "submitted") return "decided";
  if (input.optedOut) return "opted-out";
  if (nowMs < clientReminderAt(report.submittedAt)) return "too-early";
  if (nowMs >= report.submittedAt + CLIENT_REMINDER_STALE_DAYS * DAY_MS) return "stale";
  return "send";
}

/** How long the end of a monthly mission waits for its last report's approval before the final invoice. */
export const FINAL_REPORT_APPROVAL_DAYS = 30;

/**
 * Where the last report of a mission billed monthly stands: approved (invoice it), pending (wait for the
 * approval) or nothing to report (no day in the last month: the previous invoices were the last ones).
 */
export function finalReportState(
  report: ReportState | undefined,
  prefillableDays: number,
): "approved" | "pending" | "nothing" {
  if (report?.status === "approved") return "approved";
  if (report && report.days.length > 0) return "pending";
  return prefillableDays > 0 ? "pending" : "nothing";
}
