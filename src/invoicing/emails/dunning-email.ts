// Payment reminders to the client, in the client's language: polite, then firm (citing the late-payment
// penalties and the €40 fixed indemnity of art. D441-5 C. com.), then the last one. Always the balance.
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { type EmailBlock, renderEmail } from "../../platform/mail/email-layout.ts";
import { formatDate } from "../date-text.ts";
import type { DunningStage } from "../dunning-policy.ts";
import { RECOVERY_INDEMNITY_CENTS, sellerDisplayName } from "../legal-mentions.ts";
import { formatEuros } from "../money.ts";
import type { StoredDocument } from "../stored-document.ts";

const messages = defineMessages({
  fr: {
    "subject.polite": "Rappel\u00a0: facture {number} échue le {due}",
    "subject.firm": "Relance\u00a0: facture {number} impayée depuis le {due}",
    "subject.final": "Dernier rappel avant recouvrement\u00a0: facture {number}",
    "heading.polite": "Facture {number} en attente de règlement",
    "heading.firm": "Facture {number} impayée",
    "heading.final": "Dernier rappel\u00a0: facture {number}",
    "intro.polite":
      "Bonjour,\nsauf erreur de notre part, la facture {number} du {issued}, arrivée à échéance le {due}, n'est pas encore entièrement réglée. Il s'agit sans doute d'un oubli\u00a0: merci de virer le montant restant dû.",
    "intro.firm":
      "Bonjour,\nmalgré notre premier rappel, la facture {number} du {issued}, échue le {due}, reste impayée. Merci de la régler dans les meilleurs délais.",
    "intro.final":
      "Bonjour,\nla facture {number} du {issued}, échue le {due}, reste impayée malgré nos rappels. Sans règlement sous huit jours, nous engagerons les démarches de recouvrement.",
    penalties:
      "Conformément à l'article L441-10 du Code de commerce, tout retard de paiement entraîne de plein droit des pénalités de retard ({rate}) et une indemnité forfaitaire pour frais de recouvrement de {indemnity} (art. D441-5).",
    legalRate: "trois fois le taux d'intérêt légal",
    invoice: "Facture",
    dueDate: "Échéance",
    total: "Montant TTC",
    paid: "Déjà réglé",
    credited: "Avoirs",
    balance: "Reste dû",
    payment: "Règlement par virement",
    paymentValue: "IBAN {iban} — BIC {bic}, en indiquant la référence {number}",
    ignore: "Si votre règlement est déjà en cours, merci de ne pas tenir compte de ce message.",
    footer: "{seller} · {email}",
  },
  en: {
    "subject.polite": "Reminder: invoice {number} was due on {due}",
    "subject.firm": "Overdue: invoice {number} unpaid since {due}",
    "subject.final": "Final reminder before collection: invoice {number}",
    "heading.polite": "Invoice {number} awaiting payment",
    "heading.firm": "Invoice {number} overdue",
    "heading.final": "Final reminder: invoice {number}",
    "intro.polite":
      "Hello,\nunless we are mistaken, invoice {number} of {issued}, due on {due}, is not fully paid yet. It is probably an oversight: please transfer the balance still owed.",
    "intro.firm":
      "Hello,\ndespite our first reminder, invoice {number} of {issued}, due on {due}, remains unpaid. Please settle it as soon as possible.",
    "intro.final":
      "Hello,\ninvoice {number} of {issued}, due on {due}, remains unpaid despite our reminders. Without payment within eight days, we will start collection proceedings.",
    penalties:
      "Under article L441-10 of the French Commercial Code, any late payment incurs late-payment penalties ({rate}) and a fixed compensation for recovery costs of {indemnity} (art. D441-5), by operation of law.",
    legalRate: "three times the French legal interest rate",
    invoice: "Invoice",
    dueDate: "Due date",
    total: "Total including VAT",
    paid: "Already paid",
    credited: "Credit notes",
    balance: "Balance due",
    payment: "Payment by bank transfer",
    paymentValue: "IBAN {iban} — BIC {bic}, quoting reference {number}",
    ignore: "If your payment is already on its way, please disregard this message.",
    footer: "{seller} · {email}",
  },
});

export interface DunningEmailData {
  /** the client's */
  locale: Locale;
  stage: DunningStage;
  document: StoredDocument;
  grossCents: number;
  paidCents: number;
  creditedCents: number;
  balanceCents: number;
}

export function dunningEmail(d: DunningEmailData): { subject: string; html: string; text: string } {
  const t = messages(d.locale);
  const doc = d.document;
  const euros = (cents: number) => formatEuros(cents, d.locale);
  const vars = {
    number: doc.number,
    issued: formatDate(doc.issueDate, d.locale),
    due: formatDate(doc.dueDate, d.locale),
  };
  const amounts = [
    { label: t("invoice"), value: doc.number },
    { label: t("dueDate"), value: vars.due },
    { label: t("total"), value: euros(d.grossCents) },
    ...(d.paidCents > 0 ? [{ label: t("paid"), value: euros(d.paidCents) }] : []),
    ...(d.creditedCents > 0 ? [{ label: t("credited"), value: euros(d.creditedCents) }] : []),
    { label: t("balance"), value: euros(d.balanceCents) },
  ];
  const payment = t("paymentValue", { iban: doc.seller.iban, bic: doc.seller.bic, number: doc.number });
  const penalties = t("penalties", {
    rate: doc.paymentTerms.latePenaltyRate ?? t("legalRate"),
    indemnity: formatEuros(RECOVERY_INDEMNITY_CENTS, d.locale, { dropZeroCents: true }),
  });
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: t(`intro.${d.stage}`, vars) },
    { kind: "keyValues", items: amounts },
    ...(d.stage === "polite" ? [] : [{ kind: "notice" as const, tone: "warn" as const, text: penalties }]),
    { kind: "keyValues", items: [{ label: t("payment"), value: payment }] },
    { kind: "paragraph", text: t("ignore") },
  ];
  const seller = sellerDisplayName(doc.seller);
  return {
    subject: t(`subject.${d.stage}`, vars).replace(/[\r\n]+/g, " "),
    ...renderEmail({
      locale: d.locale,
      preheader: `${doc.number} — ${t("balance")} ${euros(d.balanceCents)}`,
      heading: t(`heading.${d.stage}`, vars),
      blocks,
      footer: t("footer", { seller, email: doc.seller.email }),
    }),
  };
}
