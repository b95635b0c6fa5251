// The insights page: key figures, the funnel by channel and leads per week, each chart beside the table
// holding its numbers.
import { html } from "hono/html";
import { formatEuros } from "../leads/format-money.ts";
import { channelLabel } from "../leads/pages/labels.ts";
import { leadsStyles } from "../leads/pages/stylesheet.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { page } from "../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../platform/i18n.ts";
import { groupedBars, timeBars } from "./charts.ts";
import type { FunnelRow, Insights } from "./funnel.ts";

const messages = defineMessages({
  fr: {
    title: "Statistiques",
    period: "Période",
    from: "Du",
    to: "Au",
    show: "Afficher",
    last3: "3 derniers mois",
    last12: "12 derniers mois",
    leads: "Prospects",
    calls: "Appels",
    won: "Gagnés",
    revenue: "Facturé (HT)",
    callRate: "Taux d'appel",
    winRate: "Taux de signature",
    callToWin: "Appel → signé",
    median: "Délai médian jusqu'à la décision",
    days: "{days} j",
    decidedOf: "sur {count} prospect(s) décidé(s)",
    untouched: "Traités sans vous",
    untouchedOf: "{count} prospect(s) sans aucune action de votre part",
    none: "—",
    funnel: "Entonnoir par canal",
    funnelNumbers: "Les chiffres de l'entonnoir",
    funnelDesc:
      "Pour chaque canal, le nombre de prospects, d'appels et de missions gagnées sur la période. Les chiffres exacts sont dans le tableau qui suit.",
    channel: "Canal",
    total: "Total",
    weekly: "Prospects par semaine",
    weeklyDesc:
      "Nombre de nouveaux prospects chaque semaine, du {from} au {to}. Les chiffres exacts sont dans le tableau qui suit.",
    weekOf: "Semaine du",
    weeklyNumbers: "Les chiffres, semaine par semaine",
    export: "Exporter en CSV",
    exportWeeks: "Exporter les semaines en CSV",
    empty: "Aucun prospect sur cette période.",
    badPeriod: "Période invalide\u00a0: la période affichée est celle par défaut.",
  },
  en: {
    title: "Insights",
    period: "Period",
    from: "From",
    to: "To",
    show: "Show",
    last3: "Last 3 months",
    last12: "Last 12 months",
    leads: "Leads",
    calls: "Calls",
    won: "Won",
    revenue: "Invoiced (excl. VAT)",
    callRate: "Call rate",
    winRate: "Win rate",
    callToWin: "Call → won",
    median: "Median time to a decision",
    days: "{days} d",
    decidedOf: "over {count} decided lead(s)",
    untouched: "Handled without you",
    untouchedOf: "{count} lead(s) with no action from you",
    none: "—",
    funnel: "Funnel by channel",
    funnelNumbers: "The funnel's numbers",
    funnelDesc:
      "For each channel, the number of leads, calls and missions won over the period. The exact numbers are in the table that follows.",
    channel: "Channel",
    total: "Total",
    weekly: "Leads per week",
    weeklyDesc: "New leads each week, from {from} to {to}. The exact numbers are in the table that follows.",
    weekOf: "Week of",
    weeklyNumbers: "The numbers, week by week",
    export: "Export as CSV",
    exportWeeks: "Export the weeks as CSV",
    empty: "No leads over this period.",
    badPeriod: "Invalid period: showing the default one.",
  },
});

export function percent(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(value);
}

/** "2027-01-04" → "04/01": day first, as both the French and the British read it. */
function shortWeek(date: string): string {
  const [, month, day] = date.split("-");
  return `${day}/${month}`;
}

