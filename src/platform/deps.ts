// What the application needs from its runtime. Built once per composition root (main.ts, worker.ts, tests).
import type { PdfAssets } from "../invoicing/pdf/assets.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { AppContext } from "./http/context.ts";
import type { Logger } from "./logger.ts";
import type { OutgoingMail } from "./mail/outbox.ts";
import type { MailTransport } from "./mail/port.ts";

export interface AppDeps {
  config: Config;
  database: Database;
  transport: MailTransport;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  runtime: "node" | "workerd";
  /** The client's address as this runtime knows it (socket on Node, CF-Connecting-IP on Workers). */
  clientIp: (c: AppContext) => string;
  /** Runs work after the response (waitUntil on Workers, a detached promise on Node). */
  defer: (work: Promise<unknown>) => void;
  /** The fonts and ICC profile for Factur-X PDFs; unset on Node, where they are read from disk on first use. */
  pdfAssets?: () => Promise<PdfAssets>;
}

export function mailDomain(config: Config): string {
  return new URL(config.baseUrl).hostname || "localhost";
}

export type { OutgoingMail };
