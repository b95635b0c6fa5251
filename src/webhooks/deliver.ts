// Delivers what is due: a few workers each claim one delivery at a time (a claim is one guarded statement),
// send it, and record the outcome. Deliveries of one resource to one endpoint are never in flight together
// (only the oldest unfinished one is "pending"), so they arrive in order; different resources go in parallel.
import { sql } from "drizzle-orm";
import type { AppDeps } from "../platform/deps.ts";
import { errorFields } from "../platform/logger.ts";
import { decryptSecret } from "../platform/security/encryption.ts";
import {
  type ClaimedDelivery,
  claimDue,
  loadForSending,
  type Outcome,
  recordOutcome,
  releaseExpiredLeases,
} from "./delivery-store.ts";
import { notifyEndpointDisabled } from "./disabled-notice.ts";
import { afterFailure, isSuccessStatus, shouldDisable } from "./retry-policy.ts";
import { type SendResult, sendWebhook } from "./send-request.ts";

export interface WebhookReport {
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
}

const WORKER = `webhooks-${crypto.randomUUID().slice(0, 8)}`;

export async function deliverDueWebhooks(
  deps: AppDeps,
  options: DeliverOptions = {},
): Promise<WebhookReport> {
  const worker = options.worker ?? WORKER;
  const limit = options.limit ?? 2000;
  const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0, disabledEndpoints: 0 };
  await releaseExpiredLeases(deps.database, deps.clock.now());
  let claimed = 0;
  const run = async () => {
    while (claimed < limit) {
      const delivery = await claimDue(deps.database, worker, deps.clock.now(), deps.config.leaseMs);
      if (!delivery) return;
      claimed++;
      try {
        await deliverClaimed(deps, delivery, worker, report);
      } catch (error) {
        // The lease runs out and another pass retries it; the other deliveries go on.
        deps.logger.error("webhook delivery crashed", { deliveryId: delivery.id, ...errorFields(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, run));
  return report;
}

async function deliverClaimed(
  deps: AppDeps,
  claimed: ClaimedDelivery,
  worker: string,
  report: WebhookReport,
): Promise<void> {
  const d = await loadForSending(deps.database, claimed);
  if (!d) return;
  const startedAt = deps.clock.now();
  let result: SendResult;
  try {
    const secret = decryptSecret(deps.config.secretKey, d.sealedSecret, d.endpointId);
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
  const now = deps.clock.now();
  const outcome = await decide(deps, d.endpointId, d, result, now);
  const { recorded, disabled } = await recordOutcome(
    deps.database,
    d,
    worker,
    { attemptId: deps.newId(), startedAt, ...result },
    outcome,
    now,
  );
  if (!recorded) return;
  if (outcome.kind === "succeeded") report.delivered++;
  else if (outcome.kind === "retry") report.retrying++;
  else report.failed++;
  if (disabled) {
    report.disabledEndpoints++;
    await notifyEndpointDisabled(deps, d.ownerId, d.endpointId).catch((error) =>
      deps.logger.error("webhook disabled notice failed", errorFields(error)),
    );
  }
}

async function decide(
  deps: AppDeps,
  endpointId: string,
  d: ClaimedDelivery,
  result: SendResult,
  now: number,
): Promise<Outcome> {
  if (result.statusCode !== null && isSuccessStatus(result.statusCode) && !result.error)
    return { kind: "succeeded" };
  const rows = await deps.database.all<{ failing_since: number | null }>(
    sql`SELECT failing_since FROM webhook_endpoints WHERE id = ${endpointId}`,
  );
  const failingSince = rows[0]?.failing_since ?? now;
  if (shouldDisable(failingSince, now))
    return { kind: "disable", reason: `every attempt failed for 3 days (last: ${describe(result)})` };
  const next = afterFailure(d.attempts, d.firstAttemptAt, now);
  return next.kind === "retry" ? { kind: "retry", at: next.at } : { kind: "failed" };
}

function describe(result: SendResult): string {
  return result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? "no answer");
}
