// Editing or deleting a draft. Issued documents refuse both with 409: they are corrected by credit notes.
import { getClient } from "../missions/client-store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { draftTotals, draftVatMode } from "./create-invoice.ts";
import type { InvoiceLineInput } from "./invoice-model.ts";
import { deleteDraft, getInvoice, type InvoiceWithCredits, updateDraft } from "./invoice-store.ts";
import { alreadyIssuedProblem } from "./invoicing-problems.ts";

export interface DraftPatch {
  periodStart?: string;
  periodEnd?: string;
  lines?: InvoiceLineInput[];
}

async function editableDraft(deps: AppDeps, ownerId: string, id: string): Promise<InvoiceWithCredits> {
  const invoice = await getInvoice(deps.database, ownerId, id);
  if (!invoice) throw new AppError("not_found", { detail: "No such invoice." });
  if (invoice.status !== "draft") throw alreadyIssuedProblem(invoice.number);
  return invoice;
}

export async function editDraft(
  deps: AppDeps,
  ownerId: string,
  id: string,
  patch: DraftPatch,
): Promise<InvoiceWithCredits> {
  const draft = await editableDraft(deps, ownerId, id);
  const periodStart = patch.periodStart ?? draft.periodStart;
  const periodEnd = patch.periodEnd ?? draft.periodEnd;
  if (periodEnd < periodStart)
    throw new AppError("validation", { errors: [{ path: "periodEnd", message: "is before periodStart" }] });
  const lines = patch.lines ?? (draft.lines as InvoiceLineInput[]);
  const client = (await getClient(deps.database, ownerId, draft.clientId))!;
  const totals = draftTotals(lines, await draftVatMode(deps, ownerId, client));
  const updated = await updateDraft(deps.database, ownerId, id, {
    periodStart,
    periodEnd,
    lines,
    totals,
    now: deps.clock.now(),
  });
  if (!updated) await editableDraft(deps, ownerId, id);
  return (await getInvoice(deps.database, ownerId, id))!;
}

export async function removeDraft(deps: AppDeps, ownerId: string, id: string): Promise<void> {
  await editableDraft(deps, ownerId, id);
  if (!(await deleteDraft(deps.database, ownerId, id))) await editableDraft(deps, ownerId, id);
}
