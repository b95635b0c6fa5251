// Node transports built on nodemailer: SMTP (one kept connection, see smtp-session.ts), or .eml files in a folder.
// Loaded by node-deps.ts on the first message, not at start-up (nodemailer is ~40 modules an idle server never needs).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";
import { type MailMessage, type MailTransport, PermanentMailError } from "./port.ts";
import { smtpSession } from "./smtp-session.ts";

function toNodemailer(message: MailMessage): Mail.Options {
  return {
    from: message.from,
    to: message.to.name ? { name: message.to.name, address: message.to.address } : message.to.address,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers: message.headers,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      encoding: a.encoding,
      contentType: a.method ? `${a.contentType}; method=${a.method}` : a.contentType,
    })),
  };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
const viewer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

async function renderRaw(message: MailMessage): Promise<string> {
  const info = await viewer.sendMail(toNodemailer(message));
  return (info.message as Buffer).toString("utf8");
}

/** The message and its envelope as nodemailer's SMTP transport would send them. */
async function compose(message: MailMessage) {
  const info = await composer.sendMail(toNodemailer(message));
  return { envelope: info.envelope, raw: info.message as Buffer };
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const session = smtpSession(smtpUrl);
  return {
    name: "smtp",
    async send(message, options) {
      const { envelope, raw } = await compose(message);
      try {
        await session.send(envelope, raw, options?.beforeCommit);
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500 && code < 600) throw new PermanentMailError((error as Error).message);
        throw error;
      }
    },
    render: renderRaw,
  };
}

export function fileTransport(folder: string): MailTransport {
  return {
    name: "files",
    async send(message) {
      await mkdir(folder, { recursive: true });
      const safeName = message.messageId.replace(/[^a-zA-Z0-9._-]/g, "_");
      await writeFile(path.join(folder, `${safeName}.eml`), await renderRaw(message));
    },
    render: renderRaw,
  };
}
