// Statements that change a lead, each guarded so it applies once and never on stale data: a stage moves
// only from the stage the owner saw, and its event is written only if the move happened.
import { type SQL, sql } from "drizzle-orm";
import { type Actor, CALL_STAGES, isClosed, type Stage } from "./pipeline.ts";

/** The insights' summary columns follow each change: a call reached, the first decision, the owner's hand. */
const touched = (by: Actor) => (by === "owner" ? 1 : 0);

export interface StageMove {
  ownerId: string;
  leadId: string;
  from: Stage;
  to: Stage;
  by: Actor;
  /** why a lead was lost (or declined by hand) */
  reason?: string | null;
  eventId: string;
  now: number;
  /** extra facts for the timeline (e.g. the mission a win created) */
  data?: Record<string, unknown>;
}

/** The move, then its event; the event's guard sees the move's effect within the same batch. */
export function stageMoveStatements(m: StageMove): [SQL, SQL] {
  const data = JSON.stringify({
    from: m.from,
    to: m.to,
    by: m.by,
    ...(m.reason ? { reason: m.reason } : {}),
    ...m.data,
  });
  return [
    sql`UPDATE leads SET stage = ${m.to}, updated_at = ${m.now},
        reached_call = MAX(reached_call, ${CALL_STAGES.includes(m.from) || CALL_STAGES.includes(m.to) ? 1 : 0}),
        decided_at = ${isClosed(m.to) ? sql`COALESCE(decided_at, ${m.now})` : sql`decided_at`},
        owner_touched = MAX(owner_touched, ${touched(m.by)})
      WHERE owner_id = ${m.ownerId} AND id = ${m.leadId} AND stage = ${m.from}`,
    sql`INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at)
      SELECT ${m.eventId}, ${m.ownerId}, ${m.leadId}, 'stage.changed', ${data}, ${m.now}
      WHERE changes() = 1`,
  ];
}

export function verdictStatements(v: {
  ownerId: string;
  leadId: string;
  from: string;
  to: "qualified" | "review" | "declined";
  by: Actor;
  eventId: string;
  now: number;
}): [SQL, SQL] {
  return [
    sql`UPDATE leads SET verdict = ${v.to}, updated_at = ${v.now}, owner_touched = MAX(owner_touched, ${touched(v.by)})
      WHERE owner_id = ${v.ownerId} AND id = ${v.leadId} AND verdict = ${v.from}`,
    sql`INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at)
      SELECT ${v.eventId}, ${v.ownerId}, ${v.leadId}, 'verdict.changed', ${JSON.stringify({ from: v.from, to: v.to, by: v.by })}, ${v.now}
      WHERE changes() = 1`,
  ];
}

export function notesStatements(n: {
  ownerId: string;
  leadId: string;
  notes: string | null;
  by: Actor;
  eventId: string;
  now: number;
}): [SQL, SQL] {
  return [
    sql`UPDATE leads SET notes = ${n.notes}, updated_at = ${n.now}, owner_touched = MAX(owner_touched, ${touched(n.by)})
      WHERE owner_id = ${n.ownerId} AND id = ${n.leadId}`,
    sql`INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at)
      SELECT ${n.eventId}, ${n.ownerId}, ${n.leadId}, 'notes.updated', ${JSON.stringify({ text: n.notes ?? "", by: n.by })}, ${n.now}
      WHERE changes() = 1`,
  ];
}

export function eventStatement(e: {
  id: string;
  ownerId: string;
  leadId: string;
  kind: string;
  data: Record<string, unknown>;
  at: number;
}): SQL {
  return sql`INSERT OR IGNORE INTO lead_events (id, owner_id, lead_id, kind, data, at)
    VALUES (${e.id}, ${e.ownerId}, ${e.leadId}, ${e.kind}, ${JSON.stringify(e.data)}, ${e.at})`;
}

/** The owner acted on the lead without moving it (sent the decline email, created its mission). */
export function ownerTouchStatement(ownerId: string, leadId: string): SQL {
  return sql`UPDATE leads SET owner_touched = 1 WHERE owner_id = ${ownerId} AND id = ${leadId}`;
}
