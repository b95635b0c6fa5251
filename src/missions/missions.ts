// Mission use cases: create (for one of the owner's clients), change (status, end date…), and the
// invoices a platform issued in the owner's name for a mission billed through it.

import { and, asc, eq, sql } from "drizzle-orm";
import * as z from "zod";
import { isUniqueViolation } from "../platform/db/database.ts";
import { externalInvoices } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { missionStatusEvents } from "../webhooks/payloads.ts";
import { getClient } from "./client-store.ts";
import {
  type MissionInput,
  missionInputSchema,
  missionPatchSchema,
  plainDateSchema,
} from "./mission-input.ts";
import {
  getMission,
  insertMissionStatement,
  type MissionStatus,
  type MissionWithClient,
  missionAsInput,
  missionColumns,
  updateMissionStatement,
} from "./mission-store.ts";
import { missionChangeStatements } from "./mission-workflows.ts";
import { dateInZone } from "./plain-date.ts";

async function checkClient(deps: AppDeps, ownerId: string, clientId: string): Promise<void> {
  if (!(await getClient(deps.database, ownerId, clientId)))
    throw new AppError("validation", {
      errors: [{ path: "clientId", message: "is not one of your clients" }],
    });
}

/** Without a status: planned until it starts, active from its first day. Ending it dates it. */
function withStatus(input: MissionInput, today: string): MissionInput & { status: MissionStatus } {
  const status = input.status ?? (input.startDate > today ? "planned" : "active");
  const endDate =
    input.endDate ?? (status === "ended" ? (today < input.startDate ? input.startDate : today) : undefined);
  return { ...input, status, ...(endDate ? { endDate } : {}) };
}

export async function createMission(
  deps: AppDeps,
  owner: CurrentOwner,
  body: unknown,
): Promise<MissionWithClient> {
  const input = validate(missionInputSchema, body);
  await checkClient(deps, owner.id, input.clientId);
  const id = deps.newId();
  const now = deps.clock.now();
  const row = { id, ownerId: owner.id, input: withStatus(input, dateInZone(now, owner.timeZone)), now };
  const events = webhookEventsForBatch(
    deps,
    missionStatusEvents(null, { id, ownerId: owner.id, ...missionColumns(row.input) }),
  );
  events.afterBatch(
    await deps.database.batch([insertMissionStatement(deps.database, row), ...events.statements]),
  );
  return (await getMission(deps.database, owner.id, id))!;
}

/** undefined: unchanged; marking it received twice keeps the first date. */
function ratingReceivedAtAfter(received: boolean | undefined, before: number | null, now: number) {
  if (received === undefined) return undefined;
  return received ? (before ?? now) : null;
}

export async function patchMission(
  deps: AppDeps,
  owner: CurrentOwner,
  existing: MissionWithClient,
  body: unknown,
): Promise<MissionWithClient> {
  const patch = validate(missionPatchSchema, body);
  const merged = validate(missionInputSchema, { ...missionAsInput(existing), ...patch });
  if (merged.clientId !== existing.clientId) await checkClient(deps, owner.id, merged.clientId);
  const now = deps.clock.now();
  // A planned mission stays planned only while its start date is ahead (the tick starts it on the day).
  const replanned = existing.status === "planned" && patch.status === undefined;
  const next = withStatus(
    replanned ? { ...merged, status: undefined } : merged,
    dateInZone(now, owner.timeZone),
  );
  const ratingReceivedAt = ratingReceivedAtAfter(patch.ratingReceived, existing.ratingReceivedAt, now);
  // The workflows the change starts or stops, and its events, are in the same batch as the change itself.
  const events = webhookEventsForBatch(
    deps,
    missionStatusEvents(existing, { ...missionColumns(next), id: existing.id, ownerId: owner.id }),
    sql`EXISTS (SELECT 1 FROM missions WHERE id = ${existing.id} AND status = ${next.status} AND updated_at = ${now})`,
  );
  const results = await deps.database.batch([
    updateMissionStatement(deps.database, owner.id, existing.id, next, now, ratingReceivedAt),
    ...missionChangeStatements(
      deps,
      existing,
      { ...next, id: existing.id, ownerId: owner.id, endDate: next.endDate ?? null },
      existing.ratingReceivedAt === null && ratingReceivedAt !== undefined && ratingReceivedAt !== null,
    ),
    ...events.statements,
  ]);
  events.afterBatch(results);
  return (await getMission(deps.database, owner.id, existing.id))!;
}

export const externalInvoiceSchema = z.object({
  platform: z.string().trim().min(1).max(50).optional(),
  number: z.string().trim().min(1, "is required").max(100),
  issueDate: plainDateSchema,
  amountCents: z.int("must be a whole number of cents").min(1, "must be more than 0"),
});

export type ExternalInvoiceRow = typeof externalInvoices.$inferSelect;

export async function recordExternalInvoice(
  deps: AppDeps,
  ownerId: string,
  mission: MissionWithClient,
  body: unknown,
): Promise<ExternalInvoiceRow> {
  const input = validate(externalInvoiceSchema, body);
  if (mission.billingMode !== "platform")
    throw new AppError("validation", {
      detail:
        "Only a mission billed through its platform (billingMode platform) has platform invoices: invoice the others with POST /api/invoices.",
      errors: [{ path: "billingMode", message: `is ${mission.billingMode}, not platform` }],
    });
  const row = {
    id: deps.newId(),
    ownerId,
    missionId: mission.id,
    platform: input.platform ?? mission.source,
    number: input.number,
    issueDate: input.issueDate,
    amountCents: input.amountCents,
    createdAt: deps.clock.now(),
  };
  try {
    await deps.database.db.insert(externalInvoices).values(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("already_exists", {
        detail: `${row.platform} invoice ${row.number} is already recorded.`,
        errors: [{ path: "number", message: "is already recorded" }],
      });
    throw error;
  }
  return row;
}

export async function listExternalInvoices(deps: AppDeps, ownerId: string, missionId: string) {
  return deps.database.db
    .select()
    .from(externalInvoices)
    .where(and(eq(externalInvoices.ownerId, ownerId), eq(externalInvoices.missionId, missionId)))
    .orderBy(asc(externalInvoices.issueDate), asc(externalInvoices.number));
}

export function externalInvoiceJson(e: ExternalInvoiceRow) {
  return {
    id: e.id,
    missionId: e.missionId,
    platform: e.platform,
    number: e.number,
    issueDate: e.issueDate,
    amountCents: e.amountCents,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}
