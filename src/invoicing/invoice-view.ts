// An invoice or credit note as the API shows it.
import type { InvoiceWithCredits } from "./invoice-store.ts";
import { balanceCents, type PaymentStatus, paymentStatus } from "./payment-status.ts";
import { storedDocument } from "./stored-document.ts";

export interface PaymentPositionView {
  paidCents: number;
  creditedCents: number;
  /** what the client still owes; null for drafts and credit notes */
  balanceCents: number | null;
  paymentStatus: PaymentStatus | null;
}

export function paymentPosition(inv: InvoiceWithCredits, today: string): PaymentPositionView {
  const owed = inv.status === "issued" && inv.type === "invoice";
  return {
    paidCents: inv.paidCents,
    creditedCents: inv.creditedCents,
    balanceCents: owed ? balanceCents(inv) : null,
    paymentStatus: owed ? paymentStatus({ ...inv, dueDate: inv.dueDate!, today }) : null,
  };
}

export function invoiceJson(inv: InvoiceWithCredits, today: string) {
  const issued = inv.status === "issued";
  const document = issued ? storedDocument(inv.document) : null;
  return {
    id: inv.id,
    type: inv.type,
    typeCode: inv.type === "invoice" ? "380" : "381",
    status: inv.status,
    number: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    missionId: inv.missionId,
    clientId: inv.clientId,
    activityReportId: inv.activityReportId,
    creditOfId: inv.creditOfId,
    periodStart: inv.periodStart,
    periodEnd: inv.periodEnd,
    currency: "EUR",
    vatMode: document?.vatMode ?? null,
    lines: inv.lines,
    totals: { netCents: inv.netCents, vatCents: inv.vatCents, grossCents: inv.grossCents },
    ...paymentPosition(inv, today),
    reason: document?.note ?? null,
    document,
    links: issued
      ? { pdf: `/api/invoices/${inv.id}/pdf`, xml: `/api/invoices/${inv.id}/xml` }
      : { pdf: null, xml: null },
    createdAt: new Date(inv.createdAt).toISOString(),
    issuedAt: inv.issuedAt ? new Date(inv.issuedAt).toISOString() : null,
  };
}
