// The numbers that matter: the funnel by channel (leads → calls → won → revenue), conversion rates, the
// median time from first contact to a decision, leads per week, and the share of leads that went their
// whole way without the owner touching them. Pure: from counts per channel, or from one fact per lead.
import { type WeekBucket, weekIndex } from "./weeks.ts";

export interface ChannelCounts {
  channel: string;
  leads: number;
  /** reached a call: booked one, or moved to a stage from "call scheduled" on */
  calls: number;
  won: number;
  /** nobody but the prospect, triage or an integration acted on them */
  untouched: number;
  /** invoiced through the missions they became, net of credit notes */
  revenueCents: number;
}

export interface FunnelRow {
  channel: string;
  leads: number;
  calls: number;
  won: number;
  revenueCents: number;
  /** calls / leads, won / calls, won / leads; null when dividing by zero */
  callRate: number | null;
  callToWinRate: number | null;
  winRate: number | null;
}

export interface Insights {
  channels: FunnelRow[];
  total: FunnelRow;
  /** median days from first contact to decision over the decided leads, one decimal */
  medianDaysToDecision: number | null;
  decided: number;
  perWeek: { weekStart: string; leads: number }[];
  untouched: { count: number; share: number | null };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function row(c: Omit<ChannelCounts, "untouched">): FunnelRow {
  return {
    channel: c.channel,
    leads: c.leads,
    calls: c.calls,
    won: c.won,
    revenueCents: c.revenueCents,
    callRate: ratio(c.calls, c.leads),
    callToWinRate: ratio(c.won, c.calls),
    winRate: ratio(c.won, c.leads),
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function assembleInsights(d: {
  channels: readonly ChannelCounts[];
  /** from first contact to decision, for each decided lead */
  decisionDurationsMs: readonly number[];
  perWeek: { weekStart: string; leads: number }[];
}): Insights {
  const sum = (key: keyof Omit<ChannelCounts, "channel">) =>
    d.channels.reduce((total, c) => total + c[key], 0);
  const total = {
    channel: "total",
    leads: sum("leads"),
    calls: sum("calls"),
    won: sum("won"),
    revenueCents: sum("revenueCents"),
  };
  const middle = median(d.decisionDurationsMs.map((ms) => Math.max(0, ms)));
  const untouched = sum("untouched");
  return {
    channels: d.channels.map(row).sort((a, b) => b.leads - a.leads || a.channel.localeCompare(b.channel)),
    total: row(total),
    medianDaysToDecision: middle === null ? null : Math.round((middle / 86_400_000) * 10) / 10,
    decided: d.decisionDurationsMs.length,
    perWeek: d.perWeek,
    untouched: { count: untouched, share: ratio(untouched, total.leads) },
  };
}

export interface LeadFact {
  channel: string;
  createdAt: number;
  hadCall: boolean;
  won: boolean;
  decidedAt: number | null;
  touched: boolean;
  revenueCents: number;
}

/** The same figures from one fact per lead (what the store sums in SQL). */
export function computeInsights(facts: readonly LeadFact[], weeks: readonly WeekBucket[]): Insights {
  const byChannel = new Map<string, ChannelCounts>();
  const perWeek = weeks.map((w) => ({ weekStart: w.date, leads: 0 }));
  for (const f of facts) {
    const c = byChannel.get(f.channel) ?? {
      channel: f.channel,
      leads: 0,
      calls: 0,
      won: 0,
      untouched: 0,
      revenueCents: 0,
    };
    c.leads++;
    if (f.hadCall || f.won) c.calls++;
    if (f.won) c.won++;
    if (!f.touched) c.untouched++;
    c.revenueCents += f.revenueCents;
    byChannel.set(f.channel, c);
    const index = weekIndex(weeks, f.createdAt);
    if (index >= 0) perWeek[index]!.leads++;
  }
  return assembleInsights({
    channels: [...byChannel.values()],
    decisionDurationsMs: facts.filter((f) => f.decidedAt !== null).map((f) => f.decidedAt! - f.createdAt),
    perWeek,
  });
}
