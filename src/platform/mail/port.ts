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

export interface SendOptions {
  /**
   * Called once, right before the point after which the message may be delivered (SMTP: its final dot). The outbox
   * records it there, so after a crash it knows whether a copy may be out. Throwing aborts the send undelivered.
   * A transport without such a point never calls it.
   */
  beforeCommit?: () => Promise<void>;
}

export interface MailTransport {
  readonly name: string;
  send(message: MailMessage, options?: SendOptions): Promise<void>;
  /** The message as RFC 5322 text, for the dashboard's raw view. */
  render(message: MailMessage): Promise<string>;
}

/** Thrown by a transport when retrying cannot help (e.g. 5xx recipient rejected). */
export class PermanentMailError extends Error {}

/** Thrown when the whole message went out but no answer came: it may have been delivered, so it is not resent. */
export class MailOutcomeUnknownError extends Error {}
