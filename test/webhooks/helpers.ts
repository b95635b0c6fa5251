// Webhook test helpers: an owner whose app may reach 127.0.0.1, and a way to let every delivery pass run out.
import { sql } from "drizzle-orm";
import type { AppDeps } from "../../src/platform/deps.ts";
import { deliverDueWebhooks } from "../../src/webhooks/deliver.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";

export function webhookOwner(env: Record<string, string> = {}) {
  return ownerFixture({ env: { ALLOW_PRIVATE_TARGETS: "1", ...env } });
}

/** Runs passes until nothing is due or in flight (a pass started by an emit may still be running). */
export async function drain(deps: AppDeps): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await deliverDueWebhooks(deps);
    const [busy] = await deps.database.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM webhook_deliveries
        WHERE status = 'delivering' OR (status = 'pending' AND next_attempt_at <= ${deps.clock.now()})`,
    );
    if ((busy?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("webhook deliveries did not settle");
}

export async function statusCounts(deps: AppDeps): Promise<Record<string, number>> {
  const rows = await deps.database.all<{ status: string; n: number }>(
    sql`SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
