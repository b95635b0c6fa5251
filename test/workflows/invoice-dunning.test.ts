import { describe, expect, it } from "vitest";
import { dunningSchedule } from "../../src/invoicing/dunning-policy.ts";
import { dunningEmail } from "../../src/invoicing/emails/dunning-email.ts";
import { formatEuros } from "../../src/invoicing/money.ts";
import type { StoredDocument } from "../../src/invoicing/stored-document.ts";
import { tick } from "../../src/platform/tick.ts";
import { CLIENT, draftInvoice } from "../invoicing/api-fixture.ts";
import { DAY, type Fixture, missionFixture, runsOf, workflowMails } from "./mission-workflow-fixture.ts";

const NAME = "invoice-dunning";
// Issued on Friday 2 April 2027 at 30 days: due Sunday 2 May. Paris is at UTC+2.
const POLITE = Date.parse("2027-05-03T07:00:00Z"); // Monday 3 May, 09:00
const FIRM = Date.parse("2027-05-10T07:00:00Z"); // +7 is Sunday the 9th: Monday the 10th
const FINAL = Date.parse("2027-05-18T07:00:00Z"); // +15 is Whit Monday the 17th: Tuesday the 18th
const GROSS = 1_440_000;
const fr = (cents: number) => formatEuros(cents, "fr");
/** The text part, its line wrapping undone. */
const flat = (text: string) => text.replace(/\s+/g, " ");

interface Invoice {
  id: string;
  number: string;
  dueDate: string;
}

