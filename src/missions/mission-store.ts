// Missions in the database, with their client's name for lists; every query is scoped by owner.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import { clients, missions } from "../platform/db/schema.ts";
import type { MissionInput } from "./mission-input.ts";

export type MissionRow = typeof missions.$inferSelect;
export type MissionStatus = MissionRow["status"];

export interface MissionWithClient extends MissionRow {
  clientName: string;
}

const withClient = { mission: missions, clientName: clients.name };

export async function listMissions(
  database: Database,
  ownerId: string,
  filter: { status?: MissionStatus[]; clientId?: string } = {},
): Promise<MissionWithClient[]> {
  const conditions = [eq(missions.ownerId, ownerId)];
  if (filter.status?.length) conditions.push(inArray(missions.status, filter.status));
  if (filter.clientId) conditions.push(eq(missions.clientId, filter.clientId));
  const rows = await database.db
    .select(withClient)
    .from(missions)
    .innerJoin(clients, eq(clients.id, missions.clientId))
    .where(and(...conditions))
    .orderBy(desc(missions.startDate), asc(missions.title));
  return rows.map((r) => ({ ...r.mission, clientName: r.clientName }));
}

export async function getMission(
  database: Database,
  ownerId: string,
  id: string,
): Promise<MissionWithClient | undefined> {
  const row = await database.db
    .select(withClient)
    .from(missions)
    .innerJoin(clients, eq(clients.id, missions.clientId))
    .where(and(eq(missions.ownerId, ownerId), eq(missions.id, id)))
    .get();
  return row ? { ...row.mission, clientName: row.clientName } : undefined;
}

export function missionColumns(input: MissionInput & { status: MissionStatus }) {
  return {
    clientId: input.clientId,
    leadId: input.leadId ?? null,
    title: input.title,
    dailyRateCents: input.dailyRateCents,
    currency: input.currency,
    startDate: input.startDate,
    plannedEndDate: input.plannedEndDate ?? null,
    endDate: input.endDate ?? null,
    status: input.status,
    source: input.source,
    ratingUrl: input.ratingUrl ?? null,
    paymentTermsDays: input.paymentTermsDays,
    billingMode: input.billingMode,
    vatRate: input.vatRate ?? null,
  };
}

/** The insert as a statement, batched with the events it reports. */
export function insertMissionStatement(
  database: Database,
  row: { id: string; ownerId: string; input: MissionInput & { status: MissionStatus }; now: number },
) {
  return database.db.insert(missions).values({
    id: row.id,
    ownerId: row.ownerId,
    ...missionColumns(row.input),
    createdAt: row.now,
    updatedAt: row.now,
  });
}

/** The update as a statement, batched with what follows it (workflow starts, events). */
export function updateMissionStatement(
  database: Database,
  ownerId: string,
  id: string,
  input: MissionInput & { status: MissionStatus },
  now: number,
  /** undefined leaves it as it is */
  ratingReceivedAt?: number | null,
) {
  return database.db
    .update(missions)
    .set({
      ...missionColumns(input),
      ...(ratingReceivedAt !== undefined ? { ratingReceivedAt } : {}),
      updatedAt: now,
    })
    .where(and(eq(missions.ownerId, ownerId), eq(missions.id, id)));
}

/** The stored mission in the input's shape, so PATCH can merge a partial body over it. */
export function missionAsInput(m: MissionRow): Record<string, unknown> {
  return {
    clientId: m.clientId,
    title: m.title,
    dailyRateCents: m.dailyRateCents,
    currency: m.currency,
    startDate: m.startDate,
    plannedEndDate: m.plannedEndDate,
    endDate: m.endDate,
    status: m.status,
    source: m.source,
    ratingUrl: m.ratingUrl,
    paymentTermsDays: m.paymentTermsDays,
    billingMode: m.billingMode,
    vatRate: m.vatRate,
    leadId: m.leadId,
  };
}

export function missionJson(m: MissionWithClient) {
  return {
    id: m.id,
    clientId: m.clientId,
    clientName: m.clientName,
    leadId: m.leadId,
    title: m.title,
    dailyRateCents: m.dailyRateCents,
    currency: m.currency,
    startDate: m.startDate,
    plannedEndDate: m.plannedEndDate,
    endDate: m.endDate,
    status: m.status,
    source: m.source,
    ratingUrl: m.ratingUrl,
    ratingReceived: m.ratingReceivedAt !== null,
    ratingReceivedAt: m.ratingReceivedAt === null ? null : new Date(m.ratingReceivedAt).toISOString(),
    paymentTermsDays: m.paymentTermsDays,
    billingMode: m.billingMode,
    vatRate: m.vatRate,
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
  };
}
