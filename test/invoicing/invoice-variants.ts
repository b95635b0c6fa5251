// Every invoice shape the EN 16931 suites check, one set for the CII, the UBL and the PDF tests, so
// the syntaxes are judged on the same documents.
import { buildCreditNote } from "../../src/invoicing/credit-note.ts";
import type { InvoiceDocument } from "../../src/invoicing/invoice-model.ts";
import {
  accentedClient,
  americanClient,
  frenchClient,
  germanClient,
  invoiceFor,
  microEntrepreneur,
  sasu,
} from "./fixtures.ts";

export const franchiseInvoice = invoiceFor(microEntrepreneur, frenchClient);
export const reverseChargeInvoice = invoiceFor(sasu, germanClient);
export const outsideEuInvoice = invoiceFor(sasu, americanClient);

/** Two 20 % lines, 9.5 days and half a day: the invoice the credit notes are drawn on. */
export const halfDaysInvoice = invoiceFor(sasu, frenchClient, {
  lines: [
    { description: "Développement — mars 2027", quantity: 9.5, unitPriceCents: 62_000, vatRate: 20 },
    { description: "Astreinte week-end", quantity: 0.5, unitPriceCents: 31_050, vatRate: 20 },
  ],
});

/** Credits the half day of halfDaysInvoice only. */
export const partialCreditNote = buildCreditNote(
  halfDaysInvoice,
  { number: "AV-2027-0001", issueDate: "2027-04-10", lines: [halfDaysInvoice.lines[1]!] },
  [],
);

export const invoiceVariants: Record<string, InvoiceDocument> = {
  "VAT franchise (EI micro-entrepreneur, no VAT number)": franchiseInvoice,
  "20 % VAT (SASU with capital and RCS)": invoiceFor(sasu, frenchClient),
  "reverse charge, client in Germany": reverseChargeInvoice,
  "client outside the EU (not subject to French VAT)": outsideEuInvoice,
  "several lines with half days (9.5 and 0.5)": halfDaysInvoice,
  "several VAT rates and hour/piece units": invoiceFor(sasu, frenchClient, {
    lines: [
      { description: "Formation", quantity: 3, unitPriceCents: 45_000, vatRate: 20 },
      { description: "Support (heures)", quantity: 7.25, unitPriceCents: 8_333, vatRate: 20, unit: "HUR" },
      { description: "Livre technique", quantity: 2, unitPriceCents: 3_999, vatRate: 5.5, unit: "C62" },
    ],
  }),
  "credit note for part of an invoice": partialCreditNote,
  "credit note under the franchise": buildCreditNote(
    franchiseInvoice,
    { number: "F-2027-0002", issueDate: "2027-04-02" },
    [],
  ),
  "long accented address with & < > and apostrophes": invoiceFor(sasu, accentedClient, {
    lines: [
      {
        description: "Refonte « cœur » de l'outil & migration <v2>",
        quantity: 12,
        unitPriceCents: 58_000,
        vatRate: 20,
      },
    ],
    purchaseOrderReference: "BC n°2027-Ç/œ",
    buyerReference: "Service achats — Mme N'Diaye",
  }),
};
