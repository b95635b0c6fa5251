import { describe, expect, it } from "vitest";
import { buildCreditNote } from "../../src/invoicing/credit-note.ts";
import { legalMentions, sellerDisplayName } from "../../src/invoicing/legal-mentions.ts";
import { frenchClient, germanClient, invoiceFor, microEntrepreneur, sasu } from "./fixtures.ts";

const plain = (text: string) => text.replaceAll("\u00a0", " ");
const byKey = (mentions: ReturnType<typeof legalMentions>) =>
  Object.fromEntries(mentions.map((m) => [m.key, plain(m.text)]));

describe("legalMentions", () => {
  it("prints the franchise sentence, the EI name and the default payment mentions in French", () => {
    const mentions = byKey(legalMentions(invoiceFor(microEntrepreneur, frenchClient), "fr"));
    expect(mentions).toMatchObject({
      sellerLegal:
        "Informations légales : Camille Lefèvre EI — Entrepreneur individuel — SIREN 732829320 — SIRET 73282932000074",
      vatExemption: "TVA non applicable, art. 293 B du CGI",
      operationCategory: "Catégorie de l'opération : prestation de services",
      paymentTerms: "Échéance : 30/04/2027 (paiement à 30 jours)",
      earlyPaymentDiscount: "Escompte pour paiement anticipé : néant",
      latePenalty: "Pénalités de retard : trois fois le taux d'intérêt légal",
      recoveryIndemnity: "Indemnité forfaitaire pour frais de recouvrement : 40 €",
      paymentDetails: "Règlement par virement : IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP",
    });
  });

  it("uses French typography: a no-break space before the colon", () => {
    const [first] = legalMentions(invoiceFor(sasu, frenchClient), "fr");
    expect(first?.text).toContain("\u00a0: ");
  });

  it("gives a company's form, capital, RCS and VAT number, and honours configured rates", () => {
    const invoice = invoiceFor(sasu, frenchClient, {
      paymentTerms: { termsDays: 45, latePenaltyRate: "10 % par an", earlyPaymentDiscount: "2 % à 8 jours" },
    });
    const mentions = byKey(legalMentions(invoice, "fr"));
    expect(mentions.sellerLegal).toBe(
      "Informations légales : Octet & Cie — SASU au capital de 1 000 € — RCS Paris 552 100 554 — SIREN 552100554 — SIRET 55210055400013 — N° TVA FR40552100554",
    );
    expect(mentions.latePenalty).toBe("Pénalités de retard : 10 % par an");
    expect(mentions.earlyPaymentDiscount).toBe("Escompte pour paiement anticipé : 2 % à 8 jours");
    expect(mentions.vatExemption).toBeUndefined();
  });

  it("says Autoliquidation for a reverse-charge client, in both languages", () => {
    expect(byKey(legalMentions(invoiceFor(sasu, germanClient), "fr")).vatExemption).toMatch(
      /^Autoliquidation/,
    );
    expect(byKey(legalMentions(invoiceFor(sasu, germanClient), "en")).vatExemption).toMatch(
      /^Reverse charge \(Autoliquidation\)/,
    );
  });

  it("has English labels with the legal French wording quoted", () => {
    const mentions = byKey(legalMentions(invoiceFor(microEntrepreneur, frenchClient), "en"));
    expect(mentions).toMatchObject({
      vatExemption: "VAT not applicable (TVA non applicable, art. 293 B du CGI)",
      paymentTerms: "Due date: 30 April 2027 (payment within 30 days)",
      earlyPaymentDiscount: "Early payment discount: none",
      recoveryIndemnity: "Fixed compensation for recovery costs: €40",
    });
  });

  it("cites the corrected invoice on a credit note", () => {
    const creditNote = buildCreditNote(
      invoiceFor(sasu, frenchClient),
      { number: "AV-2027-0001", issueDate: "2027-04-02" },
      [],
    );
    const mentions = byKey(legalMentions(creditNote, "fr"));
    expect(mentions.precedingInvoice).toBe("Avoir sur : facture F-2027-0001 du 31/03/2027");
    expect(mentions.paymentTerms).toBe("Date de remboursement : 02/04/2027");
  });

  it("marks the mentions that go into the CII with their subject codes", () => {
    const codes = legalMentions(invoiceFor(sasu, frenchClient), "fr").flatMap((m) => m.noteSubjectCode ?? []);
    expect(codes).toEqual(["REG", "AAI", "AAB", "PMD", "PMT"]);
  });
});

describe("sellerDisplayName", () => {
  it("appends EI to a sole trader's name once, and leaves companies alone", () => {
    expect(sellerDisplayName({ legalName: "Camille Lefèvre", legalForm: "EI" })).toBe("Camille Lefèvre EI");
    expect(sellerDisplayName({ legalName: "Camille Lefèvre EI", legalForm: "EI" })).toBe(
      "Camille Lefèvre EI",
    );
    expect(
      sellerDisplayName({ legalName: "Camille Lefèvre, entrepreneur individuel", legalForm: "ei" }),
    ).toBe("Camille Lefèvre, entrepreneur individuel");
    expect(sellerDisplayName({ legalName: "Octet & Cie", legalForm: "SASU" })).toBe("Octet & Cie");
  });
});
