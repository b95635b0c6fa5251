// Until a mail transport is configured on Workers, messages stay in the outbox (visible in the dashboard),
// like the .eml files on Node. Rendering for the raw view is a plain RFC 5322 text without attachments.
import type { MailMessage, MailTransport } from "./port.ts";

export function outboxOnlyTransport(): MailTransport {
  return {
    name: "outbox-only",
    async send() {
      throw new Error("No mail transport configured on this deployment: the message is kept in the outbox.");
    },
    async render(message: MailMessage) {
      const to = message.to.name
        ? `"${message.to.name.replace(/"/g, "'")}" <${message.to.address}>`
        : message.to.address;
      return [
        `From: ${message.from}`,
        `To: ${to}`,
        `Subject: ${message.subject}`,
        `Message-ID: ${message.messageId}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        message.text,
      ].join("\r\n");
    },
  };
}
