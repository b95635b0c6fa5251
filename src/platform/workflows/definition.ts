// How a workflow is written: named steps and waits over a context; the engine journals every outcome.
import type { AppDeps } from "../deps.ts";
import type { OutgoingMail } from "../mail/outbox.ts";

export interface WorkflowContext<I> {
  readonly runId: string;
  readonly ownerId: string;
  readonly input: I;
  /** The tick's time. Read it inside steps so decisions are journaled and replays stay deterministic. */
  now(): number;
  /** Runs fn once; afterwards its journaled result is returned without running it again. */
  step<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
  /**
   * Records the email in the outbox in the same atomic write that completes the step, so a crash never
   * sends it twice nor loses it. build() returning null completes the step without an email (e.g. skipped).
   */
  sendEmail(
    name: string,
    build: () => Promise<Omit<OutgoingMail, "ownerId" | "idempotencyKey" | "workflowRunId"> | null>,
  ): Promise<{ sent: boolean }>;
  /** Suspends the run until the instant (returns at once when it has passed). */
  sleepUntil(name: string, at: number): Promise<void>;
  /** Suspends until the event (name + key) is emitted, or until timeoutAt; returns its payload or null. */
  waitForEvent<T = Record<string, unknown>>(
    name: string,
    event: { name: string; key: string },
    options: { timeoutAt: number },
  ): Promise<T | null>;
}

export interface ScheduledStart {
  ownerId: string;
  /** Unique per period (e.g. `${missionId}:2027-03`): starting the same key again is ignored. */
  key: string;
  input: Record<string, unknown>;
}

export interface WorkflowDefinition<I = Record<string, unknown>> {
  readonly name: string;
  /** What the dashboard shows. */
  readonly title: { fr: string; en: string };
  run(ctx: WorkflowContext<I>, deps: AppDeps): Promise<void>;
  /**
   * For workflows started by the calendar rather than by a domain event: called on every tick with the tick's time,
   * returns the runs that should exist by now. Keys make it idempotent, so a late tick catches up once.
   */
  scheduledStarts?(deps: AppDeps, nowMs: number): Promise<ScheduledStart[]>;
}

/** Thrown inside run() to suspend; never caught by workflow code. */
export class Suspend extends Error {
  readonly wakeAt: number;
  readonly waitingOn: string;
  /** The event waited for, so the suspension itself can see one emitted since the run looked. */
  readonly event: { name: string; key: string } | undefined;
  constructor(wakeAt: number, waitingOn: string, event?: { name: string; key: string }) {
    super(`suspended on ${waitingOn}`);
    this.wakeAt = wakeAt;
    this.waitingOn = waitingOn;
    this.event = event;
  }
}

/** The run lost its lease (another scheduler took over after expiry) or was cancelled: stop quietly. */
export class LeaseLost extends Error {}

export function defineWorkflow<I>(definition: WorkflowDefinition<I>): WorkflowDefinition<I> {
  return definition;
}
