// The email that carries an issued invoice or credit note (its Factur-X PDF attached) to the client.
import { defineMessages, type Locale } from "../platform/i18n.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";
import { formatDate } from "./date-text.ts";
import { sellerDisplayName } from "./legal-mentions.ts";
import { formatEuros } from "./money.ts";
import type { StoredDocument } from "./stored-document.ts";

const messages = defineMessages({
  fr: {
    invoiceSubject: "Facture {number} — {seller}",
    creditNoteSubject: "Avoir {number} — {seller}",
    invoiceHeading: "Facture {number}",
    creditNoteHeading: "Avoir {number}",
    greeting: "Bonjour,",
    invoiceIntro:
      "Veuillez trouver ci-joint la facture {number} de {seller}, au format Factur-X (PDF lisible, données XML intégrées).",
    creditNoteIntro:
      "Veuillez trouver ci-joint l'avoir {number} de {seller}, qui corrige la facture {original}.",
    number: "Numéro",
    issueDate: "Date d'émission",
    dueDate: "Échéance",
    refundDate: "Date de remboursement",
    period: "Période",
    periodValue: "du {start} au {end}",
    total: "Montant TTC",
    totalNoVat: "Montant",
    payment: "Règlement par virement",
    paymentValue: "IBAN {iban} — BIC {bic}, en indiquant la référence {number}",
    footer: "{seller} · {email}",
  },
  en: {
    invoiceSubject: "Invoice {number} — {seller}",
    creditNoteSubject: "Credit note {number} — {seller}",
    invoiceHeading: "Invoice {number}",
    creditNoteHeading: "Credit note {number}",
    greeting: "Hello,",
    invoiceIntro:
      "Please find attached invoice {number} from {seller}, as Factur-X (a readable PDF with the XML data embedded).",
    creditNoteIntro:
      "Please find attached credit note {number} from {seller}, which corrects invoice {original}.",
    number: "Number",
    issueDate: "Issue date",
    dueDate: "Due date",
    refundDate: "Refund date",
    period: "Period",
    periodValue: "{start} to {end}",
    total: "Total including VAT",
    totalNoVat: "Amount",
    payment: "Payment by bank transfer",
    paymentValue: "IBAN {iban} — BIC {bic}, quoting reference {number}",
    footer: "{seller} · {email}",
  },
});

export interface InvoiceEmail {
  subject: string;
  html: string;
  text: string;
}

export function invoiceEmail(document: StoredDocument, grossCents: number, locale: Locale): InvoiceEmail {
  const t = messages(locale);
  const seller = sellerDisplayName(document.seller);
  const credit = document.typeCode === "381";
  const vars = { number: document.number, seller, original: document.precedingInvoice?.number ?? "" };
  const items = [
    { label: t("number"), value: document.number },
    { label: t("issueDate"), value: formatDate(document.issueDate, locale) },
    {
      label: t("period"),
      value: t("periodValue", {
        start: formatDate(document.servicePeriod.start, locale),
        end: formatDate(document.servicePeriod.end, locale),
      }),
    },
    {
      label: t(document.vatMode === "standard" ? "total" : "totalNoVat"),
      value: formatEuros(grossCents, locale),
    },
    { label: t(credit ? "refundDate" : "dueDate"), value: formatDate(document.dueDate, locale) },
  ];
  const rendered = renderEmail({
    locale,
    preheader: `${document.number} — ${formatEuros(grossCents, locale)}`,
    heading: t(credit ? "creditNoteHeading" : "invoiceHeading", vars),
    blocks: [
      { kind: "paragraph", text: t("greeting") },
      { kind: "paragraph", text: t(credit ? "creditNoteIntro" : "invoiceIntro", vars) },
      { kind: "keyValues", items },
      ...(credit
        ? []
        : [
            {
              kind: "keyValues" as const,
              items: [
                {
                  label: t("payment"),
                  value: t("paymentValue", {
                    iban: document.seller.iban,
                    bic: document.seller.bic,
                    number: document.number,
                  }),
                },
              ],
            },
          ]),
    ],
    footer: t("footer", { seller, email: document.seller.email }),
  });
  const subject = t(credit ? "creditNoteSubject" : "invoiceSubject", vars).replace(/[\r\n]+/g, " ");
  return { subject, ...rendered };
}
