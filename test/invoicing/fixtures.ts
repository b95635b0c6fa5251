import type { Buyer, InvoiceDocument, Seller } from "../../src/invoicing/invoice-model.ts";
import { vatModeFor } from "../../src/invoicing/vat.ts";

// Identifiers are well-formed but fictitious (SIREN/SIRET pass the Luhn check, IBANs their mod-97).

export const microEntrepreneur: Seller = {
  legalName: "Camille Lefèvre",
  legalForm: "EI",
  siren: "732829320",
  siret: "73282932000074",
  vatFranchise: true,
  address: { line1: "12 rue des Lilas", postalCode: "69003", city: "Lyon", country: "FR" },
  email: "camille@lefevre.dev",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
};

export const sasu: Seller = {
  legalName: "Octet & Cie",
  legalForm: "SASU",
  siren: "552100554",
  siret: "55210055400013",
  vatNumber: "FR40552100554",
  vatFranchise: false,
  address: {
    line1: "8 boulevard Haussmann",
    line2: "Bâtiment B",
    postalCode: "75009",
    city: "Paris",
    country: "FR",
  },
  email: "factures@octet.fr",
  iban: "FR14 2004 1010 0505 0001 3M02 606",
  bic: "PSSTFRPPPAR",
  capitalCents: 100_000,
  rcs: "RCS Paris 552 100 554",
};

export const frenchClient: Buyer = {
  name: "Société Générale d'Études & Conseil",
  address: { line1: "1 place de la Défense", postalCode: "92400", city: "Courbevoie", country: "FR" },
  siren: "542051180",
  siret: "54205118000066",
  vatNumber: "FR72542051180",
  billingEmail: "compta@sgec.fr",
};

export const germanClient: Buyer = {
  name: "Müller Softwareentwicklung GmbH",
  address: { line1: "Friedrichstraße 123", postalCode: "10117", city: "Berlin", country: "DE" },
  vatNumber: "DE123456789",
  billingEmail: "rechnung@mueller-software.de",
};

export const accentedClient: Buyer = {
  name: "L'Œuvre Française de Façonnage & Cœur d'Ébène",
  address: {
    line1:
      "Résidence « Les Hauts-de-Saint-Étienne », escalier C, 3ᵉ étage, porte gauche, 147 avenue du Maréchal-de-Lattre-de-Tassigny",
    line2: "Zone d'activité de l'Œillet — bâtiment Ç, <accueil> & réception",
    postalCode: "42100",
    city: "Saint-Étienne",
    country: "FR",
  },
  siren: "356000000",
  billingEmail: "compta@oeuvre-francaise.fr",
};

export const americanClient: Buyer = {
  name: "Acme Widgets Inc.",
  address: { line1: "500 Market Street", postalCode: "94105", city: "San Francisco", country: "US" },
  billingEmail: "ap@acme.example",
};

export function invoiceFor(
  seller: Seller,
  buyer: Buyer,
  overrides: Partial<InvoiceDocument> = {},
): InvoiceDocument {
  return {
    typeCode: "380",
    number: "F-2027-0001",
    issueDate: "2027-03-31",
    dueDate: "2027-04-30",
    servicePeriod: { start: "2027-03-01", end: "2027-03-31" },
    currency: "EUR",
    vatMode: vatModeFor(seller, buyer),
    seller,
    buyer,
    lines: [
      {
        description: "Développement logiciel — mars 2027",
        quantity: 21,
        unitPriceCents: 55_000,
        vatRate: 20,
      },
    ],
    paymentTerms: { termsDays: 30 },
    ...overrides,
  };
}
