// What the owner needs to walk into a call prepared: who, when, how to join, what the lead answered and
// how triage judged it, and the one-click cancel link. Shared by the reminder email and the Today page.
import { inArray } from "drizzle-orm";
import type { OwnerRow } from "../accounts/store.ts";
import type { TriageReason } from "../leads/triage.ts";
import { leads } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { Locale } from "../platform/i18n.ts";
import { displayAnswers } from "../scheduling/answer-display.ts";
import { ownerActionUrl } from "../scheduling/booking-links.ts";
import type { BookingRow } from "../scheduling/booking-store.ts";
import type { StoredEventType } from "../scheduling/event-type-input.ts";
import { getEventTypeByIdAnyState } from "../scheduling/event-type-store.ts";
import { eventTitle } from "../scheduling/event-type-view.ts";

export type Verdict = "qualified" | "review" | "declined";

export interface CallPreparation {
  bookingId: string;
  status: BookingRow["status"];
  startMs: number;
  endMs: number;
  title: string;
  prospect: { name: string; email: string; timeZone: string };
  answers: { label: string; value: string }[];
  notes: string | null;
  verdict: { verdict: Verdict; reasons: string[] } | null;
  location: { type: string; details?: string } | null;
  joinUrl: string | null;
  phone: string | null;
  cancelUrl: string;
  leadUrl: string | null;
}

function howToJoin(location: BookingRow["location"]): { joinUrl: string | null; phone: string | null } {
  const details = location?.details?.trim() ?? "";
  if (location?.type === "phone") return { joinUrl: null, phone: details || null };
  return { joinUrl: /^https?:\/\//i.test(details) ? details : null, phone: null };
}

export async function callPreparations(
  deps: AppDeps,
  owner: OwnerRow,
  bookings: BookingRow[],
  locale: Locale,
): Promise<CallPreparation[]> {
  const leadIds = bookings.map((b) => b.leadId).filter((id): id is string => Boolean(id));
  const leadRows = leadIds.length
    ? await deps.database.db
        .select({ id: leads.id, verdict: leads.verdict, reasons: leads.reasons })
        .from(leads)
        .where(inArray(leads.id, leadIds))
    : [];
  const eventTypes = new Map<string, StoredEventType | undefined>();
  for (const id of new Set(bookings.map((b) => b.eventTypeId)))
    eventTypes.set(id, await getEventTypeByIdAnyState(deps.database, owner.id, id));
  return bookings.map((booking) => {
    const eventType = eventTypes.get(booking.eventTypeId);
    const lead = leadRows.find((l) => l.id === booking.leadId);
    const reasons = ((lead?.reasons ?? []) as TriageReason[])
      .filter((r) => r.outcome !== "pass")
      .map((r) => r.message?.[locale] ?? r.rule);
    return {
      bookingId: booking.id,
      status: booking.status,
      startMs: booking.startMs,
      endMs: booking.endMs,
      title: eventType ? eventTitle(eventType, locale).title : "",
      prospect: { name: booking.name, email: booking.email, timeZone: booking.timeZone },
      answers: eventType ? displayAnswers(eventType.questions, booking.answers, locale) : [],
      notes: booking.notes,
      verdict: lead ? { verdict: lead.verdict, reasons } : null,
      location: booking.location,
      ...howToJoin(booking.location),
      cancelUrl: ownerActionUrl(deps.config, booking.id, "cancel", booking.endMs),
      leadUrl: booking.leadId ? `${deps.config.baseUrl}/dashboard/leads/${booking.leadId}` : null,
    };
  });
}
