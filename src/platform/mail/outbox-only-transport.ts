// A deployment with no way to send mail (no SMTP_URL, no MAIL_API_URL on Workers): messages are kept in the
// outbox, marked "unsent" (shown as "not sent: no transport") instead of being retried, and readable there.
import type { MailMessage, MailTransport } from "./port.ts";

/** The deployment has no way to send mail: the outbox marks the message "unsent" and never retries it. */
export class NoTransportError extends Error {}

export const NO_TRANSPORT_MESSAGE =
  "No mail transport is configured (set SMTP_URL, or MAIL_API_URL and MAIL_API_KEY): the message was not sent.";

const NO_TRANSPORT = "none";

/** Whether this transport can send at all (Node always can: without SMTP or an API it writes .eml files). */
export function canDeliver(transport: MailTransport): boolean {
  return transport.name !== NO_TRANSPORT;
}

export function outboxOnlyTransport(render: (message: MailMessage) => Promise<string>): MailTransport {
  return {
    name: NO_TRANSPORT,
    async send() {
      throw new NoTransportError(NO_TRANSPORT_MESSAGE);
    },
    render,
  };
}
