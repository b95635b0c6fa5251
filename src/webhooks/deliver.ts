// Delivers what is due. Deliveries are claimed a few dozen at a time (one guarded statement), sent by a small
// pool of concurrent requests, and their outcomes recorded in batches: the database sees a handful of writes
// per batch rather than several per delivery. Only the oldest unfinished delivery of a resource to an endpoint
// can be claimed, so those arrive in order; different resources and endpoints go in parallel.
import { sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { errorFields } from "../platform/logger.ts";
import { decryptSecret } from "../platform/security/encryption.ts";
import {
  claimDue,
  type DeliveryToSend,
  type Outcome,
  type RecordedOutcome,
  recordOutcomes,
  releaseExpiredLeases,
} from "./delivery-store.ts";
import { notifyEndpointDisabled } from "./disabled-notice.ts";
import { pruneWebhookLog } from "./prune.ts";
import { afterFailure, isSuccessStatus, shouldDisable } from "./retry-policy.ts";
import { type SendResult, sendWebhook } from "./send-request.ts";

export interface WebhookReport {
  /** deliveries taken in this pass (it stops at its limit; what remains waits for the next one) */
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  disabledEndpoints: number;
}

export interface DeliverOptions {
  /** requests in flight at once */
  concurrency?: number;
  /** stop claiming after this many (a tick must end) */
  limit?: number;
  worker?: string;
  /** only this owner's deliveries (an owner's own tick through the API) */
  ownerId?: string;
}

// Drawn on first use: Workers refuse random values at module scope, and the Worker would not start.
let workerName: string | undefined;
function thisWorker(): string {
  workerName ??= `webhooks-${crypto.randomUUID().slice(0, 8)}`;
  return workerName;
}
/**
 * Outcomes are written together once this many are waiting, once the oldest has waited this long, or when
 * the pool runs dry: fewer, larger commits (rows of one batch share their index pages), while an outcome
 * never sits unwritten long enough for its lease to run out.
 */
const FLUSH_EVERY = 128;
const FLUSH_AFTER_MS = 500;

/**
 * Delivers what is due, pass after pass: finishing a delivery lets the next one of its resource through, so
 * a pass that delivered something is followed by another, until nothing is due or the limit is reached.
 */
export async function deliverDueWebhooks(
  deps: AppDeps,
  options: DeliverOptions = {},
): Promise<WebhookReport> {
  const limit = options.limit ?? 2000;
  const total: WebhookReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0, disabledEndpoints: 0 };
  await releaseExpiredLeases(deps.database, deps.clock.now(), options.ownerId);
  // Housekeeping of the whole log belongs to the deployment's tick, not to one owner's.
  if (!options.ownerId) await pruneWebhookLog(deps.database, deps.clock.now());
  for (;;) {
    const pass = await onePass(deps, { ...options, limit: limit - total.claimed });
    for (const key of Object.keys(total) as (keyof WebhookReport)[]) total[key] += pass[key];
    if (pass.claimed === 0 || total.claimed >= limit) return total;
  }
}

