import type { FieldError, InvoiceDocument, InvoiceLineInput } from "./invoice-model.ts";
import { InvoiceInputError } from "./invoice-model.ts";
import { computeTotals } from "./totals.ts";

// An issued invoice never changes; it is corrected by a credit note (type 381) that cites it
// (BG-3) and carries positive amounts, the type code alone meaning "to be deducted".

/** What is left to credit on an invoice, given the gross amounts of the credit notes already issued. */
export function remainingCreditableCents(
  originalGrossCents: number,
  creditedGrossCents: readonly number[],
): number {
  return originalGrossCents - creditedGrossCents.reduce((total, amount) => total + amount, 0);
}

export interface CreditNoteDraft {
  number: string;
  issueDate: string;
  /** Defaults to the issue date: the amount is owed back at once. */
  dueDate?: string;
  /** Defaults to every line of the original: a full credit. */
  lines?: InvoiceLineInput[];
}

/**
 * The credit note document for `original`, checked against what remains to be credited.
 * Throws InvoiceInputError listing every rule broken.
 */
export function buildCreditNote(
  original: InvoiceDocument,
  draft: CreditNoteDraft,
  alreadyCreditedGrossCents: readonly number[],
): InvoiceDocument {
  const creditNote: InvoiceDocument = {
    ...original,
    typeCode: "381",
    number: draft.number,
    issueDate: draft.issueDate,
    dueDate: draft.dueDate ?? draft.issueDate,
    lines: draft.lines ?? original.lines,
    precedingInvoice: { number: original.number, issueDate: original.issueDate },
    paymentTerms: { ...original.paymentTerms, termsDays: 0 },
  };
  const errors = creditNoteErrors(original, creditNote, alreadyCreditedGrossCents);
  if (errors.length > 0) throw new InvoiceInputError(errors);
  return creditNote;
}

export function creditNoteErrors(
  original: InvoiceDocument,
  creditNote: InvoiceDocument,
  alreadyCreditedGrossCents: readonly number[],
): FieldError[] {
  if (original.typeCode !== "380") {
    return [{ path: "invoiceId", message: "Only an invoice can be credited, not a credit note" }];
  }
  const errors: FieldError[] = [];
  if (creditNote.issueDate < original.issueDate) {
    errors.push({ path: "issueDate", message: "A credit note cannot predate the invoice it corrects" });
  }
  const originalGross = computeTotals(original.lines, original.vatMode).grossCents;
  const remaining = remainingCreditableCents(originalGross, alreadyCreditedGrossCents);
  try {
    const creditGross = computeTotals(creditNote.lines, creditNote.vatMode).grossCents;
    if (creditGross > remaining) {
      errors.push({
        path: "lines",
        message: `The credit note (${creditGross} cents) exceeds what remains to credit on ${original.number} (${remaining} cents)`,
      });
    }
  } catch (error) {
    if (!(error instanceof InvoiceInputError)) throw error;
    errors.push(...error.errors);
  }
  return errors;
}
