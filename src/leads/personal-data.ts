// A person's data, on request: everything about them as JSON, or erased. Erasing keeps what the insights
// count (each lead's channel, stage, dates and stage changes) and removes everything that says who they
// were: the contact, answers, notes, booking details and the emails sent to them or about them.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { bookings, contacts, leadEvents } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { leadsOfContact } from "./lead-queries.ts";

async function personOf(deps: AppDeps, ownerId: string, contactId: string) {
  const contact = await deps.database.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, contactId)))
    .get();
  if (!contact) throw new AppError("not_found");
  const leadRows = await leadsOfContact(deps.database, ownerId, contactId);
  const bookingRows = await deps.database.db
    .select()
    .from(bookings)
    .where(
      and(eq(bookings.ownerId, ownerId), sql`${bookings.leadId} IN (${theirLeads(ownerId, contactId)})`),
    );
  return { contact, leadRows, bookingRows };
}

// Subqueries rather than lists of ids: a person with many requests must not exceed D1's 100 parameters.
const theirLeads = (ownerId: string, contactId: string) =>
  sql`SELECT id FROM leads WHERE owner_id = ${ownerId} AND contact_id = ${contactId}`;

/** Emails to the person, and the ones about them (the owner's notifications carry their booking or lead id). */
function emailsAbout(ownerId: string, contactId: string, email: string): SQL {
  // Contacts keep the email lower-cased; what people typed (and was written to) may not be.
  return sql`owner_id = ${ownerId} AND (lower(to_address) = ${email.toLowerCase()}
    OR EXISTS (SELECT 1 FROM leads l WHERE l.owner_id = ${ownerId} AND l.contact_id = ${contactId} AND outbox.idempotency_key LIKE 'lead:' || l.id || ':%')
    OR EXISTS (SELECT 1 FROM bookings b JOIN leads l ON l.id = b.lead_id WHERE l.owner_id = ${ownerId} AND l.contact_id = ${contactId}
      AND outbox.idempotency_key LIKE 'booking:' || b.id || ':%'))`;
}

export async function exportPerson(deps: AppDeps, ownerId: string, contactId: string) {
  const { contact, leadRows, bookingRows } = await personOf(deps, ownerId, contactId);
  const events = await deps.database.db
    .select()
    .from(leadEvents)
    .where(
      and(eq(leadEvents.ownerId, ownerId), sql`${leadEvents.leadId} IN (${theirLeads(ownerId, contactId)})`),
    )
    .orderBy(desc(leadEvents.at), sql`${leadEvents}.rowid DESC`);
  const emails = await deps.database.all<Record<string, unknown>>(
    sql`SELECT to_address AS "to", subject, why, status, text, created_at AS createdAt FROM outbox
      WHERE ${emailsAbout(ownerId, contactId, contact.email)} ORDER BY created_at`,
  );
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    exportedAt: iso(deps.clock.now()),
    contact: {
      name: contact.name,
      email: contact.email,
      company: contact.company,
      locale: contact.locale,
      timeZone: contact.timeZone,
      createdAt: iso(contact.createdAt),
    },
    leads: leadRows.map((l) => ({
      id: l.id,
      source: l.source,
      verdict: l.verdict,
      reasons: l.reasons,
      stage: l.stage,
      answers: l.answers,
      utm: l.utm,
      notes: l.notes,
      createdAt: iso(l.createdAt),
      timeline: events
        .filter((e) => e.leadId === l.id)
        .map((e) => ({ kind: e.kind, at: iso(e.at), data: e.data })),
    })),
    bookings: bookingRows.map((b) => ({
      id: b.id,
      status: b.status,
      start: iso(b.startMs),
      end: iso(b.endMs),
      name: b.name,
      email: b.email,
      timeZone: b.timeZone,
      answers: b.answers,
      notes: b.notes,
      cancelReason: b.cancelReason,
    })),
    emails: emails.map((e) => ({ ...e, createdAt: iso(Number(e.createdAt)) })),
  };
}

export interface Erased {
  leads: number;
  bookings: number;
  emails: number;
}

export async function erasePerson(deps: AppDeps, ownerId: string, contactId: string): Promise<Erased> {
  const { contact } = await personOf(deps, ownerId, contactId);
  const now = deps.clock.now();
  const their = theirLeads(ownerId, contactId);
  // In this order: the statements before the leads' update still find them by their contact.
  const results = await deps.database.batch([
    sql`DELETE FROM outbox WHERE ${emailsAbout(ownerId, contactId, contact.email)}`,
    sql`UPDATE bookings SET name = '', email = '', answers = '{}', notes = NULL, cancel_reason = NULL, updated_at = ${now}
      WHERE owner_id = ${ownerId} AND lead_id IN (${their})`,
    // Stage changes keep only what the funnel reads; reasons, notes and messages go.
    sql`UPDATE lead_events SET data = json_object('from', json_extract(data, '$.from'), 'to', json_extract(data, '$.to'),
        'by', json_extract(data, '$.by'), 'imported', json_extract(data, '$.imported'))
      WHERE owner_id = ${ownerId} AND lead_id IN (${their})`,
    sql`INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at)
      SELECT id || ':erased', owner_id, id, 'lead.erased', '{"by":"owner"}', ${now} FROM leads WHERE owner_id = ${ownerId} AND contact_id = ${contactId}`,
    sql`UPDATE leads SET contact_id = NULL, answers = '{}', reasons = '[]', utm = NULL, notes = NULL, updated_at = ${now}
      WHERE owner_id = ${ownerId} AND contact_id = ${contactId}`,
    deps.database.db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, contactId))),
    // An unfinished booking form keeps the answers in its nudge run: it goes too.
    sql`DELETE FROM workflow_runs WHERE owner_id = ${ownerId} AND workflow = 'abandoned-form'
      AND json_extract(input, '$.email') = ${contact.email.toLowerCase()}`,
  ]);
  return {
    emails: results[0]?.changes ?? 0,
    bookings: results[1]?.changes ?? 0,
    leads: results[4]?.changes ?? 0,
  };
}
