// Starts delivering right after an event is recorded instead of waiting for the next tick. One pass at a time
// per database in this process: events recorded during a pass ask for one more pass, not for a pass each.
import { perDatabase } from "../platform/db/prepared.ts";
import type { AppDeps } from "../platform/deps.ts";
import { errorFields } from "../platform/logger.ts";
import { deliverDueWebhooks, type WebhookReport } from "./deliver.ts";

const PASS_LIMIT = 500;

interface PassState {
  running: boolean;
  again: boolean;
}

const passOf = perDatabase((): PassState => ({ running: false, again: false }));

export function nudgeDelivery(deps: AppDeps): void {
  const state = passOf(deps.database);
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  const current = state;
  const loop = async () => {
    try {
      let report: WebhookReport;
      do {
        current.again = false;
        report = await deliverDueWebhooks(deps, { limit: PASS_LIMIT });
      } while (current.again || report.claimed >= PASS_LIMIT);
    } catch (error) {
      deps.logger.warn("webhook delivery pass failed; the tick will retry", errorFields(error));
    } finally {
      current.running = false;
    }
  };
  deps.defer(loop());
}
