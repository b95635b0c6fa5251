// To the owner when a mission ends: its final invoice was issued and sent, or why it could not be.
import { formatEuros } from "../../invoicing/money.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { type EmailBlock, renderEmail } from "../../platform/mail/email-layout.ts";
import { oneLine, type RenderedMail } from "./mail-parts.ts";

const messages = defineMessages({
  fr: {
    issuedSubject: "Facture finale {number} envoyée à {client}",
    issuedHeading: "Facture finale envoyée",
    issuedIntro:
      "La mission «\u00a0{mission}\u00a0» est terminée\u00a0: sa facture finale {number} ({amount}) a été émise et envoyée à {client} ({to}).",
    problemSubject: "Facture finale de «\u00a0{mission}\u00a0» à faire vous-même",
    problemHeading: "Facture finale non émise",
    problemIntro:
      "La mission «\u00a0{mission}\u00a0» est terminée, mais sa facture finale n'a pas été émise automatiquement.",
    "reason.no-days": "Aucun jour déclaré sur la mission\u00a0: saisissez les comptes rendus, puis facturez.",
    "reason.already-invoiced":
      "Une facture existe déjà pour cette mission\u00a0: vérifiez ce qu'il reste à facturer.",
    "reason.not-approved":
      "Le dernier compte rendu n'a pas été validé à temps\u00a0: émettez la facture une fois qu'il le sera.",
    "reason.refused": "La facture a été refusée\u00a0: {detail}",
    open: "Ouvrir la mission",
    footer: "E-mail envoyé par Créneau.",
  },
  en: {
    issuedSubject: "Final invoice {number} sent to {client}",
    issuedHeading: "Final invoice sent",
    issuedIntro:
      "The “{mission}” mission has ended: its final invoice {number} ({amount}) was issued and sent to {client} ({to}).",
    problemSubject: "Final invoice of “{mission}” left to you",
    problemHeading: "Final invoice not issued",
    problemIntro: "The “{mission}” mission has ended, but its final invoice was not issued automatically.",
    "reason.no-days": "No day was reported on the mission: enter the activity reports, then invoice.",
    "reason.already-invoiced": "An invoice already exists for this mission: check what is left to invoice.",
    "reason.not-approved": "The last activity report was not approved in time: issue the invoice once it is.",
    "reason.refused": "The invoice was refused: {detail}",
    open: "Open the mission",
    footer: "Sent by Créneau.",
  },
});

export type FinalInvoiceOutcome =
  | { kind: "issued"; invoiceId: string; number: string; grossCents: number; to: string }
  | { kind: "problem"; reason: "no-days" | "already-invoiced" | "not-approved" | "refused"; detail?: string };

export function finalInvoiceEmail(d: {
  /** the owner's */
  locale: Locale;
  clientName: string;
  missionTitle: string;
  outcome: FinalInvoiceOutcome;
  missionUrl: string;
}): RenderedMail {
  const t = messages(d.locale);
  const o = d.outcome;
  const vars = { mission: d.missionTitle, client: d.clientName };
  if (o.kind === "issued") {
    const issued = { ...vars, number: o.number, amount: formatEuros(o.grossCents, d.locale), to: o.to };
    return {
      subject: oneLine(t("issuedSubject", issued)),
      ...renderEmail({
        locale: d.locale,
        heading: t("issuedHeading"),
        blocks: [
          { kind: "notice", tone: "success", text: t("issuedIntro", issued) },
          { kind: "button", label: t("open"), url: d.missionUrl },
        ],
        footer: t("footer"),
      }),
    };
  }
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: t("problemIntro", vars) },
    { kind: "notice", tone: "warn", text: t(`reason.${o.reason}`, { detail: o.detail ?? "" }) },
    { kind: "button", label: t("open"), url: d.missionUrl },
  ];
  return {
    subject: oneLine(t("problemSubject", vars)),
    ...renderEmail({ locale: d.locale, heading: t("problemHeading"), blocks, footer: t("footer") }),
  };
}
