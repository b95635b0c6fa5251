// Leads as the JSON API shows them. A contact without a known email shows email: null.
import { hasRealEmail } from "./capture.ts";
import type { LeadListItem, LeadWithContact } from "./lead-queries.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export function leadListJson(l: LeadListItem) {
  return {
    id: l.id,
    contactId: l.contactId,
    name: l.name,
    email: hasRealEmail(l.email) ? l.email : null,
    company: l.company,
    source: l.source,
    verdict: l.verdict,
    stage: l.stage,
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
  };
}

export function leadJson(
  l: LeadWithContact,
  extra: {
    timeline?: { kind: string; at: number; data: Record<string, unknown> | null }[];
    bookings?: { id: string; status: string; startMs: number; endMs: number }[];
  } = {},
) {
  const events = extra.timeline ?? [];
  const lost = events.find((e) => e.kind === "stage.changed" && e.data?.to === "lost");
  const won = events.find((e) => e.kind === "lead.won");
  return {
    id: l.id,
    contactId: l.contactId,
    name: l.contact.name,
    email: hasRealEmail(l.contact.email) ? l.contact.email : null,
    company: l.contact.company,
    locale: l.contact.locale,
    source: l.source,
    verdict: l.verdict,
    reasons: l.reasons,
    stage: l.stage,
    lostReason: l.stage === "lost" && typeof lost?.data?.reason === "string" ? lost.data.reason : null,
    missionId: typeof won?.data?.missionId === "string" ? won.data.missionId : null,
    eventTypeId: l.eventTypeId,
    answers: l.answers,
    utm: l.utm,
    notes: l.notes,
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
    ...(extra.timeline
      ? { timeline: events.map((e) => ({ kind: e.kind, at: iso(e.at), data: e.data })) }
      : {}),
    ...(extra.bookings
      ? {
          bookings: extra.bookings.map((b) => ({
            id: b.id,
            status: b.status,
            start: iso(b.startMs),
            end: iso(b.endMs),
          })),
        }
      : {}),
  };
}
