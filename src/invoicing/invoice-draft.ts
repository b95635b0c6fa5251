// From the owner's data to invoice content: the buyer from a client, lines from reported days, and
// the complete document frozen at issue. Pure: everything comes in as plain values.
import { monthBounds } from "../missions/plain-date.ts";
import { sumDays } from "../missions/working-days.ts";
import { activityInvoiceLine } from "./activity-line.ts";
import { formatDate } from "./date-text.ts";
import type {
  Buyer,
  DatePeriod,
  InvoiceDocument,
  InvoiceLineInput,
  PostalAddress,
  PrecedingInvoice,
  Seller,
} from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";
import { vatModeFor } from "./vat.ts";

export interface ClientIdentity {
  name: string;
  address: Record<string, string>;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  billingEmail: string;
}

export function buyerFromClient(client: ClientIdentity): Buyer {
  const a = client.address;
  const address: PostalAddress = {
    line1: a.line1 ?? "",
    ...(a.line2 ? { line2: a.line2 } : {}),
    postalCode: a.postalCode ?? "",
    city: a.city ?? "",
    country: a.country ?? "",
  };
  return {
    name: client.name,
    address,
    ...(client.siren ? { siren: client.siren } : {}),
    ...(client.siret ? { siret: client.siret } : {}),
    ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}),
    billingEmail: client.billingEmail,
  };
}

export interface ReportedDaysInput {
  missionTitle: string;
  dailyRateCents: number;
  vatRate: number;
  locale: "fr" | "en";
  period: DatePeriod;
  days: readonly { date: string; fraction: number }[];
}

/** One line for the days reported within the period: "Mission — mars 2027", or the dates when not a whole month. */
export function linesFromReportedDays(input: ReportedDaysInput): InvoiceLineInput[] {
  const { start, end } = input.period;
  const days = input.days.filter((d) => d.date >= start && d.date <= end);
  if (sumDays(days) <= 0) {
    throw new InvoiceInputError([
      { path: "lines", message: `No day was reported on this mission from ${start} to ${end}: send lines` },
    ]);
  }
  const month = start.slice(0, 7);
  const wholeMonth = month === end.slice(0, 7) && sameRange(monthBounds(month), input.period);
  const line = activityInvoiceLine({ ...input, month, days });
  if (wholeMonth) return [line];
  const range =
    input.locale === "fr"
      ? `du ${formatDate(start, "fr")} au ${formatDate(end, "fr")}`
      : `${formatDate(start, "en")} to ${formatDate(end, "en")}`;
  return [{ ...line, description: `${input.missionTitle.trim()} — ${range}` }];
}

function sameRange(a: DatePeriod, b: DatePeriod): boolean {
  return a.start === b.start && a.end === b.end;
}

export interface DocumentInput {
  typeCode: "380" | "381";
  seller: Seller;
  buyer: Buyer;
  lines: InvoiceLineInput[];
  servicePeriod: DatePeriod;
  issueDate: string;
  dueDate: string;
  termsDays: number;
  latePenaltyRate?: string;
  earlyPaymentDiscount?: string;
  precedingInvoice?: PrecedingInvoice;
}

/** The document as it will be frozen; the number is written by the statement that assigns it. */
export function invoiceDocument(input: DocumentInput): InvoiceDocument {
  return {
    typeCode: input.typeCode,
    number: "",
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    servicePeriod: input.servicePeriod,
    currency: "EUR",
    vatMode: vatModeFor(input.seller, input.buyer),
    seller: input.seller,
    buyer: input.buyer,
    lines: input.lines,
    paymentTerms: {
      termsDays: input.termsDays,
      ...(input.latePenaltyRate ? { latePenaltyRate: input.latePenaltyRate } : {}),
      ...(input.earlyPaymentDiscount ? { earlyPaymentDiscount: input.earlyPaymentDiscount } : {}),
    },
    ...(input.precedingInvoice ? { precedingInvoice: input.precedingInvoice } : {}),
  };
}
