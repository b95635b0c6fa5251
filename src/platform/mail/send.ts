// Application-facing mail: record in the outbox, then deliver (retries happen on the tick). Background work
// delivers before it goes on; a request delivers after its response.
import type { SQL } from "drizzle-orm";
import { perDatabase } from "../db/prepared.ts";
import { type AppDeps, mailDomain } from "../deps.ts";
import { type DeliveryDeps, deliverOne, enqueueMail, type OutgoingMail, outboxInsert } from "./outbox.ts";
import { heldOutboxInsert, type Release, releaseHeld } from "./outbox-hold.ts";

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
  deliverSoon(
    deps,
    ids.filter((_, i) => (results[i]?.changes ?? 0) > 0),
  );
}

/**
 * Delivers these recorded emails, in this order, after the response (deps.defer). `released`: held emails
 * this request releases (outbox-hold.ts), taken although their hold has not passed.
 */
export function deliverSoon(deps: AppDeps, ids: string[], { released = false } = {}): void {
  if (ids.length === 0) return;
  const d = deliveryDeps(deps);
  // On Workers a request's I/O can neither outlive it nor serve another request: each delivers its own.
  deps.defer(deps.runtime === "node" ? deliverInLane(d, ids, released) : deliverInOrder(d, ids, released));
}

async function deliverInOrder(deps: DeliveryDeps, ids: string[], released: boolean): Promise<void> {
  for (const id of ids)
    await deliverOne(deps, id, { released }).catch((e) =>
      deps.logger.error("mail", { outboxId: id, error: String(e) }),
    );
}

/**
 * On Node, emails queued by requests are delivered one at a time per database, in the order they were
 * recorded: a burst of bookings is answered first and its emails follow, instead of every request's
 * deliveries competing with the requests (and opening mail connections) at once.
 */
interface Lane {
  queue: { id: string; released: boolean; delivered?: () => void }[];
  draining: boolean;
}

const laneOf = perDatabase((): Lane => ({ queue: [], draining: false }));

/** Resolves once these emails were tried. */
function deliverInLane(deps: DeliveryDeps, ids: string[], released: boolean): Promise<void> {
  const lane = laneOf(deps.database);
  const tried = new Promise<void>((resolve) => {
    lane.queue.push(
      ...ids.map((id, i) => (i === ids.length - 1 ? { id, released, delivered: resolve } : { id, released })),
    );
  });
  if (!lane.draining) void drain(deps, lane);
  return tried;
}

async function drain(deps: DeliveryDeps, lane: Lane): Promise<void> {
  lane.draining = true;
  try {
    for (let item = lane.queue.shift(); item; item = lane.queue.shift()) {
      try {
        await deliverOne(deps, item.id, { released: item.released });
      } catch (error) {
        deps.logger.error("mail", { outboxId: item.id, error: String(error) });
      } finally {
        item.delivered?.();
      }
    }
  } finally {
    lane.draining = false;
  }
}

/** The held inserts of these emails (outbox-hold.ts), for the batch of the change; recorded only if `onlyIf`. */
export function heldMailStatements(deps: AppDeps, mails: OutgoingMail[], onlyIf: SQL): SQL[] {
  const d = deliveryDeps(deps);
  return mails.map((mail) => heldOutboxInsert(d, mail, onlyIf));
}

/** Releases held emails and delivers the ones this call released after the response, like queueMails. */
export async function releaseMails(deps: AppDeps, ownerId: string, releases: Release[]): Promise<void> {
  deliverSoon(deps, await releaseHeld(deliveryDeps(deps), ownerId, releases), { released: true });
}
