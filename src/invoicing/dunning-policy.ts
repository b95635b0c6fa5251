// Payment reminders for an issued invoice (pure): a polite one the day after the due date, a firmer
// one a week later citing the late-payment penalties and the €40 indemnity, a last one at two weeks;
// each in the morning of a working day, in the owner's zone.
import { Temporal } from "temporal-polyfill";
import { publicHolidayDates } from "../missions/french-holidays.ts";
import { balanceCents } from "./payment-status.ts";

export type DunningStage = "polite" | "firm" | "final";
export const DUNNING_STAGES: readonly DunningStage[] = ["polite", "firm", "final"];
/** Days after the due date. */
export const DUNNING_OFFSET_DAYS: Record<DunningStage, number> = { polite: 1, firm: 7, final: 15 };
/** Reminders leave in the morning of the client's working day, in the owner's zone. */
export const DUNNING_HOUR = 9;
/** The last reminder is skipped when it would leave this late (the owner has taken over by then). */
const FINAL_LATE_TOLERANCE_DAYS = 15;

export type DunningSchedule = Record<DunningStage, number>;

/**
 * Each reminder leaves on a working day: one falling on a weekend or a public holiday waits for the next.
 * `offsets` are the owner's (automations settings), in increasing order.
 */
export function dunningSchedule(
  dueDate: string,
  timeZone: string,
  offsets: Record<DunningStage, number> = DUNNING_OFFSET_DAYS,
): DunningSchedule {
  const due = Temporal.PlainDate.from(dueDate);
  const holidays = publicHolidayDates(due.year, due.year + 1);
  const at = (stage: DunningStage) => {
    let day = due.add({ days: offsets[stage] });
    while (day.dayOfWeek > 5 || holidays.has(day.toString())) day = day.add({ days: 1 });
    return day
      .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour: DUNNING_HOUR }) })
      .toInstant().epochMilliseconds;
  };
  return { polite: at("polite"), firm: at("firm"), final: at("final") };
}

export interface InvoiceForDunning {
  type: "invoice" | "credit_note";
  status: "draft" | "issued";
  grossCents: number;
  paidCents: number;
  creditedCents: number;
}

/** send; skip (this one came too late, a later one follows); stop (nothing is owed any more). */
export type DunningDecision =
  | { action: "send"; balanceCents: number }
  | { action: "skip"; reason: "superseded" | "stale" }
  | { action: "stop"; reason: "settled" | "not-owed" };

export function dunningDecision(
  stage: DunningStage,
  invoice: InvoiceForDunning | undefined,
  schedule: DunningSchedule,
  nowMs: number,
): DunningDecision {
  if (invoice?.type !== "invoice" || invoice.status !== "issued")
    return { action: "stop", reason: "not-owed" };
  const balance = balanceCents(invoice);
  if (balance <= 0) return { action: "stop", reason: "settled" };
  const next = DUNNING_STAGES[DUNNING_STAGES.indexOf(stage) + 1];
  if (next && nowMs >= schedule[next]) return { action: "skip", reason: "superseded" };
  if (!next && nowMs >= schedule[stage] + FINAL_LATE_TOLERANCE_DAYS * 86_400_000)
    return { action: "skip", reason: "stale" };
  return { action: "send", balanceCents: balance };
}
