// Leads and contacts: statements meant to be batched with the booking that brings the lead.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { contacts, leadEvents, leads } from "../platform/db/schema.ts";
import { CALL_STAGES } from "./pipeline.ts";

export type LeadRow = typeof leads.$inferSelect;

export interface ContactInput {
  id: string;
  ownerId: string;
  email: string;
  name: string;
  company: string | null;
  locale: string;
  timeZone: string | null;
  now: number;
}

/** One person, one contact: an existing email keeps its row (and history) and gets the newest name. */
export function upsertContact(c: ContactInput): SQL {
  return sql`INSERT INTO contacts (id, owner_id, email, name, company, locale, time_zone, created_at, updated_at)
    VALUES (${c.id}, ${c.ownerId}, ${c.email.toLowerCase()}, ${c.name}, ${c.company}, ${c.locale}, ${c.timeZone}, ${c.now}, ${c.now})
    ON CONFLICT (owner_id, email) DO UPDATE SET name = excluded.name, company = COALESCE(excluded.company, contacts.company),
      locale = excluded.locale, time_zone = COALESCE(excluded.time_zone, contacts.time_zone), updated_at = excluded.updated_at`;
}

export interface LeadInput {
  id: string;
  ownerId: string;
  email: string;
  eventTypeId: string | null;
  source: string;
  verdict: LeadRow["verdict"];
  reasons: unknown[];
  stage: string;
  answers: Record<string, unknown>;
  utm: Record<string, string> | null;
  notes: string | null;
  now: number;
  /** the owner added it themselves (quick add, import): it does not count as handled without them */
  ownerTouched?: boolean;
}

/** Inserts the lead linked to its contact by email; with onlyIfBooking, only if that booking row exists. */
export function insertLead(l: LeadInput, onlyIfBooking?: string): SQL {
  const guard = onlyIfBooking
    ? sql`WHERE EXISTS (SELECT 1 FROM bookings WHERE id = ${onlyIfBooking})`
    : sql``;
  return sql`INSERT INTO leads (id, owner_id, contact_id, event_type_id, source, verdict, reasons, stage, answers, utm, notes, created_at, updated_at, reached_call, owner_touched)
    SELECT ${l.id}, ${l.ownerId}, (SELECT id FROM contacts WHERE owner_id = ${l.ownerId} AND email = ${l.email.toLowerCase()}),
      ${l.eventTypeId}, ${l.source}, ${l.verdict}, ${JSON.stringify(l.reasons)}, ${l.stage}, ${JSON.stringify(l.answers)},
      ${l.utm ? JSON.stringify(l.utm) : null}, ${l.notes}, ${l.now}, ${l.now}, ${(CALL_STAGES as readonly string[]).includes(l.stage) ? 1 : 0}, ${l.ownerTouched ? 1 : 0} ${guard}`;
}

export function insertLeadEvent(
  e: {
    id: string;
    ownerId: string;
    leadId: string;
    kind: string;
    data?: Record<string, unknown>;
    at: number;
  },
  onlyIfLead = true,
): SQL {
  return sql`INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at)
    SELECT ${e.id}, ${e.ownerId}, ${e.leadId}, ${e.kind}, ${e.data ? JSON.stringify(e.data) : null}, ${e.at}
    ${onlyIfLead ? sql`WHERE EXISTS (SELECT 1 FROM leads WHERE id = ${e.leadId})` : sql``}`;
}

export async function getLead(database: Database, ownerId: string, id: string): Promise<LeadRow | undefined> {
  return database.db
    .select()
    .from(leads)
    .where(and(eq(leads.ownerId, ownerId), eq(leads.id, id)))
    .get();
}

export async function leadTimeline(database: Database, ownerId: string, leadId: string) {
  return database.db
    .select()
    .from(leadEvents)
    .where(and(eq(leadEvents.ownerId, ownerId), eq(leadEvents.leadId, leadId)))
    .orderBy(desc(leadEvents.at));
}

export async function getContact(database: Database, ownerId: string, id: string) {
  return database.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)))
    .get();
}
