// Application-facing mail: record in the outbox, then try to deliver right away (retries happen on the tick).
import { type AppDeps, mailDomain } from "../deps.ts";
import { type DeliveryDeps, deliverOne, enqueueMail, type OutgoingMail } from "./outbox.ts";

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
