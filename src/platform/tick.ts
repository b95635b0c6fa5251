// One tick runs everything that is due: the scheduler (node-cron, Cron Trigger) and `creneau tick` call it.
import { WORKFLOWS } from "../../workflows/index.ts";
import { type CalendarWorkReport, runCalendarWork } from "../calendars/calendar-work.ts";
import type { AppDeps } from "./deps.ts";
import { deliverDue } from "./mail/outbox.ts";
import { deliveryDeps } from "./mail/send.ts";
import {
  type RunDueReport,
  runDueWorkflows,
  startScheduledRuns,
  type WorkflowRegistry,
} from "./workflows/engine.ts";

export interface TickReport {
  at: string;
  workflows: RunDueReport;
  calendars: CalendarWorkReport;
  mail: { sent: number; failed: number; retrying: number };
}

/** A name for this process in leases, so two schedulers on one database never run the same step. */
const WORKER = `worker-${crypto.randomUUID().slice(0, 8)}`;

export async function tick(
  deps: AppDeps,
  workflows: WorkflowRegistry = WORKFLOWS,
  worker = WORKER,
): Promise<TickReport> {
  await startScheduledRuns(deps, workflows);
  const runs = await runDueWorkflows(deps, workflows, { worker });
  const calendars = await runCalendarWork(deps);
  // Emails the workflows just recorded go out in the same tick.
  const mail = await deliverDue(deliveryDeps(deps));
  return { at: new Date(deps.clock.now()).toISOString(), workflows: runs, calendars, mail };
}
