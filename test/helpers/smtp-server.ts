// A real SMTP server on 127.0.0.1 (smtp-server), every message parsed back with mailparser.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** reject the next N messages with a temporary (4xx) error */
  rejectNext: number;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

export async function startSmtpServer(
  options: {
    /** Require AUTH with these credentials, as a production relay does (they go into `url`). */
    auth?: { user: string; password: string };
    /** Never keep the process alive (a peer started by a global setup). */
    unref?: boolean;
  } = {},
): Promise<TestSmtpServer> {
  const state = { messages: [] as ParsedMail[], rejectNext: 0 };
  const { auth } = options;
  const server = new SMTPServer({
    ...(auth
      ? {
          authMethods: ["PLAIN", "LOGIN"],
          allowInsecureAuth: true,
          onAuth(login, _session, callback) {
            if (login.username === auth.user && login.password === auth.password)
              return callback(null, { user: login.username });
            return callback(new Error("Invalid username or password"));
          },
        }
      : { authOptional: true }),
    disabledCommands: ["STARTTLS"],
    logger: false,
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
  // A client killed mid-message (the crash tests) or a workerd socket torn down resets its connection: the message
  // is discarded, as by any server, instead of smtp-server rethrowing and ending the test run.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  if (options.unref) server.server.unref();
  const port = (server.server.address() as AddressInfo).port;
  const credentials = auth ? `${auth.user}:${auth.password}@` : "";
  const api: TestSmtpServer = {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
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
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      return state.messages;
    },
  };
  return api;
}
