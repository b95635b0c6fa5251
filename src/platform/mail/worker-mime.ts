// MailMessage → worker-mailer's Email, which writes the MIME text on Workers (no nodemailer there):
// the SMTP transport sends it and every Worker transport shows it as the outbox's raw message.
import { Email, type EmailOptions, type User } from "worker-mailer";
import { attachmentBase64, attachmentType } from "./http-api-transport.ts";
import type { MailMessage } from "./port.ts";

/** `Name <address>` or a bare address, as MAIL_FROM is written. */
export function parseMailbox(text: string): User {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  if (match?.[2]) return match[1] ? { name: match[1], email: match[2] } : { email: match[2] };
  return { email: text.trim() };
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/**
 * A mailbox header written here rather than by worker-mailer, which puts encoded words inside quotes
 * (RFC 2047 forbids that): an ASCII name is quoted, any other name is one base64 encoded word.
 */
export function mailboxHeader(mailbox: User): string {
  if (!mailbox.name) return mailbox.email;
  if (PRINTABLE_ASCII.test(mailbox.name))
    return `"${mailbox.name.replace(/["\\]/g, "\\$&")}" <${mailbox.email}>`;
  let binary = "";
  for (const byte of new TextEncoder().encode(mailbox.name)) binary += String.fromCharCode(byte);
  return `=?UTF-8?B?${btoa(binary)}?= <${mailbox.email}>`;
}

export function toEmailOptions(message: MailMessage): EmailOptions {
  const from = parseMailbox(message.from);
  const to: User = message.to.name
    ? { name: message.to.name, email: message.to.address }
    : { email: message.to.address };
  return {
    from,
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: {
      "Message-ID": message.messageId,
      From: mailboxHeader(from),
      To: mailboxHeader(to),
      ...message.headers,
    },
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      content: attachmentBase64(a),
      mimeType: attachmentType(a),
    })),
  };
}

/** The RFC 5322 text of the message (SMTP's dot-stuffing undone: this is for reading, not for DATA). */
export async function renderMime(message: MailMessage): Promise<string> {
  return new Email(toEmailOptions(message)).getEmailData().replace(/^\.\./gm, ".");
}
