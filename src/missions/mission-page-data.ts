// Gathers what the mission page shows (the page itself never queries).
import { listInvoices } from "../invoicing/invoice-store.ts";
import { centsToInput } from "../invoicing/money-input.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { listReports } from "./activity-report-store.ts";
import { ownerDaysOff } from "./activity-reports.ts";
import { listClients } from "./client-store.ts";
import { monthGrid } from "./days-grid.ts";
import type { MissionWithClient } from "./mission-store.ts";
import { listExternalInvoices } from "./missions.ts";
import type { MissionPageData } from "./pages/mission-page.ts";
import { dateInZone, monthsBetween, parsePlainYearMonth } from "./plain-date.ts";
import { prefillActivityDays, sumDays } from "./working-days.ts";

export function missionFormValues(m: MissionWithClient): Record<string, string> {
  return {
    clientId: m.clientId,
    title: m.title,
    dailyRate: centsToInput(m.dailyRateCents),
    paymentTermsDays: String(m.paymentTermsDays),
    startDate: m.startDate,
    plannedEndDate: m.plannedEndDate ?? "",
    source: m.source,
    billingMode: m.billingMode,
    ratingUrl: m.ratingUrl ?? "",
    status: m.status,
    endDate: m.endDate ?? "",
  };
}

/** Months a report may be written for, newest first: from the start to the end, never past this month. */
export function reportMonths(m: MissionWithClient, today: string): string[] {
  const start = m.startDate.slice(0, 7);
  const current = today.slice(0, 7);
  const end = m.endDate && m.endDate.slice(0, 7) < current ? m.endDate.slice(0, 7) : current;
  return (end < start ? [start] : monthsBetween(start, end)).reverse();
}

export async function missionPageData(
  deps: AppDeps,
  owner: CurrentOwner,
  csrfToken: string,
  mission: MissionWithClient,
  options: {
    month?: string;
    /** days just submitted that failed validation, shown back as typed */
    days?: { date: string; fraction: number }[];
  } & Partial<
    Pick<
      MissionPageData,
      "flash" | "error" | "missionValues" | "missionErrors" | "externalValues" | "externalErrors"
    >
  >,
): Promise<MissionPageData> {
  const today = dateInZone(deps.clock.now(), owner.timeZone);
  const [reports, clients, external, invoices, daysOff] = await Promise.all([
    listReports(deps.database, owner.id, mission.id),
    listClients(deps.database, owner.id),
    listExternalInvoices(deps, owner.id, mission.id),
    listInvoices(deps.database, owner.id, { missionId: mission.id, limit: 100 }),
    ownerDaysOff(deps, owner.id),
  ]);
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const months = [...new Set([...reportMonths(mission, today), ...byMonth.keys()])].sort().reverse();
  const wanted = options.month && parsePlainYearMonth(options.month) ? options.month : undefined;
  const month = wanted && months.includes(wanted) ? wanted : months[0];
  const dates = { start: mission.startDate, ...(mission.endDate ? { end: mission.endDate } : {}) };
  let selected: MissionPageData["selected"] = null;
  if (month) {
    const report = byMonth.get(month);
    const days =
      options.days ??
      report?.days ??
      prefillActivityDays(month, daysOff, mission.startDate, mission.endDate ?? undefined);
    selected = {
      month,
      status: report?.status,
      grid: monthGrid(month, days, dates, daysOff),
      prefilled: !report && !options.days,
      clientComment: report?.clientComment ?? null,
      submittedOn: report?.submittedAt ? dateInZone(report.submittedAt, owner.timeZone) : null,
      invoiceId: report?.invoiceId ?? null,
    };
  }
  return {
    owner,
    csrfToken,
    mission,
    clients: clients.map((c) => ({ id: c.id, name: c.name })),
    months: months.map((m) => {
      const r = byMonth.get(m);
      return { month: m, ...(r ? { status: r.status, totalDays: sumDays(r.days) } : {}) };
    }),
    selected,
    externalInvoices: external,
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      type: i.type,
      grossCents: i.grossCents,
      issueDate: i.issueDate,
    })),
    missionValues: options.missionValues ?? missionFormValues(mission),
    missionErrors: options.missionErrors ?? {},
    externalValues: options.externalValues ?? {},
    externalErrors: options.externalErrors ?? {},
    ...(options.flash ? { flash: options.flash } : {}),
    ...(options.error ? { error: options.error } : {}),
  };
}
