// One tick runs everything that is due: the scheduler (node-cron, Cron Trigger) and `creneau tick` call it.
import type { AppDeps } from "./deps.ts";
import { deliverDue } from "./mail/outbox.ts";
import { deliveryDeps } from "./mail/send.ts";

export interface TickReport {
  at: string;
  mail: { sent: number; failed: number; retrying: number };
}

export async function tick(deps: AppDeps): Promise<TickReport> {
  const mail = await deliverDue(deliveryDeps(deps));
  return { at: new Date(deps.clock.now()).toISOString(), mail };
}
