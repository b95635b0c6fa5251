// Node composition: SQLite file in DATA_DIR, SMTP or .eml files, system clock.
import path from "node:path";
import { newId, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { databaseFile, openSqlite, type SqliteDatabase } from "./db/sqlite.ts";
import type { AppDeps } from "./deps.ts";
import type { AppContext } from "./http/context.ts";
import { createLogger, type Logger } from "./logger.ts";
import { fileTransport, smtpTransport } from "./mail/nodemailer-transport.ts";

export interface NodeDeps extends AppDeps {
  database: SqliteDatabase;
}

function nodeClientIp(c: AppContext): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

export function createNodeDeps(
  config: Config,
  options: { logger?: Logger; database?: SqliteDatabase } = {},
): NodeDeps {
  const logger = options.logger ?? createLogger(config.logLevel);
  return {
    config,
    database: options.database ?? openSqlite(databaseFile(config.dataDir)),
    transport: config.smtpUrl
      ? smtpTransport(config.smtpUrl)
      : fileTransport(path.join(config.dataDir, "outbox")),
    clock: systemClock,
    newId,
    logger,
    runtime: "node",
    clientIp: nodeClientIp,
    defer: (work) => {
      work.catch((error) => logger.error("deferred work failed", { error: String(error) }));
    },
  };
}
