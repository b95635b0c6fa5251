// Reading leads for lists, the board and the lead page; every query is scoped by owner. An erased lead
// (its contact gone) stays in the counts the insights read, but never in these lists.
import { and, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { bookings, contacts, leadEvents, leads, outbox } from "../platform/db/schema.ts";
import { STAGES, type Stage } from "./pipeline.ts";

export interface LeadListItem {
  id: string;
  contactId: string;
  name: string;
  email: string;
  company: string | null;
  source: string;
  verdict: "qualified" | "review" | "declined";
  stage: Stage;
  createdAt: number;
  updatedAt: number;
}

export interface LeadFilter {
  verdict?: LeadListItem["verdict"][];
  stage?: Stage[];
  source?: string[];
  /** a few letters of the name, email or company */
  search?: string;
}

const listColumns = {
  id: leads.id,
  contactId: sql<string>`${leads.contactId}`,
  name: contacts.name,
  email: contacts.email,
  company: contacts.company,
  source: leads.source,
  verdict: leads.verdict,
  stage: sql<Stage>`${leads.stage}`,
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
};

function conditions(ownerId: string, filter: LeadFilter): SQL[] {
  const where: SQL[] = [eq(leads.ownerId, ownerId), isNotNull(leads.contactId)];
  if (filter.verdict?.length) where.push(inArray(leads.verdict, filter.verdict));
  if (filter.stage?.length) where.push(inArray(leads.stage, filter.stage));
  if (filter.source?.length) where.push(inArray(leads.source, filter.source));
  if (filter.search) {
    // The matching people first (one pass over contacts), then their leads through the contact index.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const match = (column: string) => sql`${sql.raw(column)} LIKE ${pattern} ESCAPE '\\'`;
    where.push(
      sql`${leads.contactId} IN (SELECT id FROM contacts WHERE owner_id = ${ownerId} AND (${match("name")} OR ${match("email")} OR ${match("company")}))`,
    );
  }
  return where;
}

/** Newest first; the cursor is the last item's "createdAt_id". */
export async function listLeads(
  database: Database,
  ownerId: string,
  filter: LeadFilter,
  page: { limit: number; before?: { createdAt: number; id: string } },
): Promise<LeadListItem[]> {
  const where = conditions(ownerId, filter);
  if (page.before)
    where.push(sql`(${leads.createdAt}, ${leads.id}) < (${page.before.createdAt}, ${page.before.id})`);
  return database.db
    .select(listColumns)
    .from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId))
    .where(and(...where))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(page.limit);
}

export async function countLeads(database: Database, ownerId: string, filter: LeadFilter): Promise<number> {
  // Without other filters, the per-stage counts (read from the stage index) already hold the answer.
  if (!filter.search && !filter.verdict?.length && !filter.source?.length) {
    const byStage = await countByStage(database, ownerId);
    const stages = filter.stage?.length ? filter.stage : [...byStage.keys()];
    return stages.reduce((total, stage) => total + (byStage.get(stage) ?? 0), 0);
  }
  const row = await database.db
    .select({ n: count() })
    .from(leads)
    .where(and(...conditions(ownerId, filter)))
    .get();
  return row?.n ?? 0;
}

/** How many leads each stage holds, for the board's column headings and the list's filters. */
// These read the partial indexes on (owner, stage…) and (owner, source…) of listed leads (schema.ts);
// INDEXED BY keeps SQLite from preferring the date index and reading every row.
export async function countByStage(database: Database, ownerId: string): Promise<Map<string, number>> {
  const rows = await database.all<{
    stage: string;
    n: number;
  }>(sql`SELECT stage, COUNT(*) AS n FROM leads INDEXED BY leads_owner_stage_idx
    WHERE owner_id = ${ownerId} AND contact_id IS NOT NULL GROUP BY stage`);
  return new Map(rows.map((r) => [r.stage, r.n]));
}

/** The channels the owner's listed leads came from, for the source filter. */
export async function listSources(database: Database, ownerId: string): Promise<string[]> {
  const rows = await database.all<{
    source: string;
  }>(sql`SELECT source FROM leads INDEXED BY leads_owner_source_idx
    WHERE owner_id = ${ownerId} AND contact_id IS NOT NULL GROUP BY source ORDER BY source`);
  return rows.map((r) => r.source);
}

