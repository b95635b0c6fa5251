// A real SMTP server on 127.0.0.1 that requires AUTH, as a production relay does: the Worker reaches it
// through Cloudflare's TCP sockets with the user and password from SMTP_URL. Messages are parsed back.
import { startSmtpServer, type TestSmtpServer } from "../../helpers/smtp-server.ts";

const SMTP_USER = "creneau";
const SMTP_PASSWORD = "relay-password";

export type AuthSmtpServer = TestSmtpServer;

export function startAuthSmtpServer(): Promise<AuthSmtpServer> {
  return startSmtpServer({ auth: { user: SMTP_USER, password: SMTP_PASSWORD }, unref: true });
}
