// Every word the invoice page prints that is not a legal mention (those come from legalMentions()).

export type PdfLocale = "fr" | "en";

export interface PdfLabels {
  invoice: string;
  creditNote: string;
  numberPrefix: string;
  issueDate: string;
  servicePeriod: string;
  dueDate: string;
  refundDate: string;
  purchaseOrder: string;
  buyerReference: string;
  billedTo: string;
  customer: string;
  vatNumber: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vat: string;
  lineNet: string;
  totalNet: string;
  vatAt: (rate: string) => string;
  vatNone: string;
  totalGross: string;
  amountDue: string;
  amountToRefund: string;
  payment: string;
  paymentReference: string;
  conditions: string;
  period: (start: string, end: string) => string;
  page: (current: number, total: number) => string;
  units: { DAY: (plural: boolean) => string; HUR: () => string; C62: () => string };
}

const FR: PdfLabels = {
  invoice: "Facture",
  creditNote: "Avoir",
  numberPrefix: "N°",
  issueDate: "Date d'émission",
  servicePeriod: "Période de prestation",
  dueDate: "Date d'échéance",
  refundDate: "Date de remboursement",
  purchaseOrder: "Bon de commande",
  buyerReference: "Votre référence",
  billedTo: "Facturé à",
  customer: "Client",
  vatNumber: "N° TVA",
  description: "Description",
  quantity: "Quantité",
  unitPrice: "Prix unit. HT",
  vat: "TVA",
  lineNet: "Montant HT",
  totalNet: "Total HT",
  vatAt: (rate) => `TVA ${rate}`,
  vatNone: "TVA",
  totalGross: "Total TTC",
  amountDue: "Net à payer",
  amountToRefund: "Montant à rembourser",
  payment: "Paiement",
  paymentReference: "Référence à rappeler",
  conditions: "Conditions",
  period: (start, end) => `${start} – ${end}`,
  page: (current, total) => `Page ${current}/${total}`,
  units: { DAY: () => "j", HUR: () => "h", C62: () => "" },
};

const EN: PdfLabels = {
  invoice: "Invoice",
  creditNote: "Credit note",
  numberPrefix: "No.",
  issueDate: "Issue date",
  servicePeriod: "Service period",
  dueDate: "Due date",
  refundDate: "Refund date",
  purchaseOrder: "Purchase order",
  buyerReference: "Your reference",
  billedTo: "Billed to",
  customer: "Customer",
  vatNumber: "VAT no.",
  description: "Description",
  quantity: "Quantity",
  unitPrice: "Unit price",
  vat: "VAT",
  lineNet: "Amount",
  totalNet: "Total excl. VAT",
  vatAt: (rate) => `VAT ${rate}`,
  vatNone: "VAT",
  totalGross: "Total incl. VAT",
  amountDue: "Amount due",
  amountToRefund: "Amount to refund",
  payment: "Payment",
  paymentReference: "Payment reference",
  conditions: "Terms",
  period: (start, end) => `${start} – ${end}`,
  page: (current, total) => `Page ${current}/${total}`,
  units: { DAY: (plural) => (plural ? "days" : "day"), HUR: () => "h", C62: () => "" },
};

export function pdfLabels(locale: PdfLocale): PdfLabels {
  return locale === "fr" ? FR : EN;
}
