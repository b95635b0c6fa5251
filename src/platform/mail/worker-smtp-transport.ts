// SMTP from a Worker: Cloudflare's TCP sockets through worker-mailer, configured by the same SMTP_URL as
// on Node (smtp:// with STARTTLS when the server offers it, smtps:// for implicit TLS).
import { LogLevel, WorkerMailer, type WorkerMailerOptions } from "worker-mailer";
import { type MailTransport, PermanentMailError } from "./port.ts";
import { renderMime, toEmailOptions } from "./worker-mime.ts";

const TIMEOUT_MS = 20_000;

export function smtpOptions(smtpUrl: string): WorkerMailerOptions {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const username = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    startTls: !secure,
    ...(username
      ? {
          credentials: { username, password: decodeURIComponent(url.password) },
          authType: ["plain", "login", "cram-md5"],
        }
      : {}),
    logLevel: LogLevel.NONE,
    socketTimeoutMs: TIMEOUT_MS,
    responseTimeoutMs: TIMEOUT_MS,
  };
}

/** worker-mailer puts the server's reply in its messages: a 5xx reply will not change on retry. */
export function isPermanentSmtpFailure(message: string): boolean {
  return /(?:^|\s)5\d\d(?:[\s.-]|$)/.test(message);
}

export function workerSmtpTransport(smtpUrl: string): MailTransport {
  const options = smtpOptions(smtpUrl);
  return {
    name: "smtp",
    async send(message) {
      try {
        await WorkerMailer.send(options, toEmailOptions(message));
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (isPermanentSmtpFailure(text)) throw new PermanentMailError(text);
        throw error;
      }
    },
    render: renderMime,
  };
}