/** The most recently moved leads of each stage (a column shows these, and links to the rest). */
export async function boardCards(
  database: Database,
  ownerId: string,
  perStage: number,
): Promise<LeadListItem[]> {
  const columns = await Promise.all(
    STAGES.map((stage) =>
      database.db
        .select(listColumns)
        .from(leads)
        .innerJoin(contacts, eq(contacts.id, leads.contactId))
        .where(and(eq(leads.ownerId, ownerId), eq(leads.stage, stage), isNotNull(leads.contactId)))
        .orderBy(desc(leads.updatedAt), desc(leads.id))
        .limit(perStage),
    ),
  );
  return columns.flat();
}

export type LeadWithContact = typeof leads.$inferSelect & {
  contact: typeof contacts.$inferSelect;
};

export async function getLeadWithContact(
  database: Database,
  ownerId: string,
  id: string,
): Promise<LeadWithContact | undefined> {
  const row = await database.db
    .select({ lead: leads, contact: contacts })
    .from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId))
    .where(and(eq(leads.ownerId, ownerId), eq(leads.id, id)))
    .get();
  return row ? { ...row.lead, contact: row.contact } : undefined;
}

/** Every lead of one person, newest first: the history a new lead joins when the same email comes back. */
export async function leadsOfContact(database: Database, ownerId: string, contactId: string) {
  return database.db
    .select()
    .from(leads)
    .where(and(eq(leads.ownerId, ownerId), eq(leads.contactId, contactId)))
    .orderBy(desc(leads.createdAt));
}

export async function eventsOfLeads(database: Database, ownerId: string, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  return (
    database.db
      .select()
      .from(leadEvents)
      .where(and(eq(leadEvents.ownerId, ownerId), inArray(leadEvents.leadId, leadIds)))
      // Events of the same millisecond in the order they were written (rowid), not by their random ids.
      .orderBy(desc(leadEvents.at), sql`${leadEvents}.rowid DESC`)
  );
}

export async function bookingsOfLeads(database: Database, ownerId: string, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  return database.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.ownerId, ownerId), inArray(bookings.leadId, leadIds)))
    .orderBy(desc(bookings.startMs));
}

/** Emails sent to this person (the outbox keeps each one with why it was sent). */
export async function emailsTo(database: Database, ownerId: string, address: string) {
  return database.db
    .select({
      id: outbox.id,
      subject: outbox.subject,
      why: outbox.why,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(eq(outbox.ownerId, ownerId), eq(outbox.toAddress, address)))
    .orderBy(desc(outbox.createdAt))
    .limit(200);
}

/** For an import: which of these emails are already contacts, and whether each has a lead still open. */
export async function existingContacts(
  database: Database,
  ownerId: string,
  emails: readonly string[],
): Promise<Map<string, { hasOpenLead: boolean }>> {
  const found = new Map<string, { hasOpenLead: boolean }>();
  // D1 binds at most 100 parameters per query.
  for (let i = 0; i < emails.length; i += 90) {
    const chunk = emails.slice(i, i + 90);
    const rows = await database.all<{ email: string; open: number }>(sql`SELECT c.email AS email,
        EXISTS (SELECT 1 FROM leads l WHERE l.contact_id = c.id AND l.stage NOT IN ('won', 'lost', 'declined')) AS open
      FROM contacts c WHERE c.owner_id = ${ownerId} AND c.email IN (${sql.join(
        chunk.map((e) => sql`${e}`),
        sql`, `,
      )})`);
    for (const row of rows) found.set(row.email, { hasOpenLead: row.open === 1 });
  }
  return found;
}

/** For signed links, which name a lead but not its owner. */
export async function ownerOfLead(database: Database, leadId: string): Promise<string | undefined> {
  const row = await database.db
    .select({ ownerId: leads.ownerId })
    .from(leads)
    .where(eq(leads.id, leadId))
    .get();
  return row?.ownerId;
}
