// Workers composition: D1, the mail transport SMTP_URL or MAIL_API_URL asks for, the PDF assets bundled as
// Data modules, and `defer` bound to the event being handled. Built once per isolate by src/worker.ts.
import type { AnyD1Database } from "drizzle-orm/d1";
import { newId, systemClock } from "./clock.ts";
import { type Config, parseConfig } from "./config.ts";
import { openD1 } from "./db/d1.ts";
import type { AppDeps } from "./deps.ts";
import type { AppContext } from "./http/context.ts";
import { createLogger } from "./logger.ts";
import { httpApiTransport } from "./mail/http-api-transport.ts";
import { outboxOnlyTransport } from "./mail/outbox-only-transport.ts";
import type { MailTransport } from "./mail/port.ts";
import { renderMime } from "./mail/worker-mime.ts";
import { workerSmtpTransport } from "./mail/worker-smtp-transport.ts";
import { deferToCurrentEvent } from "./worker-request-scope.ts";

export interface WorkerEnv {
  DB: AnyD1Database;
  [binding: string]: unknown;
}

/** Vars and secrets are the string bindings; DATA_DIR means nothing on Workers. */
export function workerVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === "string") vars[name] = value;
  return { ...vars, DATA_DIR: "/" };
}

export function workerTransport(config: Config): MailTransport {
  if (config.smtpUrl) return workerSmtpTransport(config.smtpUrl);
  if (config.mailApi) return httpApiTransport(config.mailApi, renderMime);
  return outboxOnlyTransport(renderMime);
}

function workerClientIp(c: AppContext): string {
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

export function createWorkerDeps(env: WorkerEnv): AppDeps {
  const config = parseConfig(workerVars(env));
  const logger = createLogger(config.logLevel);
  return {
    config,
    database: openD1(env.DB),
    transport: workerTransport(config),
    clock: systemClock,
    newId,
    logger,
    runtime: "workerd",
    clientIp: workerClientIp,
    defer: deferToCurrentEvent(logger),
    // Loaded on the first PDF, so the fonts are not touched by requests that never render one.
    pdfAssets: () => import("./worker-pdf-assets.ts").then((module) => module.workerPdfAssets()),
  };
}