/** One pass: claims until nothing more is due right now; what it finishes is picked up by the next pass. */
async function onePass(deps: AppDeps, options: DeliverOptions & { limit: number }): Promise<WebhookReport> {
  const worker = options.worker ?? thisWorker();
  const limit = options.limit;
  const concurrency = options.concurrency ?? 16;
  const report: WebhookReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0, disabledEndpoints: 0 };
  const secrets = new Map<string, string>();
  const queue: DeliveryToSend[] = [];
  let drained = false;
  let refilling: Promise<void> | null = null;
  let buffer: RecordedOutcome[] = [];
  let bufferSince = 0;

  const refill = () => {
    refilling ??= (async () => {
      const room = Math.min(concurrency * 4, limit - report.claimed);
      const batch =
        room > 0
          ? await claimDue(
              deps.database,
              worker,
              deps.clock.now(),
              deps.config.leaseMs,
              room,
              options.ownerId,
            )
          : [];
      if (batch.length === 0) drained = true;
      report.claimed += batch.length;
      queue.push(...batch);
    })().finally(() => {
      refilling = null;
    });
    return refilling;
  };

  const flush = async () => {
    const outcomes = buffer;
    buffer = [];
    bufferSince = 0;
    if (outcomes.length === 0) return;
    const results = await recordOutcomes(deps.database, worker, outcomes, deps.clock.now());
    for (const [i, { recorded, disabled }] of results.entries()) {
      const { delivery, outcome } = outcomes[i]!;
      if (!recorded) continue;
      if (outcome.kind === "succeeded") report.delivered++;
      else if (outcome.kind === "retry") report.retrying++;
      else report.failed++;
      if (disabled) {
        report.disabledEndpoints++;
        const ownerId = (delivery as DeliveryToSend).ownerId;
        await notifyEndpointDisabled(deps, ownerId, delivery.endpointId).catch((error) =>
          deps.logger.error("webhook disabled notice failed", errorFields(error)),
        );
      }
    }
  };

  const work = async () => {
    for (;;) {
      if (queue.length === 0) {
        if (drained) return;
        // The pool runs dry: write what is waiting first, so the next claim sees the resources it freed.
        await flush();
        await refill();
        continue;
      }
      const delivery = queue.shift()!;
      try {
        // Awaited first: `buffer.push(await …)` would push into the array a concurrent flush just took.
        const outcome = await attempt(deps, delivery, secrets);
        if (buffer.length === 0) bufferSince = performance.now();
        buffer.push(outcome);
      } catch (error) {
        // Its lease runs out and a later pass retries it; the other deliveries go on.
        deps.logger.error("webhook delivery crashed", { deliveryId: delivery.id, ...errorFields(error) });
      }
      if (
        buffer.length >= FLUSH_EVERY ||
        (buffer.length > 0 && performance.now() - bufferSince > FLUSH_AFTER_MS)
      )
        await flush();
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, work));
  } finally {
    await flush();
  }
  return report;
}

async function attempt(
  deps: AppDeps,
  d: DeliveryToSend,
  secrets: Map<string, string>,
): Promise<RecordedOutcome> {
  const startedAt = deps.clock.now();
  let result: SendResult;
  try {
    let secret = secrets.get(d.endpointId);
    if (!secret) {
      secret = decryptSecret(deps.config.secretKey, d.sealedSecret, d.endpointId);
      secrets.set(d.endpointId, secret);
    }
    result = await sendWebhook(
      {
        url: d.url,
        secret,
        body: d.body,
        eventId: d.eventId,
        eventType: d.eventType,
        deliveryId: d.id,
        attempt: d.attempts,
      },
      { allowPrivate: deps.config.allowPrivateTargets, runtime: deps.runtime, now: startedAt },
    );
  } catch (error) {
    result = { statusCode: null, error: String(error), responseExcerpt: null, durationMs: 0 };
  }
  const outcome = await decide(deps, d, result, deps.clock.now());
  return { delivery: d, attempt: { startedAt, ...result }, outcome };
}

async function decide(deps: AppDeps, d: DeliveryToSend, result: SendResult, now: number): Promise<Outcome> {
  if (result.statusCode !== null && isSuccessStatus(result.statusCode) && !result.error)
    return { kind: "succeeded" };
  const [row] = await deps.database.all<{ failing_since: number | null }>(
    sql`SELECT failing_since FROM webhook_endpoints WHERE id = ${d.endpointId}`,
  );
  if (shouldDisable(row?.failing_since ?? now, now))
    return { kind: "disable", reason: `every attempt failed for 3 days (last: ${describe(result)})` };
  const next = afterFailure(d.attempts, d.firstAttemptAt, now);
  return next.kind === "retry" ? { kind: "retry", at: next.at } : { kind: "failed" };
}

function describe(result: SendResult): string {
  return result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? "no answer");
}
