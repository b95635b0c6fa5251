// Clients in the database; every query is scoped by owner.
import { and, asc, eq } from "drizzle-orm";
import { vatNumberWarnings } from "../invoicing/identifiers.ts";
import type { Database } from "../platform/db/database.ts";
import { clients } from "../platform/db/schema.ts";
import type { ClientInput } from "./client-input.ts";

export type ClientRow = typeof clients.$inferSelect;

export async function listClients(database: Database, ownerId: string): Promise<ClientRow[]> {
  return database.db.select().from(clients).where(eq(clients.ownerId, ownerId)).orderBy(asc(clients.name));
}

export async function getClient(
  database: Database,
  ownerId: string,
  id: string,
): Promise<ClientRow | undefined> {
  return database.db
    .select()
    .from(clients)
    .where(and(eq(clients.ownerId, ownerId), eq(clients.id, id)))
    .get();
}

function columns(input: ClientInput) {
  return {
    name: input.name,
    address: input.address as Record<string, string>,
    siren: input.siren ?? null,
    siret: input.siret ?? null,
    vatNumber: input.vatNumber ?? null,
    billingEmail: input.billingEmail,
    locale: input.locale,
    contacts: input.contacts ?? null,
  };
}

export async function insertClient(
  database: Database,
  row: { id: string; ownerId: string; input: ClientInput; now: number },
): Promise<void> {
  await database.db.insert(clients).values({
    id: row.id,
    ownerId: row.ownerId,
    ...columns(row.input),
    createdAt: row.now,
    updatedAt: row.now,
  });
}

export async function updateClient(
  database: Database,
  ownerId: string,
  id: string,
  input: ClientInput,
  now: number,
): Promise<boolean> {
  const result = await database.batch([
    database.db
      .update(clients)
      .set({ ...columns(input), updatedAt: now })
      .where(and(eq(clients.ownerId, ownerId), eq(clients.id, id))),
  ]);
  return (result[0]?.changes ?? 0) > 0;
}

export function clientJson(c: ClientRow) {
  return {
    id: c.id,
    name: c.name,
    address: c.address,
    siren: c.siren,
    siret: c.siret,
    vatNumber: c.vatNumber,
    billingEmail: c.billingEmail,
    locale: c.locale,
    contacts: c.contacts ?? [],
    warnings: vatNumberWarnings(c.vatNumber, c.siren).map((message) => ({ path: "vatNumber", message })),
    createdAt: new Date(c.createdAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}
