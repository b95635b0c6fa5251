import { describe, expect, it } from "vitest";
import { buildCreditNote, remainingCreditableCents } from "../../src/invoicing/credit-note.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { computeTotals } from "../../src/invoicing/totals.ts";
import { frenchClient, invoiceFor, sasu } from "./fixtures.ts";

// 21 days × 550 € + 20 % VAT = 13 860 € gross
const original = invoiceFor(sasu, frenchClient);
const day = { description: "Jour non dû", quantity: 1, unitPriceCents: 55_000, vatRate: 20 };

describe("credit notes", () => {
  it("credits the whole invoice by default and cites it", () => {
    const creditNote = buildCreditNote(original, { number: "AV-2027-0001", issueDate: "2027-04-05" }, []);
    expect(creditNote).toMatchObject({
      typeCode: "381",
      number: "AV-2027-0001",
      issueDate: "2027-04-05",
      dueDate: "2027-04-05",
      precedingInvoice: { number: "F-2027-0001", issueDate: "2027-03-31" },
      lines: original.lines,
    });
    expect(computeTotals(creditNote.lines, creditNote.vatMode).grossCents).toBe(1_386_000);
  });

  it("allows partial credits up to what remains, and refuses one cent more", () => {
    const alreadyCredited = [1_386_000 - 66_000]; // all but one day (550 € + 110 € VAT)
    expect(remainingCreditableCents(1_386_000, alreadyCredited)).toBe(66_000);
    expect(() =>
      buildCreditNote(
        original,
        { number: "AV-2027-0002", issueDate: "2027-04-05", lines: [day] },
        alreadyCredited,
      ),
    ).not.toThrow();
    expect(() =>
      buildCreditNote(original, { number: "AV-2027-0002", issueDate: "2027-04-05", lines: [day] }, [
        alreadyCredited[0]! + 1,
      ]),
    ).toThrow(/exceeds what remains to credit on F-2027-0001 \(65999 cents\)/);
  });

  it("refuses to credit a credit note, to predate the invoice, or to carry bad lines", () => {
    const creditNote = buildCreditNote(original, { number: "AV-2027-0001", issueDate: "2027-04-05" }, []);
    expect(() =>
      buildCreditNote(creditNote, { number: "AV-2027-0002", issueDate: "2027-04-06" }, []),
    ).toThrow(/Only an invoice can be credited/);
    try {
      buildCreditNote(
        original,
        { number: "AV-2027-0002", issueDate: "2027-03-01", lines: [{ ...day, quantity: -1 }] },
        [],
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvoiceInputError);
      expect((error as InvoiceInputError).errors.map((e) => e.path)).toEqual([
        "issueDate",
        "lines[0].quantity",
      ]);
    }
  });
});
