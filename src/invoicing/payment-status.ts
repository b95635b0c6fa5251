// Where an issued invoice stands with its client, from the payments recorded, the credit notes that
// reduced it and its due date. Computed on read, never stored: "overdue" depends on today.

export type PaymentStatus = "unpaid" | "partially_paid" | "paid" | "overdue" | "credited";

export interface PaymentPosition {
  grossCents: number;
  paidCents: number;
  /** gross of the credit notes issued against it */
  creditedCents: number;
  dueDate: string;
  /** today, YYYY-MM-DD, in the owner's zone */
  today: string;
}

/** What the client still owes: the gross, less what was credited and what was paid. */
export function balanceCents(p: Pick<PaymentPosition, "grossCents" | "paidCents" | "creditedCents">): number {
  return p.grossCents - p.creditedCents - p.paidCents;
}

export function paymentStatus(p: PaymentPosition): PaymentStatus {
  if (balanceCents(p) <= 0) return p.paidCents === 0 && p.creditedCents > 0 ? "credited" : "paid";
  // Due on the due date itself: late from the day after.
  if (p.today > p.dueDate) return "overdue";
  return p.paidCents > 0 ? "partially_paid" : "unpaid";
}
