// Cloudflare Workers entry point: the same app over D1; the Cron Trigger runs the scheduler tick.
import type { AnyD1Database } from "drizzle-orm/d1";
import { createApp } from "./app.ts";
import { newId, systemClock } from "./platform/clock.ts";
import { parseConfig } from "./platform/config.ts";
import { openD1 } from "./platform/db/d1.ts";
import type { AppDeps } from "./platform/deps.ts";
import { createLogger } from "./platform/logger.ts";
import { outboxOnlyTransport } from "./platform/mail/outbox-only-transport.ts";
import { tick } from "./platform/tick.ts";

export interface WorkerEnv {
  DB: AnyD1Database;
  [name: string]: unknown;
}

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

function stringVars(env: WorkerEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
}

function buildDeps(env: WorkerEnv, ctx: ExecutionContextLike): AppDeps {
  const config = parseConfig({ ...stringVars(env), DATA_DIR: "/" });
  const logger = createLogger(config.logLevel);
  return {
    config,
    database: openD1(env.DB),
    transport: outboxOnlyTransport(),
    clock: systemClock,
    newId,
    logger,
    runtime: "workerd",
    clientIp: (c) => c.req.header("cf-connecting-ip") ?? "unknown",
    defer: (work) =>
      ctx.waitUntil(work.catch((error) => logger.error("deferred work failed", { error: String(error) }))),
  };
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContextLike): Response | Promise<Response> {
    return createApp(buildDeps(env, ctx)).fetch(request, env, ctx as never);
  },
  async scheduled(_controller: unknown, env: WorkerEnv, ctx: ExecutionContextLike): Promise<void> {
    await tick(buildDeps(env, ctx));
  },
};
