// The insights as CSV for a spreadsheet. Every text cell goes through csvCell, which neutralises
// anything a spreadsheet would run as a formula (a channel named "=HYPERLINK(…)" stays text).
import { csvAmount, csvLine } from "../invoicing/csv.ts";
import { channelLabel } from "../leads/pages/labels.ts";
import type { Locale } from "../platform/i18n.ts";
import type { Insights } from "./funnel.ts";

const HEADERS = {
  fr: {
    funnel: [
      "Période du",
      "au",
      "Canal",
      "Prospects",
      "Appels",
      "Gagnés",
      "Facturé HT (EUR)",
      "Taux d'appel",
      "Appel → signé",
      "Taux de signature",
    ],
    weeks: ["Semaine du", "Prospects"],
    total: "Total",
  },
  en: {
    funnel: [
      "Period from",
      "to",
      "Channel",
      "Leads",
      "Calls",
      "Won",
      "Invoiced excl. VAT (EUR)",
      "Call rate",
      "Call → won",
      "Win rate",
    ],
    weeks: ["Week of", "Leads"],
    total: "Total",
  },
} as const;

const rate = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

export function insightsCsv(
  insights: Insights,
  table: "funnel" | "weeks",
  period: { from: string; to: string },
  locale: Locale,
): string {
  const h = HEADERS[locale];
  if (table === "weeks")
    return `\uFEFF${csvLine(h.weeks)}${insights.perWeek.map((w) => csvLine([w.weekStart, w.leads])).join("")}`;
  const rows = [
    ...insights.channels.map((r) => ({ ...r, label: channelLabel(r.channel, locale) })),
    { ...insights.total, label: h.total },
  ];
  return `\uFEFF${csvLine(h.funnel)}${rows
    .map((r) =>
      csvLine([
        period.from,
        period.to,
        r.label,
        r.leads,
        r.calls,
        r.won,
        csvAmount(r.revenueCents),
        rate(r.callRate),
        rate(r.callToWinRate),
        rate(r.winRate),
      ]),
    )
    .join("")}`;
}
