// The invoice as a plain, immutable document: everything the PDF and the CII XML need, nothing from the DB.
// Dates are ISO `YYYY-MM-DD`; money is integer cents; quantities are decimal (days, in half-day steps).

export type LegalForm = "EI" | "EIRL" | "EURL" | "SASU" | "SAS" | "SARL" | "SA" | "SNC" | (string & {});

export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface Seller {
  /** The person's name for a sole trader ("EI" is appended when shown), the company name otherwise. */
  legalName: string;
  tradeName?: string;
  legalForm: LegalForm;
  siren: string;
  siret: string;
  vatNumber?: string;
  /** Franchise en base de TVA (art. 293 B du CGI): no VAT charged, usually no VAT number. */
  vatFranchise: boolean;
  address: PostalAddress;
  email: string;
  iban: string;
  bic: string;
  capitalCents?: number;
  /** e.g. "RCS Paris 123 456 789" */
  rcs?: string;
}

export interface Buyer {
  name: string;
  address: PostalAddress;
  siren?: string;
  siret?: string;
  vatNumber?: string;
  billingEmail: string;
}

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
export type InvoiceTypeCode = "380" | "381";

/**
 * standard: French VAT at the line rate (category S).
 * franchise: seller under the VAT franchise (category E, art. 293 B du CGI).
 * reverse-charge: B2B services to a VAT-registered client elsewhere in the EU (category AE).
 * outside-scope: B2B services to a client outside the EU, not subject to French VAT (category O).
 */
export type VatMode = "standard" | "franchise" | "reverse-charge" | "outside-scope";

/** UNTDID 5305 codes this product uses. */
export type VatCategory = "S" | "E" | "AE" | "O";

/** UN/ECE Recommendation 20 units: day, hour, piece. */
export type QuantityUnit = "DAY" | "HUR" | "C62";

export interface InvoiceLineInput {
  description: string;
  /** Days worked, in half-day steps for activity lines; any positive decimal (max 3 places) otherwise. */
  quantity: number;
  unitPriceCents: number;
  /** Percent, e.g. 20 or 5.5. Used in standard mode only: the other modes are 0 % by law. */
  vatRate: number;
  unit?: QuantityUnit;
}

export interface PrecedingInvoice {
  number: string;
  issueDate: string;
}

export interface DatePeriod {
  start: string;
  end: string;
}

export interface PaymentTerms {
  termsDays: number;
  /** Free text such as "10 % par an"; absent means the legal default, three times the legal interest rate. */
  latePenaltyRate?: string;
  /** Absent means "néant". */
  earlyPaymentDiscount?: string;
}

export interface InvoiceDocument {
  typeCode: InvoiceTypeCode;
  number: string;
  issueDate: string;
  dueDate: string;
  servicePeriod: DatePeriod;
  currency: "EUR";
  vatMode: VatMode;
  seller: Seller;
  buyer: Buyer;
  lines: InvoiceLineInput[];
  paymentTerms: PaymentTerms;
  /** Required when typeCode is 381. */
  precedingInvoice?: PrecedingInvoice;
  /** The client's purchase order number (BT-13), when they gave one. */
  purchaseOrderReference?: string;
  /** The client's own reference for routing (BT-10). */
  buyerReference?: string;
}

export interface FieldError {
  path: string;
  message: string;
}

/** Thrown by the pure rules when input breaks them; carries every problem found, not just the first. */
export class InvoiceInputError extends Error {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join("; "));
    this.name = "InvoiceInputError";
    this.errors = errors;
  }
}
