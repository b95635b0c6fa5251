// The app is built once per isolate, but `waitUntil` belongs to each request (or Cron event). The
// ExecutionContext of the event being handled travels with its async work, so `deps.defer` reaches
// the right one without the app being rebuilt per request.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "./logger.ts";

export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

const current = new AsyncLocalStorage<WaitUntil>();

/** Runs `handle` with `ctx` as the execution context its deferred work is attached to. */
export function withExecutionContext<T>(ctx: WaitUntil, handle: () => T): T {
  return current.run(ctx, handle);
}

/** `AppDeps.defer` for Workers: the work outlives the response through the current event's waitUntil. */
export function deferToCurrentEvent(logger: Logger): (work: Promise<unknown>) => void {
  return (work) => {
    const guarded = work.catch((error: unknown) =>
      logger.error("deferred work failed", { error: String(error) }),
    );
    const ctx = current.getStore();
    if (ctx) ctx.waitUntil(guarded);
    // Outside an event (never in production) the work still runs, it just is not awaited by the runtime.
    else logger.warn("deferred work outside a request: not awaited by the runtime");
  };
}
