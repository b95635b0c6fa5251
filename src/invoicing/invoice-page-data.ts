// Gathers what the invoice pages show (pages never query).
import { and, eq } from "drizzle-orm";
import { getClient, listClients } from "../missions/client-store.ts";
import { getMission } from "../missions/mission-store.ts";
import { dateInZone } from "../missions/plain-date.ts";
import { outbox } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import { getInvoice, type InvoiceWithCredits, listInvoices } from "./invoice-store.ts";
import { paymentPosition } from "./invoice-view.ts";
import type { InvoicePageData } from "./pages/invoice-page.ts";
import type { InvoiceListItem } from "./pages/invoices-page.ts";
import { listPayments } from "./payments.ts";
import { storedDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";

export async function invoiceListItems(
  deps: AppDeps,
  owner: CurrentOwner,
  rows: InvoiceWithCredits[],
): Promise<InvoiceListItem[]> {
  const today = dateInZone(deps.clock.now(), owner.timeZone);
  const names = new Map((await listClients(deps.database, owner.id)).map((c) => [c.id, c.name]));
  return rows.map((i) => ({
    id: i.id,
    number: i.number,
    type: i.type,
    status: i.status,
    clientName: names.get(i.clientId) ?? "",
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    grossCents: i.grossCents,
    paymentStatus: paymentPosition(i, today).paymentStatus,
  }));
}

export { listInvoices };

/** Line nets as the totals rule computes them; a draft whose lines no longer validate shows zeros. */
function lineNets(lines: InvoiceLineInput[], vatMode: Parameters<typeof computeTotals>[1]): number[] {
  try {
    return computeTotals(lines, vatMode).lines.map((l) => l.netCents);
  } catch {
    return lines.map(() => 0);
  }
}

export async function invoicePageData(
  deps: AppDeps,
  owner: CurrentOwner,
  csrfToken: string,
  invoice: InvoiceWithCredits,
  extra: Partial<
    Pick<
      InvoicePageData,
      | "flash"
      | "error"
      | "missingFields"
      | "paymentValues"
      | "paymentErrors"
      | "creditValues"
      | "creditErrors"
    >
  > = {},
): Promise<InvoicePageData> {
  const today = dateInZone(deps.clock.now(), owner.timeZone);
  const issued = invoice.status === "issued";
  const document = issued ? storedDocument(invoice.document) : null;
  const lines = invoice.lines as InvoiceLineInput[];
  const vatMode = document?.vatMode ?? (invoice.vatCents > 0 ? "standard" : "franchise");
  const [client, mission, original, creditNotes, payments, sent] = await Promise.all([
    getClient(deps.database, owner.id, invoice.clientId),
    invoice.missionId ? getMission(deps.database, owner.id, invoice.missionId) : undefined,
    invoice.creditOfId ? getInvoice(deps.database, owner.id, invoice.creditOfId) : undefined,
    invoice.type === "invoice" && issued
      ? listInvoices(deps.database, owner.id, { creditOfId: invoice.id, limit: 100 })
      : Promise.resolve([]),
    listPayments(deps.database, owner.id, invoice.id),
    deps.database.db
      .select({ createdAt: outbox.createdAt })
      .from(outbox)
      .where(and(eq(outbox.ownerId, owner.id), eq(outbox.idempotencyKey, `invoice.send:${invoice.id}`)))
      .get(),
  ]);
  const position = paymentPosition(invoice, today);
  return {
    owner,
    csrfToken,
    invoice: {
      id: invoice.id,
      type: invoice.type,
      status: invoice.status,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      lines,
      lineNets: lineNets(lines, vatMode),
      vatApplies: vatMode === "standard",
      totals: { netCents: invoice.netCents, vatCents: invoice.vatCents, grossCents: invoice.grossCents },
      paidCents: invoice.paidCents,
      balanceCents: position.balanceCents,
      paymentStatus: position.paymentStatus,
      reason: document?.note ?? null,
    },
    client: { id: invoice.clientId, name: client?.name ?? "" },
    mission: mission ? { id: mission.id, title: mission.title } : null,
    creditOf: original ? { id: original.id, number: original.number } : null,
    creditNotes: creditNotes.map((c) => ({ id: c.id, number: c.number, grossCents: c.grossCents })),
    payments: payments.map((p) => ({ amountCents: p.amountCents, date: p.date, method: p.method })),
    sentOn: sent ? dateInZone(sent.createdAt, owner.timeZone) : null,
    today,
    paymentValues: extra.paymentValues ?? {},
    paymentErrors: extra.paymentErrors ?? {},
    creditValues: extra.creditValues ?? {},
    creditErrors: extra.creditErrors ?? {},
    ...(extra.flash ? { flash: extra.flash } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.missingFields ? { missingFields: extra.missingFields } : {}),
  };
}
