// "Send the unsent emails": the owner's action (dashboard and API) once a mail transport is configured.
// Never automatic: each email's worth is decided first (unsent-fate.ts), so an old "your call is in
// 30 minutes" is marked expired instead of going out days late.
import type { AppDeps } from "../deps.ts";
import { AppError } from "../http/problems.ts";
import { canDeliver, NO_TRANSPORT_MESSAGE } from "./outbox-only-transport.ts";
import { deliverSoon } from "./send.ts";
import { unsentFate } from "./unsent-fate.ts";
import { loadUnsent, settleUnsent } from "./unsent-store.ts";

export interface ResendReport {
  requeued: number;
  expired: number;
}

/** Emails decided per call; a larger backlog takes several passes of the same call. */
const PER_PASS = 200;
const MAX_PASSES = 25;

export async function resendUnsent(deps: AppDeps, ownerId: string): Promise<ResendReport> {
  if (!canDeliver(deps.transport))
    throw new AppError("conflict", {
      title: "No mail transport",
      detail: `${NO_TRANSPORT_MESSAGE} Unsent emails stay as they are until one is configured.`,
    });
  const report: ResendReport = { requeued: 0, expired: 0 };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const now = deps.clock.now();
    const rows = await loadUnsent(deps.database, ownerId, PER_PASS);
    if (rows.length === 0) break;
    const requeue: string[] = [];
    const expired: { id: string; reason: string }[] = [];
    for (const row of rows) {
      const decided = unsentFate(row, now);
      if (decided.fate === "requeue") requeue.push(row.id);
      else expired.push({ id: row.id, reason: decided.reason });
    }
    const settled = await settleUnsent(deps.database, ownerId, { requeue, expired }, now);
    report.requeued += settled.requeued;
    report.expired += settled.expired;
    // Oldest first, as they were written: a booking's confirmation goes before its cancellation. Should the
    // process stop first, they are queued and the tick sends them; deliverOne's claim keeps that to once.
    deliverSoon(deps, requeue);
    if (rows.length < PER_PASS) break;
  }
  return report;
}
