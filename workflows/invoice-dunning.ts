// 7. invoice-dunning: an issued invoice still unpaid gets a polite reminder the day after its due date,
// a firmer one at +7 days (penalties and the €40 indemnity), a last one at +15. Started in the batch that
// issues the invoice (never for a credit note); its full payment emits invoice.paid, which ends the run.
import { findOwnerById } from "../src/accounts/store.ts";
import {
  DUNNING_STAGES,
  type DunningStage,
  dunningDecision,
  dunningSchedule,
} from "../src/invoicing/dunning-policy.ts";
import { dunningEmail } from "../src/invoicing/emails/dunning-email.ts";
import { getInvoice } from "../src/invoicing/invoice-store.ts";
import { INVOICE_DUNNING, INVOICE_PAID } from "../src/invoicing/invoice-workflows.ts";
import { balanceCents } from "../src/invoicing/payment-status.ts";
import { storedDocument } from "../src/invoicing/stored-document.ts";
import { getClient } from "../src/missions/client-store.ts";
import { localeOf } from "../src/missions/emails/mail-parts.ts";
import type { AppDeps } from "../src/platform/deps.ts";
import { defineWorkflow } from "../src/platform/workflows/definition.ts";
import { loadWorkflowSettings } from "../src/platform/workflows/settings-store.ts";

export interface InvoiceDunningInput {
  invoiceId: string;
}

async function plan(deps: AppDeps, ownerId: string, invoiceId: string) {
  const [invoice, owner] = await Promise.all([
    getInvoice(deps.database, ownerId, invoiceId),
    findOwnerById(deps.database, ownerId),
  ]);
  if (!invoice?.dueDate || !owner || invoice.type !== "invoice" || invoice.status !== "issued") return null;
  const delays = await loadWorkflowSettings(deps.database, ownerId);
  return dunningSchedule(invoice.dueDate, owner.timeZone, {
    polite: delays.dunningPoliteDays,
    firm: delays.dunningFirmDays,
    final: delays.dunningFinalDays,
  });
}

async function reminder(deps: AppDeps, ownerId: string, invoiceId: string, stage: DunningStage) {
  const invoice = await getInvoice(deps.database, ownerId, invoiceId);
  if (invoice?.status !== "issued") return null;
  const document = storedDocument(invoice.document);
  const balance = balanceCents(invoice);
  // Paid between the decision and now (a payment recorded meanwhile): nothing to say.
  if (balance <= 0) return null;
  const client = await getClient(deps.database, ownerId, invoice.clientId);
  const locale = localeOf(client?.locale ?? document.locale);
  return {
    why: `workflow:${INVOICE_DUNNING}`,
    to: { address: client?.billingEmail ?? document.buyer.billingEmail, name: document.buyer.name },
    locale,
    headers: { "Reply-To": document.seller.email },
    ...dunningEmail({
      locale,
      stage,
      document,
      grossCents: invoice.grossCents,
      paidCents: invoice.paidCents,
      creditedCents: invoice.creditedCents,
      balanceCents: balance,
    }),
  };
}

export const invoiceDunning = defineWorkflow<InvoiceDunningInput>({
  name: INVOICE_DUNNING,
  title: { fr: "Relances de paiement", en: "Payment reminders" },
  async run(ctx, deps) {
    const { invoiceId } = ctx.input;
    const schedule = await ctx.step("plan", () => plan(deps, ctx.ownerId, invoiceId));
    if (!schedule) return;
    for (const stage of DUNNING_STAGES) {
      const paid = { name: INVOICE_PAID, key: invoiceId };
      if (await ctx.waitForEvent(`paid-before-${stage}`, paid, { timeoutAt: schedule[stage] })) return;
      const decision = await ctx.step(`decide-${stage}`, async () =>
        dunningDecision(stage, await getInvoice(deps.database, ctx.ownerId, invoiceId), schedule, ctx.now()),
      );
      if (decision.action === "stop") return;
      if (decision.action === "send")
        await ctx.sendEmail(`remind-${stage}`, () => reminder(deps, ctx.ownerId, invoiceId, stage));
    }
  },
});
