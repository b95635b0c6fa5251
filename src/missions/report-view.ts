// An activity report as the API shows it.
import type { ActivityReportRow } from "./activity-report-store.ts";
import { sumDays, unusualActivityDays } from "./working-days.ts";

export function reportJson(r: ActivityReportRow, dailyRateCents: number) {
  const totalDays = sumDays(r.days);
  return {
    id: r.id,
    missionId: r.missionId,
    month: r.month,
    days: r.days,
    totalDays,
    amountCents: Math.round(totalDays * dailyRateCents),
    unusualDays: unusualActivityDays(r.days),
    status: r.status,
    clientComment: r.clientComment,
    submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    invoiceId: r.invoiceId,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
