import { formatDate } from "./date-text.ts";
import type { InvoiceDocument, Seller } from "./invoice-model.ts";
import { formatEuros } from "./money.ts";
import { FRANCHISE_REASON, OUTSIDE_SCOPE_REASON, REVERSE_CHARGE_REASON } from "./vat.ts";

// The mentions French law requires on a B2B invoice (art. 242 nonies A annexe II CGI, art. L441-9
// and L441-10 C. com.), as data: the PDF prints them, and those with a subject code also go into the
// CII as notes (UNTDID 4451, as Factur-X does it in France: REG legal, AAB discount, PMD penalties,
// PMT recovery indemnity, AAI general information).

export type MentionLocale = "fr" | "en";
export type NoteSubjectCode = "REG" | "AAB" | "PMD" | "PMT" | "AAI";
export type MentionKey =
  | "sellerLegal"
  | "vatExemption"
  | "operationCategory"
  | "paymentTerms"
  | "earlyPaymentDiscount"
  | "latePenalty"
  | "recoveryIndemnity"
  | "paymentDetails"
  | "precedingInvoice";

export interface LegalMention {
  key: MentionKey;
  /** The label alone ("Pénalités de retard"), for renderers that lay out label and value apart. */
  label: string;
  value: string;
  /** The full sentence, label and value together. */
  text: string;
  noteSubjectCode?: NoteSubjectCode;
}

/** The €40 fixed indemnity of art. D441-5 C. com., due on every late B2B payment. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

const SOLE_TRADER_FORMS = new Set(["EI", "EIRL"]);
const COLON: Record<MentionLocale, string> = { fr: "\u00a0: ", en: ": " };

/** A sole trader's name must read "… EI" (or "entrepreneur individuel") since the 2022 reform. */
export function sellerDisplayName(seller: Pick<Seller, "legalName" | "legalForm">): string {
  const name = seller.legalName.trim();
  const form = seller.legalForm.trim().toUpperCase();
  if (!SOLE_TRADER_FORMS.has(form)) return name;
  return /\b(EI|EIRL)\b|entrepreneur individuel/i.test(name) ? name : `${name} ${form}`;
}

export function legalMentions(invoice: InvoiceDocument, locale: MentionLocale): LegalMention[] {
  const fr = locale === "fr";
  const mention = (key: MentionKey, label: string, value: string, noteSubjectCode?: NoteSubjectCode) =>
    labelled(key, label, value, locale, noteSubjectCode);
  const { seller, paymentTerms } = invoice;
  const mentions: LegalMention[] = [
    mention(
      "sellerLegal",
      fr ? "Informations légales" : "Legal information",
      [sellerDisplayName(seller), ...sellerLegalDetails(seller, locale)].join(" — "),
      "REG",
    ),
  ];
  const exemption = vatExemptionText(invoice, locale);
  if (exemption) mentions.push(mention("vatExemption", exemption, ""));
  mentions.push(
    mention(
      "operationCategory",
      fr ? "Catégorie de l'opération" : "Type of transaction",
      fr ? "prestation de services" : "supply of services",
      "AAI",
    ),
    paymentTermsMention(invoice, locale),
    mention(
      "earlyPaymentDiscount",
      fr ? "Escompte pour paiement anticipé" : "Early payment discount",
      paymentTerms.earlyPaymentDiscount ?? (fr ? "néant" : "none"),
      "AAB",
    ),
    mention(
      "latePenalty",
      fr ? "Pénalités de retard" : "Late payment penalties",
      paymentTerms.latePenaltyRate ??
        (fr ? "trois fois le taux d'intérêt légal" : "three times the French legal interest rate"),
      "PMD",
    ),
    mention(
      "recoveryIndemnity",
      fr ? "Indemnité forfaitaire pour frais de recouvrement" : "Fixed compensation for recovery costs",
      formatEuros(RECOVERY_INDEMNITY_CENTS, locale, { dropZeroCents: true }),
      "PMT",
    ),
    mention(
      "paymentDetails",
      fr ? "Règlement par virement" : "Payment by bank transfer",
      `IBAN ${groupIban(seller.iban)} — BIC ${seller.bic.trim()}`,
    ),
  );
  if (invoice.typeCode === "381" && invoice.precedingInvoice) {
    const { number, issueDate } = invoice.precedingInvoice;
    const value = fr
      ? `facture ${number} du ${formatDate(issueDate, locale)}`
      : `invoice ${number} of ${formatDate(issueDate, locale)}`;
    mentions.push(mention("precedingInvoice", fr ? "Avoir sur" : "Credit note for", value));
  }
  return mentions;
}

function paymentTermsMention(invoice: InvoiceDocument, locale: MentionLocale): LegalMention {
  const fr = locale === "fr";
  const due = formatDate(invoice.dueDate, locale);
  const days = invoice.paymentTerms.termsDays;
  if (invoice.typeCode === "381") {
    return labelled("paymentTerms", fr ? "Date de remboursement" : "Refund date", due, locale);
  }
  const value = fr ? `${due} (paiement à ${days} jours)` : `${due} (payment within ${days} days)`;
  return labelled("paymentTerms", fr ? "Échéance" : "Due date", value, locale);
}

function labelled(
  key: MentionKey,
  label: string,
  value: string,
  locale: MentionLocale,
  noteSubjectCode?: NoteSubjectCode,
): LegalMention {
  return {
    key,
    label,
    value,
    text: value === "" ? label : `${label}${COLON[locale]}${value}`,
    ...(noteSubjectCode ? { noteSubjectCode } : {}),
  };
}

function sellerLegalDetails(seller: Seller, locale: MentionLocale): string[] {
  const fr = locale === "fr";
  const form = seller.legalForm.trim().toUpperCase();
  const details: string[] = [];
  if (SOLE_TRADER_FORMS.has(form))
    details.push(fr ? "Entrepreneur individuel" : "Sole trader (entrepreneur individuel)");
  else if (seller.capitalCents !== undefined) {
    const capital = formatEuros(seller.capitalCents, locale, { dropZeroCents: true });
    details.push(fr ? `${form} au capital de ${capital}` : `${form} with a share capital of ${capital}`);
  } else details.push(form);
  if (seller.rcs) details.push(seller.rcs.trim());
  details.push(`SIREN ${seller.siren.trim()}`, `SIRET ${seller.siret.trim()}`);
  if (seller.vatNumber) details.push(`${fr ? "N° TVA" : "VAT number"} ${seller.vatNumber.trim()}`);
  return details;
}

function vatExemptionText(invoice: InvoiceDocument, locale: MentionLocale): string | undefined {
  const fr = locale === "fr";
  // The French wording is the legal one, so the English version quotes it.
  switch (invoice.vatMode) {
    case "standard":
      return undefined;
    case "franchise":
      return fr ? FRANCHISE_REASON : `VAT not applicable (${FRANCHISE_REASON})`;
    case "reverse-charge":
      return fr
        ? `${REVERSE_CHARGE_REASON} — TVA due par le preneur, art. 196 de la directive 2006/112/CE`
        : `Reverse charge (${REVERSE_CHARGE_REASON}) — VAT due by the customer, art. 196 of Directive 2006/112/EC`;
    case "outside-scope":
      return fr ? OUTSIDE_SCOPE_REASON : `VAT not applicable (${OUTSIDE_SCOPE_REASON})`;
  }
}

function groupIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}
