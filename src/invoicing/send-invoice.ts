// Sends an issued invoice (or credit note) to the client's billing address through the outbox, its
// Factur-X PDF attached. One email per document, ever: the idempotency key is the invoice id.
import { getClient } from "../missions/client-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { sendMail } from "../platform/mail/send.ts";
import { invoiceEmail } from "./invoice-email.ts";
import { getInvoice } from "./invoice-store.ts";
import { invoicePdf } from "./pdf-port.ts";
import { storedDocument } from "./stored-document.ts";

export interface SentInvoice {
  outboxId: string;
  to: string;
  /** false when it had already been sent: nothing new went out */
  created: boolean;
}

export async function sendInvoice(deps: AppDeps, ownerId: string, id: string): Promise<SentInvoice> {
  const invoice = await getInvoice(deps.database, ownerId, id);
  if (!invoice) throw new AppError("not_found", { detail: "No such invoice." });
  if (invoice.status !== "issued")
    throw new AppError("conflict", {
      detail: "A draft cannot be sent: issue it first, so it has its number.",
    });
  const client = await getClient(deps.database, ownerId, invoice.clientId);
  const document = storedDocument(invoice.document);
  const to = client?.billingEmail ?? document.buyer.billingEmail;
  const pdf = await invoicePdf(deps, document);
  const email = invoiceEmail(document, invoice.grossCents, document.locale);
  const queued = await sendMail(deps, {
    ownerId,
    idempotencyKey: `invoice.send:${invoice.id}`,
    why: invoice.type === "invoice" ? "invoice.send" : "credit-note.send",
    to: { address: to, name: document.buyer.name },
    subject: email.subject,
    html: email.html,
    text: email.text,
    locale: document.locale,
    attachments: [
      {
        filename: `${document.number}.pdf`,
        contentType: "application/pdf",
        content: Buffer.from(pdf).toString("base64"),
        encoding: "base64",
      },
    ],
  });
  return { outboxId: queued.id, to, created: queued.created };
}
