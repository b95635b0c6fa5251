// Node composition: SQLite file in DATA_DIR, SMTP, a mail API or .eml files, system clock.
import path from "node:path";
import { newId, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { databaseFile, openSqlite, type SqliteDatabase } from "./db/sqlite.ts";
import type { AppDeps } from "./deps.ts";
import type { AppContext } from "./http/context.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { MailTransport } from "./mail/port.ts";

export interface NodeDeps extends AppDeps {
  database: SqliteDatabase;
}

function nodeClientIp(c: AppContext): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

async function nodeTransport(config: Config): Promise<MailTransport> {
  const { fileTransport, smtpTransport } = await import("./mail/nodemailer-transport.ts");
  if (config.smtpUrl) return smtpTransport(config.smtpUrl);
  const files = fileTransport(path.join(config.dataDir, "outbox"));
  // The raw view shows nodemailer's rendering of the message, whatever carries it.
  if (config.mailApi)
    return (await import("./mail/http-api-transport.ts")).httpApiTransport(config.mailApi, files.render);
  return files;
}

/** The transport, built on its first use: an idle server never loads nodemailer. */
function lazyTransport(config: Config): MailTransport {
  let loading: Promise<MailTransport> | undefined;
  const transport = () => {
    loading ??= nodeTransport(config).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    name: config.smtpUrl ? "smtp" : config.mailApi ? "mail-api" : "files",
    send: async (message, options) => (await transport()).send(message, options),
    render: async (message) => (await transport()).render(message),
  };
}

export function createNodeDeps(
  config: Config,
  options: { logger?: Logger; database?: SqliteDatabase } = {},
): NodeDeps {
  const logger = options.logger ?? createLogger(config.logLevel);
  return {
    config,
    database: options.database ?? openSqlite(databaseFile(config.dataDir)),
    transport: lazyTransport(config),
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
