// Mail through a JSON HTTP API (MAIL_API_URL + MAIL_API_KEY), for hosts where SMTP is not an option:
// Workers without an SMTP relay, or a provider that only offers HTTP. The request has Resend's shape
// (POST, Bearer key, { from, to[], subject, html, text, headers, attachments[{ filename, content
// (base64), content_type }] }), which several providers accept. The Message-ID doubles as the
// Idempotency-Key, so a retry after a lost answer does not send the email twice.
import type { StoredAttachment } from "../db/schema.ts";
import { type MailMessage, type MailTransport, PermanentMailError } from "./port.ts";

const TIMEOUT_MS = 20_000;

function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function attachmentBase64(attachment: StoredAttachment): string {
  return attachment.encoding === "base64" ? attachment.content : base64Utf8(attachment.content);
}

/** An invitation keeps its `method` parameter, so mail clients offer to accept or decline it. */
export function attachmentType(attachment: StoredAttachment): string {
  return attachment.method
    ? `${attachment.contentType}; method=${attachment.method}`
    : attachment.contentType;
}

function attachmentJson(a: StoredAttachment) {
  return { filename: a.filename, content: attachmentBase64(a), content_type: attachmentType(a) };
}

function quoted(name: string): string {
  return `"${name.replace(/["\\]/g, "")}"`;
}

export function mailApiBody(message: MailMessage): Record<string, unknown> {
  const to = message.to.name ? `${quoted(message.to.name)} <${message.to.address}>` : message.to.address;
  return {
    from: message.from,
    to: [to],
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: { "Message-ID": message.messageId, ...message.headers },
    ...(message.attachments?.length ? { attachments: message.attachments.map(attachmentJson) } : {}),
  };
}

/** Client errors other than timeouts, conflicts and rate limits mean the request itself is wrong. */
function permanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

export function httpApiTransport(
  api: { url: string; key: string },
  render: (message: MailMessage) => Promise<string>,
): MailTransport {
  return {
    name: "mail-api",
    async send(message) {
      const response = await fetch(api.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${api.key}`,
          "content-type": "application/json",
          "idempotency-key": message.messageId,
        },
        body: JSON.stringify(mailApiBody(message)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const detail = `mail API answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
      throw permanent(response.status) ? new PermanentMailError(detail) : new Error(detail);
    },
    render,
  };
}
