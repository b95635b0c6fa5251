// A real SMTP server on 127.0.0.1 that requires AUTH, as a production relay does: the Worker reaches it
// through Cloudflare's TCP sockets with the user and password from SMTP_URL. Messages are parsed back.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const SMTP_USER = "creneau";
export const SMTP_PASSWORD = "relay-password";

export interface AuthSmtpServer {
  url: string;
  messages: ParsedMail[];
  /** answer the next N messages with a temporary (4xx) error */
  rejectNext: number;
  close(): Promise<void>;
}

export async function startAuthSmtpServer(): Promise<AuthSmtpServer> {
  const state = { messages: [] as ParsedMail[], rejectNext: 0 };
  const server = new SMTPServer({
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (state.rejectNext > 0) {
          state.rejectNext--;
          const error = new Error("Mailbox busy, try later") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        state.messages.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  // A client that drops its connection (workerd tearing down an isolate's socket) is a normal event for a
  // relay: without a listener, smtp-server rethrows it and takes the whole test run down.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.server.unref();
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    get messages() {
      return state.messages;
    },
    get rejectNext() {
      return state.rejectNext;
    },
    set rejectNext(n: number) {
      state.rejectNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
