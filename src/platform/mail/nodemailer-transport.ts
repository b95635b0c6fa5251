// Node transports built on nodemailer: SMTP, or .eml files written to a folder.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";
import { type MailMessage, type MailTransport, PermanentMailError } from "./port.ts";

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

async function renderRaw(message: MailMessage): Promise<string> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(toNodemailer(message));
  return (info.message as Buffer).toString("utf8");
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {});
  return {
    name: "smtp",
    async send(message) {
      try {
        await transporter.sendMail(toNodemailer(message));
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
