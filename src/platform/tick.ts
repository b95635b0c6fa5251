// One tick runs everything that is due: the scheduler (node-cron, Cron Trigger) and `creneau tick` call it.
import { WORKFLOWS } from "../../workflows/index.ts";
import { type CalendarWorkReport, retryBookingEvents } from "../calendars/calendar-work.ts";
import { CALENDAR_SYNC, startMissingSyncChains } from "../calendars/sync-runs.ts";
import { sendDueDeclineEmails } from "../leads/decline.ts";
import { startDueMissions } from "../missions/start-due-missions.ts";
import { deliverDueWebhooks, type WebhookReport } from "../webhooks/deliver.ts";
import type { AppDeps } from "./deps.ts";
import { errorFields } from "./logger.ts";
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
  leadDeclines: { sent: number };
  /** planned missions whose start date arrived, now active */
  missions: { started: number };
  mail: { sent: number; failed: number; retrying: number };
  webhooks: WebhookReport;
}

/**
 * A name for this process in leases, so two schedulers on one database never run the same step. Drawn on first
 * use: Workers refuse random values at module scope, and the Worker would not start.
 */
let workerName: string | undefined;
function thisWorker(): string {
  workerName ??= `worker-${crypto.randomUUID().slice(0, 8)}`;
  return workerName;
}

/**
 * With `ownerId` (POST /api/workflows/tick: an API key belongs to one owner) only that owner's due work runs
 * and the report counts only it; the scheduler and `creneau tick` run the whole deployment's.
 */
export async function tick(
  deps: AppDeps,
  workflows: WorkflowRegistry = WORKFLOWS,
  worker = thisWorker(),
  scope: { ownerId?: string } = {},
): Promise<TickReport> {
  const { ownerId } = scope;
  // Each part is guarded: one failing (a database hiccup in calendar sync) never stops the others.
  const guarded = async <T>(part: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      deps.logger.error("tick part failed", { part, ...errorFields(error) });
      return fallback;
    }
  };
  await guarded("scheduled-starts", () => startScheduledRuns(deps, workflows, ownerId), 0);
  const missions = await guarded("mission-starts", () => startDueMissions(deps, ownerId), { started: 0 });
  // Connections left without a calendar-sync chain (made before the workflow, reconnected) get one.
  const syncChainsStarted = workflows.get(CALENDAR_SYNC)
    ? await guarded("calendar-sync-starts", () => startMissingSyncChains(deps, ownerId), 0)
    : 0;
  const runs = await guarded(
    "workflows",
    () => runDueWorkflows(deps, workflows, { worker, ...(ownerId ? { ownerId } : {}) }),
    EMPTY_RUNS,
  );
  const bookingEvents = await guarded("calendar-booking-events", () => retryBookingEvents(deps, ownerId), 0);
  const calendars: CalendarWorkReport = { syncChainsStarted, bookingEvents };
  const declines = await guarded("lead-declines", () => sendDueDeclineEmails(deps, ownerId), { sent: 0 });
  // Emails recorded above go out in the same tick.
  const mail = await guarded("mail", () => deliverDue(deliveryDeps(deps), undefined, ownerId), {
    sent: 0,
    failed: 0,
    retrying: 0,
  });
  const webhooks = await guarded("webhooks", () => deliverDueWebhooks(deps, ownerId ? { ownerId } : {}), {
    claimed: 0,
    delivered: 0,
    retrying: 0,
    failed: 0,
    disabledEndpoints: 0,
  });
  return {
    at: new Date(deps.clock.now()).toISOString(),
    workflows: runs,
    calendars,
    leadDeclines: declines,
    missions,
    mail,
    webhooks,
  };
}

const EMPTY_RUNS: RunDueReport = { claimed: 0, completed: 0, waiting: 0, failed: 0, lost: 0 };