async function issued(options: Parameters<typeof missionFixture>[0] = {}) {
  const f = await missionFixture(options);
  const { id } = await draftInvoice(f);
  const invoice = await f.json<Invoice>(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
  return { f, invoice };
}

async function at(f: Fixture, when: number | string, ticks = 1) {
  f.clock.set(when);
  for (let i = 0; i < ticks; i++) await tick(f.deps);
}

function pay(f: Fixture, invoiceId: string, amountCents: number, date: string) {
  return f.json(`/api/invoices/${invoiceId}/payments`, { body: { amountCents, date } }, 201);
}

describe("invoice-dunning", () => {
  it("starts with the issue, then reminds politely, firmly (penalties, €40), and a last time: each once, on working days", async () => {
    const { f, invoice } = await issued();
    expect(invoice.dueDate).toBe("2027-05-02");
    expect((await runsOf(f, NAME)).map((r) => [r.key, r.status])).toEqual([[invoice.id, "waiting"]]);
    await at(f, "2027-05-02T20:00:00Z");
    await at(f, POLITE - 60_000);
    expect(await workflowMails(f, NAME)).toEqual([]);

    await at(f, POLITE + 30_000, 3);
    const [polite, ...none] = await workflowMails(f, NAME);
    expect(none).toEqual([]);
    expect(polite).toMatchObject({ toAddress: CLIENT.billingEmail, locale: "fr", status: "sent" });
    expect(polite!.subject).toBe(`Rappel\u00a0: facture ${invoice.number} échue le 02/05/2027`);
    expect(polite!.text).toContain(`Reste dû\u00a0: ${fr(GROSS)}`);
    expect(polite!.text).not.toContain("40\u00a0€");
    expect(polite!.headers).toEqual({ "Reply-To": "factures@octet.fr" });

    await at(f, "2027-05-09T07:00:30Z");
    expect(await workflowMails(f, NAME)).toHaveLength(1);
    await at(f, FIRM + 30_000, 2);
    const firm = (await workflowMails(f, NAME))[1]!;
    expect(firm.subject).toContain("impayée");
    expect(flat(firm.text)).toContain(
      "des pénalités de retard (trois fois le taux d'intérêt légal) et une indemnité forfaitaire pour frais de recouvrement de 40 €",
    );
    expect(firm.text).toContain("L441-10");

    await at(f, FINAL - 60_000);
    expect(await workflowMails(f, NAME)).toHaveLength(2);
    await at(f, FINAL + 30_000, 2);
    await at(f, FINAL + 30 * DAY);
    const mails = await workflowMails(f, NAME);
    expect(mails.map((m) => m.subject.split("\u00a0")[0])).toEqual([
      "Rappel",
      "Relance",
      "Dernier rappel avant recouvrement",
    ]);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });

  it("states the balance after a partial payment, and in the client's language", async () => {
    const { f, invoice } = await issued({ client: { ...CLIENT, locale: "en" } });
    await pay(f, invoice.id, 440_000, "2027-04-20");
    await at(f, POLITE + 30_000);
    const [polite] = await workflowMails(f, NAME);
    expect(polite!.locale).toBe("en");
    expect(polite!.subject).toBe(`Reminder: invoice ${invoice.number} was due on 2 May 2027`);
    expect(polite!.text).toContain("Already paid: €4,400.00");
    expect(polite!.text).toContain("Balance due: €10,000.00");
  });

  it("stops as soon as the invoice is paid in full", async () => {
    const { f, invoice } = await issued();
    await at(f, POLITE + 30_000);
    await pay(f, invoice.id, 1_000_000, "2027-05-04");
    await tick(f.deps);
    expect((await runsOf(f, NAME))[0]?.status).toBe("waiting");
    await pay(f, invoice.id, GROSS - 1_000_000, "2027-05-05");
    await tick(f.deps);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    await at(f, FIRM + 30_000);
    await at(f, FINAL + 30_000);
    expect(await workflowMails(f, NAME)).toHaveLength(1);

    const early = await issued();
    await pay(early.f, early.invoice.id, GROSS, "2027-04-30");
    await tick(early.f.deps);
    await at(early.f, FINAL + 30_000);
    expect(await workflowMails(early.f, NAME)).toEqual([]);
    expect((await runsOf(early.f, NAME))[0]?.status).toBe("completed");
  });

  it("after a long outage sends only the reminder now due, and none once even the last is stale", async () => {
    const { f } = await issued();
    await at(f, "2027-05-12T08:00:00Z", 2); // down since the issue: the polite one is superseded
    expect((await workflowMails(f, NAME)).map((m) => m.subject.split("\u00a0")[0])).toEqual(["Relance"]);
    await at(f, FINAL + 30_000);
    expect(await workflowMails(f, NAME)).toHaveLength(2);

    const stale = await issued();
    await at(stale.f, "2027-06-30T08:00:00Z");
    expect(await workflowMails(stale.f, NAME)).toEqual([]);
    expect((await runsOf(stale.f, NAME))[0]?.status).toBe("completed");
  });

  it("never runs for a credit note or a draft, and a full credit note ends the reminders", async () => {
    const { f, invoice } = await issued();
    await draftInvoice(f); // a draft never issued
    const credit = await f.json<{ id: string }>(
      `/api/invoices/${invoice.id}/credit-note`,
      { method: "POST" },
      201,
    );
    expect((await runsOf(f, NAME)).map((r) => r.key)).toEqual([invoice.id]);
    expect((await runsOf(f, NAME)).map((r) => r.key)).not.toContain(credit.id);
    await at(f, POLITE + 30_000);
    await at(f, FINAL + 30_000);
    expect(await workflowMails(f, NAME)).toEqual([]);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });
});

describe("dunning schedule and emails", () => {
  it("moves a reminder falling on a weekend or a holiday to the next working day, at 09:00 in the owner's zone", () => {
    expect(dunningSchedule("2027-05-02", "Europe/Paris")).toEqual({
      polite: POLITE,
      firm: FIRM,
      final: FINAL,
    });
    // Winter time in Paris (UTC+1); due Friday 17 December: +1 is a Saturday, +15 is New Year's Day.
    const winter = dunningSchedule("2027-12-17", "Europe/Paris");
    expect(Object.values(winter).map((ms) => new Date(ms).toISOString())).toEqual([
      "2027-12-20T08:00:00.000Z",
      "2027-12-24T08:00:00.000Z",
      "2028-01-03T08:00:00.000Z",
    ]);
  });

  it("renders each stage in French and English with every variable filled", () => {
    const document = {
      number: "F-2027-0001",
      issueDate: "2027-04-02",
      dueDate: "2027-05-02",
      seller: {
        legalName: "Octet",
        legalForm: "SASU",
        iban: "FR14 2004",
        bic: "PSSTFRPP",
        email: "f@octet.fr",
      },
      paymentTerms: { termsDays: 30, latePenaltyRate: "10 % par an" },
    } as unknown as StoredDocument;
    for (const locale of ["fr", "en"] as const)
      for (const stage of ["polite", "firm", "final"] as const) {
        const mail = dunningEmail({
          locale,
          stage,
          document,
          grossCents: GROSS,
          paidCents: 100_000,
          creditedCents: 40_000,
          balanceCents: GROSS - 140_000,
        });
        expect(`${mail.subject}${mail.text}`).not.toMatch(/\{\w+\}/);
        expect(mail.text).toContain(formatEuros(GROSS - 140_000, locale));
        expect(mail.text.includes("10 % par an")).toBe(stage !== "polite");
      }
  });
});
