// The owner's hand on a run: retry a failed one (back in the queue now, its retries counted afresh) or
// cancel one that is waiting (or dismiss a failed one). Shared by the API and the automations page.
import type { AppDeps } from "../deps.ts";
import { AppError } from "../http/problems.ts";
import { cancelRunStatement, getOwnedRun, type RunRow, retryRunStatement } from "./store.ts";

async function act(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  runId: string,
  action: "retry" | "cancel",
): Promise<RunRow> {
  const run = await getOwnedRun(deps.database, ownerId, runId);
  if (!run) throw new AppError("not_found", { detail: "No such workflow run." });
  const now = deps.clock.now();
  const statement =
    action === "retry" ? retryRunStatement(ownerId, runId, now) : cancelRunStatement(ownerId, runId, now);
  // The guarded UPDATE decides: a run that moved on meanwhile (it ran, it was cancelled) is left alone.
  const [result] = await deps.database.batch([statement]);
  if ((result?.changes ?? 0) !== 1)
    throw new AppError("conflict", {
      detail:
        action === "retry"
          ? `Only a failed run can be retried; this one is ${run.status}.`
          : `Only a waiting or failed run can be cancelled; this one is ${run.status}.`,
      extra: { runStatus: run.status },
    });
  return (await getOwnedRun(deps.database, ownerId, runId))!;
}

export function retryRun(deps: Pick<AppDeps, "database" | "clock">, ownerId: string, runId: string) {
  return act(deps, ownerId, runId, "retry");
}

export function cancelRun(deps: Pick<AppDeps, "database" | "clock">, ownerId: string, runId: string) {
  return act(deps, ownerId, runId, "cancel");
}
