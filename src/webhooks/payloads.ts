// The event each use case reports, built from the rows it already has: a snapshot of the resource plus what
// changed. Kept small and stable: ids to fetch the rest through the API, and the fields integrations key on.
import type { InvoiceWithCredits } from "../invoicing/invoice-store.ts";
import type { ActivityReportRow } from "../missions/activity-report-store.ts";
import type { MissionRow } from "../missions/mission-store.ts";
import type { BookingRow } from "../scheduling/booking-store.ts";
import type { WebhookEventInput } from "./emit.ts";
import type { WebhookEventType } from "./event-types.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export function bookingEvent(
  type: "booking.created" | "booking.rescheduled" | "booking.cancelled",
  b: BookingRow,
  extra: { previousStartMs?: number; by?: string; reason?: string | null } = {},
): WebhookEventInput {
  return {
    ownerId: b.ownerId,
    type,
    resourceId: b.id,
    // created and cancelled happen once per booking; a reschedule once per version (sequence) it makes.
    dedupeKey: type === "booking.rescheduled" ? `${type}:${b.id}@${b.sequence}` : `${type}:${b.id}`,
    data: {
      id: b.id,
      eventTypeId: b.eventTypeId,
      leadId: b.leadId,
      status: type === "booking.cancelled" ? "cancelled" : b.status,
      start: iso(b.startMs),
      end: iso(b.endMs),
      timeZone: b.timeZone,
      name: b.name,
      email: b.email,
      ...(extra.previousStartMs !== undefined ? { previousStart: iso(extra.previousStartMs) } : {}),
      ...(extra.by ? { cancelledBy: extra.by } : {}),
      ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
    },
  };
}

export interface NewLead {
  id: string;
  ownerId: string;
  email: string;
  source: string | null;
  verdict: string;
  reasons?: readonly { rule: string; outcome: string }[];
  stage: string;
}

/** A new lead is created and triaged at once: two events, in that order. */
export function newLeadEvents(lead: NewLead, via: string): WebhookEventInput[] {
  const base = { ownerId: lead.ownerId, resourceId: lead.id };
  return [
    {
      ...base,
      type: "lead.created",
      dedupeKey: `lead.created:${lead.id}`,
      data: { id: lead.id, email: lead.email, source: lead.source, stage: lead.stage, via },
    },
    leadTriagedEvent(lead.ownerId, lead.id, lead.verdict, "triage", lead.reasons),
  ];
}

export function leadTriagedEvent(
  ownerId: string,
  leadId: string,
  verdict: string,
  by: string,
  reasons?: readonly { rule: string; outcome: string }[],
): WebhookEventInput {
  return {
    ownerId,
    type: "lead.triaged",
    resourceId: leadId,
    data: {
      id: leadId,
      verdict,
      by,
      ...(reasons ? { reasons: reasons.map((r) => ({ rule: r.rule, outcome: r.outcome })) } : {}),
    },
  };
}

export function leadStageEvent(
  ownerId: string,
  leadId: string,
  move: { from: string; to: string; by: string; reason?: string | null },
): WebhookEventInput {
  return {
    ownerId,
    type: "lead.stage_changed",
    resourceId: leadId,
    data: { id: leadId, from: move.from, to: move.to, by: move.by, reason: move.reason ?? null },
  };
}

export type MissionSnapshot = Pick<
  MissionRow,
  | "id"
  | "ownerId"
  | "clientId"
  | "leadId"
  | "title"
  | "status"
  | "startDate"
  | "endDate"
  | "dailyRateCents"
  | "currency"
  | "billingMode"
  | "source"
>;

function missionData(m: MissionSnapshot) {
  return {
    id: m.id,
    clientId: m.clientId,
    leadId: m.leadId,
    title: m.title,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    dailyRateCents: m.dailyRateCents,
    currency: m.currency,
    billingMode: m.billingMode,
    source: m.source,
  };
}

/**
 * mission.started when it becomes active, mission.ended when it becomes ended; nothing otherwise. Keyed by the
 * version the change was made from (`before.updatedAt`), so two writers acting on the same version record one.
 */
export function missionStatusEvents(
  before: { status: string; updatedAt: number } | null,
  m: MissionSnapshot,
): WebhookEventInput[] {
  const became = (status: string) => m.status === status && before?.status !== status;
  const type: WebhookEventType | null = became("active")
    ? "mission.started"
    : became("ended")
      ? "mission.ended"
      : null;
  if (!type) return [];
  const dedupeKey = `${type}:${m.id}@${before ? before.updatedAt : "created"}`;
  return [{ ownerId: m.ownerId, type, resourceId: m.id, dedupeKey, data: missionData(m) }];
}

export function ratingRequestedEvent(m: MissionRow, runId: string): WebhookEventInput {
  return {
    ownerId: m.ownerId,
    type: "rating.requested",
    resourceId: m.id,
    dedupeKey: `rating.requested:${runId}`,
    data: { missionId: m.id, clientId: m.clientId, platform: m.source, ratingUrl: m.ratingUrl },
  };
}

export function reportApprovedEvent(r: ActivityReportRow, by: "client" | "owner"): WebhookEventInput {
  return {
    ownerId: r.ownerId,
    type: "activity_report.approved",
    resourceId: r.id,
    dedupeKey: `activity_report.approved:${r.id}@${r.submittedAt ?? r.updatedAt}`,
    data: {
      id: r.id,
      missionId: r.missionId,
      month: r.month,
      days: r.days.reduce((sum, d) => sum + d.fraction, 0),
      approvedBy: by,
      invoiceId: r.invoiceId,
    },
  };
}

export type InvoiceSnapshot = Pick<
  InvoiceWithCredits,
  | "id"
  | "ownerId"
  | "type"
  | "number"
  | "clientId"
  | "missionId"
  | "issueDate"
  | "dueDate"
  | "netCents"
  | "vatCents"
  | "grossCents"
  | "paidCents"
  | "creditOfId"
>;

export function invoiceEvent(type: "invoice.issued" | "invoice.paid", i: InvoiceSnapshot): WebhookEventInput {
  return {
    ownerId: i.ownerId,
    type,
    resourceId: i.id,
    dedupeKey: `${type}:${i.id}`,
    data: {
      id: i.id,
      type: i.type,
      number: i.number,
      clientId: i.clientId,
      missionId: i.missionId,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      totals: { netCents: i.netCents, vatCents: i.vatCents, grossCents: i.grossCents },
      paidCents: i.paidCents,
      currency: "EUR",
      creditOfId: i.creditOfId,
    },
  };
}
