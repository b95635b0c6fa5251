// What each column of the accountant's CSV holds, in the owner's language, for the ZIP's README.
// Keyed by the header name so a column added to the CSV without a description fails its test.
import type { Locale } from "../platform/i18n.ts";

type Descriptions = Record<string, string>;

const FR: Descriptions = {
  record: "invoice (facture), credit_note (avoir) ou payment (encaissement)",
  number: "numéro de la facture ou de l'avoir",
  date: "date d'émission ; pour un encaissement, date de réception",
  due_date: "date d'échéance (pour un avoir : sa date d'émission)",
  client: "raison sociale du client",
  client_siren: "SIREN du client",
  client_vat_number: "numéro de TVA intracommunautaire du client",
  period_start: "début de la période facturée",
  period_end: "fin de la période facturée",
  net_eur: "total HT",
  vat_eur: "total TVA",
  gross_eur: "total TTC ; pour un encaissement, le montant reçu",
  currency: "devise (EUR)",
  related_number: "pour un avoir, la facture d'origine ; pour un encaissement, la facture réglée",
  payment_method: "mode de paiement d'un encaissement, tel que saisi",
  payment_status: "état de la facture au jour de l'export : unpaid, partially_paid, paid, overdue, credited",
  balance_eur: "reste à encaisser sur la facture au jour de l'export",
  paid_eur: "total encaissé sur la facture au jour de l'export",
  vat_regime:
    "standard (TVA française), franchise (art. 293 B du CGI), reverse-charge (autoliquidation, client UE), outside-scope (hors champ, art. 259-1 du CGI)",
  net_20_eur: "base HT au taux de 20 %",
  vat_20_eur: "TVA au taux de 20 %",
  net_10_eur: "base HT au taux de 10 %",
  vat_10_eur: "TVA au taux de 10 %",
  net_5_5_eur: "base HT au taux de 5,5 %",
  vat_5_5_eur: "TVA au taux de 5,5 %",
  net_2_1_eur: "base HT au taux de 2,1 %",
  vat_2_1_eur: "TVA au taux de 2,1 %",
  net_other_rate_eur: "base HT aux autres taux",
  vat_other_rate_eur: "TVA aux autres taux",
  other_vat_rates: "ces autres taux, en %, séparés par des espaces",
  net_no_vat_eur: "montant HT sans TVA française (voir vat_regime)",
};

const EN: Descriptions = {
  record: "invoice, credit_note or payment (received)",
  number: "number of the invoice or credit note",
  date: "issue date; for a payment, the day it was received",
  due_date: "due date (for a credit note: its issue date)",
  client: "client's legal name",
  client_siren: "client's SIREN",
  client_vat_number: "client's EU VAT number",
  period_start: "start of the period invoiced",
  period_end: "end of the period invoiced",
  net_eur: "total excluding VAT",
  vat_eur: "total VAT",
  gross_eur: "total including VAT; for a payment, the amount received",
  currency: "currency (EUR)",
  related_number: "for a credit note, the original invoice; for a payment, the invoice it settles",
  payment_method: "how a payment was made, as entered",
  payment_status:
    "the invoice's state on the day of the export: unpaid, partially_paid, paid, overdue, credited",
  balance_eur: "still to be received on the invoice on the day of the export",
  paid_eur: "received on the invoice so far, on the day of the export",
  vat_regime:
    "standard (French VAT), franchise (art. 293 B CGI), reverse-charge (EU client), outside-scope (art. 259-1 CGI)",
  net_20_eur: "net amount at the 20 % rate",
  vat_20_eur: "VAT at the 20 % rate",
  net_10_eur: "net amount at the 10 % rate",
  vat_10_eur: "VAT at the 10 % rate",
  net_5_5_eur: "net amount at the 5.5 % rate",
  vat_5_5_eur: "VAT at the 5.5 % rate",
  net_2_1_eur: "net amount at the 2.1 % rate",
  vat_2_1_eur: "VAT at the 2.1 % rate",
  net_other_rate_eur: "net amount at any other rate",
  vat_other_rate_eur: "VAT at any other rate",
  other_vat_rates: "those other rates, in %, separated by spaces",
  net_no_vat_eur: "net amount charged without French VAT (see vat_regime)",
};

export function columnDescriptions(locale: Locale): Descriptions {
  return locale === "en" ? EN : FR;
}
