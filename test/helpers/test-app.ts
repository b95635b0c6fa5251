// An app on a fresh in-memory SQLite database with a manual clock, driven through app.request() (no server).
import { createApp } from "../../src/app.ts";
import { ManualClock, newId } from "../../src/platform/clock.ts";
import { type Config, parseConfig } from "../../src/platform/config.ts";
import { openSqlite, type SqliteDatabase } from "../../src/platform/db/sqlite.ts";
import type { AppDeps } from "../../src/platform/deps.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { MailMessage, MailTransport } from "../../src/platform/mail/port.ts";

export interface CapturingTransport extends MailTransport {
  sent: MailMessage[];
  failNext: number;
}

/** Records messages in memory; for tests about the app, not about SMTP (those use a real SMTP server). */
export function capturingTransport(): CapturingTransport {
  const transport: CapturingTransport = {
    name: "memory",
    sent: [],
    failNext: 0,
    async send(message) {
      if (transport.failNext > 0) {
        transport.failNext--;
        throw new Error("421 try again later");
      }
      transport.sent.push(message);
    },
    async render(message) {
      return `Subject: ${message.subject}\r\n\r\n${message.text}`;
    },
  };
  return transport;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps & { database: SqliteDatabase };
  clock: ManualClock;
  config: Config;
  /** Waits for the work requests left to run after their response (emails delivered after a booking…). */
  settle(): Promise<void>;
}

export function createTestApp(
  options: {
    env?: Record<string, string>;
    transport?: MailTransport;
    now?: string;
    database?: SqliteDatabase;
  } = {},
): TestApp {
  const config = parseConfig({
    SECRET_KEY: "test-secret-key-0123456789abcdef0123456789",
    BASE_URL: "http://localhost:3000",
    DATA_DIR: "/tmp/creneau-test-unused",
    ...options.env,
  });
  const clock = new ManualClock(options.now ?? "2027-03-01T09:00:00Z");
  const deferred = new Set<Promise<unknown>>();
  const deps = {
    config,
    database: options.database ?? openSqlite(":memory:"),
    transport: options.transport ?? capturingTransport(),
    clock,
    newId,
    logger: createLogger("silent"),
    runtime: "node" as const,
    clientIp: () => "203.0.113.7",
    // As on Node the work runs on its own; settle() waits for it and throws its failure.
    defer: (work: Promise<unknown>) => {
      const tracked = work.finally(() => deferred.delete(tracked));
      deferred.add(tracked);
    },
  };
  const settle = async () => {
    // Deferred work may defer more: wait until none is left.
    while (deferred.size > 0) await Promise.all([...deferred]);
  };
  return { app: createApp(deps), deps, clock, config, settle };
}
