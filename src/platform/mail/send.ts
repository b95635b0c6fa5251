// Application-facing mail: record in the outbox, then deliver (retries happen on the tick). Background work
// delivers before it goes on; a request delivers after its response.
import { type AppDeps, mailDomain } from "../deps.ts";
import { type DeliveryDeps, deliverOne, enqueueMail, type OutgoingMail, outboxInsert } from "./outbox.ts";

export function deliveryDeps(deps: AppDeps): DeliveryDeps {
  return {
    database: deps.database,
    clock: deps.clock,
    newId: deps.newId,
    mailDomain: mailDomain(deps.config),
    transport: deps.transport,
    mailFrom: deps.config.mailFrom,
    logger: deps.logger,
    leaseMs: deps.config.leaseMs,
  };
}

/** Queues the email and delivers it now; a delivery failure is kept for retry and never fails the caller. */
export async function sendMail(deps: AppDeps, mail: OutgoingMail): Promise<{ id: string; created: boolean }> {
  const d = deliveryDeps(deps);
  const queued = await enqueueMail(d, mail);
  if (queued.created)
    await deliverOne(d, queued.id).catch((e) => deps.logger.error("mail", { error: String(e) }));
  return queued;
}

/**
 * Records the emails in one batch, each under its idempotency key, and delivers the new ones after the
 * response (deps.defer): a visitor never waits for a mail server. Should the process stop first, they are
 * in the outbox and the tick delivers them; the claim in deliverOne keeps that to once.
 */
export async function queueMails(deps: AppDeps, mails: OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  const d = deliveryDeps(deps);
  const ids = mails.map(() => deps.newId());
  const results = await deps.database.batch(mails.map((mail, i) => outboxInsert(d, mail, ids[i])));
  // An email already recorded under its key is someone else's to deliver.
  const created = ids.filter((_, i) => (results[i]?.changes ?? 0) > 0);
  if (created.length > 0) deps.defer(deliverInLane(d, created));
}

/**
 * Emails queued by requests, delivered one at a time per database, in the order they were recorded: a
 * burst of bookings is answered first and its emails follow, instead of every request's deliveries
 * competing with the requests (and opening mail connections) at once.
 */
interface Lane {
  ids: string[];
  draining: Promise<void> | null;
}

const lanes = new WeakMap<DeliveryDeps["database"], Lane>();

/** Resolves once the lane is empty again, so these emails included. */
function deliverInLane(deps: DeliveryDeps, ids: string[]): Promise<void> {
  let lane = lanes.get(deps.database);
  if (!lane) {
    lane = { ids: [], draining: null };
    lanes.set(deps.database, lane);
  }
  lane.ids.push(...ids);
  lane.draining ??= drain(deps, lane);
  return lane.draining;
}

async function drain(deps: DeliveryDeps, lane: Lane): Promise<void> {
  try {
    for (let id = lane.ids.shift(); id !== undefined; id = lane.ids.shift())
      await deliverOne(deps, id).catch((e) => deps.logger.error("mail", { outboxId: id, error: String(e) }));
  } finally {
    lane.draining = null;
  }
}