export function insightsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  from: string;
  to: string;
  presets: { last3: string; last12: string; today: string };
  insights: Insights;
  badPeriod: boolean;
}) {
  const locale = d.owner.locale;
  const t = messages(locale);
  const { insights } = d;
  const total = insights.total;
  const query = `?from=${d.from}&to=${d.to}`;
  const rowCells = (r: FunnelRow, label: string, header = false) =>
    html`<tr>${header ? html`<th scope="row">${label}</th>` : html`<td>${label}</td>`}<td class="num">${r.leads}</td><td class="num">${r.calls}</td><td class="num">${r.won}</td><td class="num">${formatEuros(r.revenueCents, locale)}</td><td class="num">${percent(r.callRate, locale)}</td><td class="num">${percent(r.callToWinRate, locale)}</td><td class="num">${percent(r.winRate, locale)}</td></tr>`;
  const tickEvery = Math.max(1, Math.ceil(insights.perWeek.length / 8));
  return page({
    title: t("title"),
    locale,
    nav: { current: "insights", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${t("title")}</h1>
${d.badPeriod ? html`<div class="notice error" role="alert">${t("badPeriod")}</div>` : ""}
<form method="get" action="/dashboard/insights" class="filters" aria-label="${t("period")}">
<div class="field"><label for="p-from">${t("from")}</label><input type="date" id="p-from" name="from" value="${d.from}" required></div>
<div class="field"><label for="p-to">${t("to")}</label><input type="date" id="p-to" name="to" value="${d.to}" required></div>
<div class="actions"><button type="submit">${t("show")}</button></div>
</form>
<p class="actions small"><a href="/dashboard/insights?from=${d.presets.last3}&amp;to=${d.presets.today}">${t("last3")}</a><a href="/dashboard/insights?from=${d.presets.last12}&amp;to=${d.presets.today}">${t("last12")}</a><a href="/dashboard/insights.csv${query}">${t("export")}</a><a href="/dashboard/insights.csv${query}&amp;table=weeks">${t("exportWeeks")}</a></p>
<ul class="figures">
<li>${t("leads")}<strong>${total.leads}</strong></li>
<li>${t("calls")}<strong>${total.calls}</strong><span class="small muted">${t("callRate")} ${percent(total.callRate, locale)}</span></li>
<li>${t("won")}<strong>${total.won}</strong><span class="small muted">${t("winRate")} ${percent(total.winRate, locale)}</span></li>
<li>${t("revenue")}<strong>${formatEuros(total.revenueCents, locale)}</strong></li>
<li>${t("median")}<strong>${insights.medianDaysToDecision === null ? t("none") : t("days", { days: String(insights.medianDaysToDecision).replace(".", locale === "fr" ? "," : ".") })}</strong><span class="small muted">${t("decidedOf", { count: insights.decided })}</span></li>
<li>${t("untouched")}<strong>${percent(insights.untouched.share, locale)}</strong><span class="small muted">${t("untouchedOf", { count: insights.untouched.count })}</span></li>
</ul>
${
  total.leads === 0
    ? html`<p>${t("empty")}</p>`
    : html`<section class="card" aria-labelledby="h-funnel"><h2 id="h-funnel">${t("funnel")}</h2>
<div class="chart">${groupedBars({
        id: "funnel-chart",
        title: t("funnel"),
        description: t("funnelDesc"),
        seriesNames: [t("leads"), t("calls"), t("won")],
        groups: insights.channels.map((r) => ({
          label: channelLabel(r.channel, locale),
          values: [r.leads, r.calls, r.won],
        })),
      })}</div>
<ul class="chart-legend" aria-hidden="true"><li><span class="swatch s0"></span>${t("leads")}</li><li><span class="swatch s1"></span>${t("calls")}</li><li><span class="swatch s2"></span>${t("won")}</li></ul>
<div class="table-wrap" role="region" aria-label="${t("funnelNumbers")}" tabindex="0"><table><caption class="visually-hidden">${t("funnel")}</caption><thead><tr><th scope="col">${t("channel")}</th><th scope="col" class="num">${t("leads")}</th><th scope="col" class="num">${t("calls")}</th><th scope="col" class="num">${t("won")}</th><th scope="col" class="num">${t("revenue")}</th><th scope="col" class="num">${t("callRate")}</th><th scope="col" class="num">${t("callToWin")}</th><th scope="col" class="num">${t("winRate")}</th></tr></thead>
<tbody>${insights.channels.map((r) => rowCells(r, channelLabel(r.channel, locale)))}</tbody><tfoot>${rowCells(total, t("total"), true)}</tfoot></table></div></section>`
}
<section class="card" aria-labelledby="h-weekly"><h2 id="h-weekly">${t("weekly")}</h2>
<div class="chart">${timeBars({
      id: "weekly-chart",
      title: t("weekly"),
      description: t("weeklyDesc", { from: d.from, to: d.to }),
      points: insights.perWeek.map((w) => ({ label: shortWeek(w.weekStart), value: w.leads })),
      tickEvery,
    })}</div>
<details><summary>${t("weeklyNumbers")}</summary><div class="table-wrap" role="region" aria-label="${t("weeklyNumbers")}" tabindex="0"><table><thead><tr><th scope="col">${t("weekOf")}</th><th scope="col" class="num">${t("leads")}</th></tr></thead>
<tbody>${insights.perWeek.map((w) => html`<tr><td>${w.weekStart}</td><td class="num">${w.leads}</td></tr>`)}</tbody></table></div></details></section>`,
  });
}
