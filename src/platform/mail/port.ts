// The one mail port. Transports: SMTP (nodemailer) when SMTP_URL is set, else .eml files in DATA_DIR/outbox.
import type { StoredAttachment } from "../db/schema.ts";

export interface MailMessage {
  from: string;
  to: { address: string; name?: string | null };
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
  attachments?: StoredAttachment[];
}

export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
  /** The message as RFC 5322 text, for the dashboard's raw view. */
  render(message: MailMessage): Promise<string>;
}

/** Thrown by a transport when retrying cannot help (e.g. 5xx recipient rejected). */
export class PermanentMailError extends Error {}
