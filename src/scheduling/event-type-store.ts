// Event types in the database: the validated definition is stored whole as JSON, scoped by owner.
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { OwnerRow } from "../accounts/store.ts";
import type { Database } from "../platform/db/database.ts";
import { preparedOnce } from "../platform/db/prepared.ts";
import { bookings, eventTypes, owners } from "../platform/db/schema.ts";
import { bumpAvailability } from "./availability-version.ts";
import type { EventTypeDefinition } from "./default-event-type.ts";
import type { StoredEventType } from "./event-type-input.ts";

type Row = typeof eventTypes.$inferSelect;

export function fromRow(row: Row): StoredEventType {
  const definition = row.definition as unknown as EventTypeDefinition;
  return {
    ...definition,
    slug: row.slug,
    id: row.id,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listEventTypes(database: Database, ownerId: string): Promise<StoredEventType[]> {
  const rows = await database.db
    .select()
    .from(eventTypes)
    .where(and(eq(eventTypes.ownerId, ownerId), isNull(eventTypes.archivedAt)))
    .orderBy(asc(eventTypes.createdAt));
  return rows.map(fromRow);
}

/** One of the owner's event types matching `where`; archived ones only when asked for. */
async function findOwned(
  database: Database,
  ownerId: string,
  where: SQL,
  options: { includeArchived?: boolean } = {},
): Promise<StoredEventType | undefined> {
  const row = await database.db
    .select()
    .from(eventTypes)
    .where(
      and(
        eq(eventTypes.ownerId, ownerId),
        where,
        options.includeArchived ? undefined : isNull(eventTypes.archivedAt),
      ),
    )
    .get();
  return row ? fromRow(row) : undefined;
}

export function getEventType(
  database: Database,
  ownerId: string,
  id: string,
): Promise<StoredEventType | undefined> {
  return findOwned(database, ownerId, eq(eventTypes.id, id));
}

export function getEventTypeBySlug(
  database: Database,
  ownerId: string,
  slug: string,
): Promise<StoredEventType | undefined> {
  return findOwned(database, ownerId, eq(eventTypes.slug, slug.toLowerCase()));
}

const linkQuery = preparedOnce((db) =>
  db
    .select({ owner: owners, eventType: eventTypes })
    .from(owners)
    .innerJoin(
      eventTypes,
      and(
        eq(eventTypes.ownerId, owners.id),
        eq(eventTypes.slug, sql.placeholder("slug")),
        isNull(eventTypes.archivedAt),
      ),
    )
    .where(eq(owners.handle, sql.placeholder("handle")))
    .prepare(),
);

/** The owner and the live (not archived) event type behind /{handle}/{slug}, in one query. */
export async function findLink(
  database: Database,
  handle: string,
  slug: string,
): Promise<{ owner: OwnerRow; eventType: StoredEventType } | undefined> {
  const row = await linkQuery(database).get({ handle: handle.toLowerCase(), slug: slug.toLowerCase() });
  return row ? { owner: row.owner, eventType: fromRow(row.eventType) } : undefined;
}

export function eventTypeValues(definition: EventTypeDefinition): Record<string, unknown> {
  const { slug: _slug, ...rest } = definition;
  return rest as unknown as Record<string, unknown>;
}

export async function insertEventType(
  database: Database,
  row: { id: string; ownerId: string; definition: EventTypeDefinition; active: boolean; now: number },
): Promise<void> {
  await database.db.insert(eventTypes).values({
    id: row.id,
    ownerId: row.ownerId,
    slug: row.definition.slug,
    definition: eventTypeValues(row.definition),
    active: row.active,
    createdAt: row.now,
    updatedAt: row.now,
  });
}

export async function updateEventType(
  database: Database,
  ownerId: string,
  id: string,
  definition: EventTypeDefinition,
  active: boolean,
  now: number,
): Promise<boolean> {
  const [r] = await database.batch([
    database.db
      .update(eventTypes)
      .set({ slug: definition.slug, definition: eventTypeValues(definition), active, updatedAt: now })
      .where(and(eq(eventTypes.ownerId, ownerId), eq(eventTypes.id, id), isNull(eventTypes.archivedAt))),
    bumpAvailability(ownerId),
  ]);
  return (r?.changes ?? 0) === 1;
}

/** Deletes the link, or archives it when bookings refer to it (their history must stay). One batch, no read. */
export async function deleteEventType(
  database: Database,
  ownerId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const mine = and(eq(eventTypes.ownerId, ownerId), eq(eventTypes.id, id), isNull(eventTypes.archivedAt));
  const used = sql`EXISTS (SELECT 1 FROM ${bookings} WHERE ${bookings.eventTypeId} = ${id})`;
  const [archived, deleted] = await database.batch([
    database.db
      .update(eventTypes)
      .set({ archivedAt: now, active: false, slug: sql`${eventTypes.slug} || '~' || ${eventTypes.id}` })
      .where(and(mine, used)),
    database.db.delete(eventTypes).where(and(mine, sql`NOT ${used}`)),
  ]);
  return (archived?.changes ?? 0) + (deleted?.changes ?? 0) === 1;
}

/** Includes archived links: an old booking still shows what it was booked through. */
export function getEventTypeByIdAnyState(
  database: Database,
  ownerId: string,
  id: string,
): Promise<StoredEventType | undefined> {
  return findOwned(database, ownerId, eq(eventTypes.id, id), { includeArchived: true });
}
