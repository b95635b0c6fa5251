// SMTP delivery over nodemailer's SMTPConnection, for two things its sendMail cannot do:
// 1. keep the connection between messages: a tick sends hundreds, and servers commonly pause before their greeting
//    (smtp-server 100 ms, postscreen seconds), so one connection per message caps throughput at a few per second;
// 2. tell the caller the moment before the end-of-data dot, the point after which the server may deliver. The outbox
//    records that moment, so a crash after it is never followed by a second copy (docs/decisions/0006).
import { Readable } from "node:stream";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection, { type SMTPEnvelope } from "nodemailer/lib/smtp-connection";
import { MailOutcomeUnknownError } from "./port.ts";

/** An idle connection is closed after this long; it never keeps the process alive meanwhile. */
const IDLE_CLOSE_MS = 2_000;

export interface SmtpSession {
  /**
   * Sends one message. beforeCommit runs once the server has accepted the envelope and the whole message except
   * its final dot; if it throws, the connection is dropped before the dot, so the server discards the message.
   */
  send(envelope: SMTPEnvelope, raw: Buffer, beforeCommit?: () => Promise<void>): Promise<void>;
  close(): void;
}

interface Attempt {
  error: (Error & { responseCode?: number }) | null;
  /** a byte of the message was read: the connection was usable */
  started: boolean;
  /** the dot may have left */
  committed: boolean;
}

function attempt(
  connection: SMTPConnection,
  envelope: SMTPEnvelope,
  raw: Buffer,
  beforeCommit: (() => Promise<void>) | undefined,
): Promise<Attempt> {
  return new Promise((resolve) => {
    const state: Attempt = { error: null, started: false, committed: false };
    let hookError: Error | null = null;
    // Read only after the server's 354, so the hook runs once the message is all out but its dot.
    const body = new Readable({
      read() {
        if (!state.started) {
          state.started = true;
          this.push(raw);
          return;
        }
        (beforeCommit ?? (async () => {}))().then(
          () => {
            state.committed = true;
            this.push(null);
          },
          (error: Error) => {
            hookError = error;
            this.destroy(error);
          },
        );
      },
    });
    connection.send(envelope, body, (error) => {
      state.error = hookError ?? error;
      resolve(state);
    });
  });
}

export function smtpSession(url: string): SmtpSession {
  const options = parseConnectionUrl(url);
  let idle: { connection: SMTPConnection; timer: NodeJS.Timeout } | null = null;

  const setRef = (connection: SMTPConnection, ref: boolean) => {
    const socket = connection._socket;
    if (socket) ref ? socket.ref() : socket.unref();
  };

  async function open(): Promise<SMTPConnection> {
    const connection = new SMTPConnection(options);
    // Errors reach the send callbacks; one on an idle connection only retires it.
    connection.on("error", () => {});
    try {
      await new Promise<void>((resolve, reject) => connection.connect((e) => (e ? reject(e) : resolve())));
      if (options.auth && connection.allowsAuth) {
        await new Promise<void>((resolve, reject) =>
          connection.login(options.auth, (e) => (e ? reject(e) : resolve())),
        );
      }
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  function takeIdle(): SMTPConnection | null {
    if (!idle) return null;
    const { connection, timer } = idle;
    idle = null;
    clearTimeout(timer);
    if (connection.destroyed) return null;
    setRef(connection, true);
    return connection;
  }

  function release(connection: SMTPConnection) {
    if (idle || connection.destroyed) {
      connection.quit();
      return;
    }
    setRef(connection, false);
    const timer = setTimeout(() => {
      if (idle?.connection === connection) idle = null;
      connection.quit();
    }, IDLE_CLOSE_MS);
    timer.unref();
    idle = { connection, timer };
  }

  return {
    async send(envelope, raw, beforeCommit) {
      let kept = takeIdle();
      for (;;) {
        const connection = kept ?? (await open());
        const result = await attempt(connection, envelope, raw, beforeCommit);
        if (!result.error) {
          release(connection);
          return;
        }
        connection.close();
        // The server dropped the kept connection while it was idle: nothing was sent, a fresh one may.
        const dropped = !result.error.responseCode || result.error.responseCode === 421;
        if (kept && !result.started && dropped) {
          kept = null;
          continue;
        }
        if (result.committed && !result.error.responseCode) {
          throw new MailOutcomeUnknownError(
            `no answer after the whole message was sent: ${result.error.message}`,
          );
        }
        throw result.error;
      }
    },
    close() {
      takeIdle()?.close();
    },
  };
}
