// The insights' counts, summed by SQL over the leads' summary columns (see schema.ts): a handful of rows
// back whatever the number of leads. Erased leads are counted too: they are anonymous, not gone.
import { sql } from "drizzle-orm";
import type { Database } from "../platform/db/database.ts";
import type { ChannelCounts } from "./funnel.ts";
import type { WeekBucket } from "./weeks.ts";

const CALL_STAGES = sql.raw(
  `('call_scheduled', 'call_done', 'team_meeting', 'technical_test', 'proposal', 'won')`,
);
/** A booking lead declined on arrival never moved: it was decided when it came. */
const DECIDED_AT = sql.raw(
  `COALESCE(decided_at, CASE WHEN stage = 'declined' AND verdict = 'declined' THEN created_at END)`,
);

/**
 * The weeks as literal rows: D1 binds at most 100 parameters per query, and three years of weeks need
 * over 450. They are integers we computed, checked as such, so writing them into the SQL is safe.
 */
function weekValues(weeks: readonly WeekBucket[]) {
  const rows = weeks.map((w, i) => {
    if (![w.startMs, w.endMs].every(Number.isSafeInteger))
      throw new RangeError("week bounds must be integers");
    return `(${i}, ${w.startMs}, ${w.endMs})`;
  });
  return sql.raw(rows.join(", "));
}

export interface InsightCounts {
  channels: ChannelCounts[];
  decisionDurationsMs: number[];
  perWeek: { weekStart: string; leads: number }[];
}

export async function insightCounts(
  database: Database,
  ownerId: string,
  period: { startMs: number; endMs: number },
  weeks: readonly WeekBucket[],
): Promise<InsightCounts> {
  const inPeriod = sql`owner_id = ${ownerId} AND created_at >= ${period.startMs} AND created_at < ${period.endMs}`;
  const [channels, revenue, durations, perWeek] = await Promise.all([
    database.all<Omit<ChannelCounts, "revenueCents">>(sql`SELECT source AS channel, COUNT(*) AS leads,
        SUM(reached_call OR stage IN ${CALL_STAGES}) AS calls, SUM(stage = 'won') AS won, SUM(NOT owner_touched) AS untouched
      FROM leads WHERE ${inPeriod} GROUP BY source`),
    revenueByChannel(database, ownerId, period),
    database.all<{ ms: number }>(
      sql`SELECT ${DECIDED_AT} - created_at AS ms FROM leads WHERE ${inPeriod} AND ${DECIDED_AT} IS NOT NULL`,
    ),
    weeks.length === 0
      ? Promise.resolve([])
      : database.all<{ n: number }>(sql`WITH w(i, s, e) AS (VALUES ${weekValues(weeks)})
        SELECT (SELECT COUNT(*) FROM leads WHERE owner_id = ${ownerId} AND created_at >= MAX(w.s, ${period.startMs}) AND created_at < MIN(w.e, ${period.endMs})) AS n
        FROM w ORDER BY i`),
  ]);
  return {
    channels: channels.map((c) => ({ ...c, revenueCents: revenue.get(c.channel) ?? 0 })),
    decisionDurationsMs: durations.map((d) => d.ms),
    perWeek: perWeek.map((p, i) => ({ weekStart: weeks[i]!.date, leads: p.n })),
  };
}

/**
 * Issued invoices net of credit notes (which carry positive amounts and point at the invoice they
 * correct), plus the invoices a platform issued for the owner, for missions won from leads of the period.
 */
async function revenueByChannel(
  database: Database,
  ownerId: string,
  period: { startMs: number; endMs: number },
): Promise<Map<string, number>> {
  const rows = await database.all<{
    channel: string;
    cents: number;
  }>(sql`SELECT l.source AS channel, SUM(x.cents) AS cents FROM (
      SELECT m.lead_id AS leadId, CASE WHEN i.type = 'credit_note' THEN -i.net_cents ELSE i.net_cents END AS cents
        FROM invoices i JOIN missions m ON m.id = COALESCE(i.mission_id, (SELECT o.mission_id FROM invoices o WHERE o.id = i.credit_of_id))
        WHERE i.owner_id = ${ownerId} AND i.status = 'issued' AND m.lead_id IS NOT NULL
      UNION ALL
      SELECT m.lead_id, e.amount_cents FROM external_invoices e JOIN missions m ON m.id = e.mission_id
        WHERE e.owner_id = ${ownerId} AND m.lead_id IS NOT NULL
    ) x JOIN leads l ON l.id = x.leadId
    WHERE l.owner_id = ${ownerId} AND l.created_at >= ${period.startMs} AND l.created_at < ${period.endMs}
    GROUP BY l.source`);
  return new Map(rows.map((r) => [r.channel, Number(r.cents)]));
}
