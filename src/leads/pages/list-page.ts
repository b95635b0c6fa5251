// The filtered list of leads: newest first, filters that work without JavaScript (a GET form).
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { defineMessages } from "../../platform/i18n.ts";
import type { LeadListItem } from "../lead-queries.ts";
import { STAGES } from "../pipeline.ts";
import { shortDate } from "./dates.ts";
import { channelLabel, stageLabel, VERDICT_BADGE, verdictLabel } from "./labels.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    title: "Prospects",
    filters: "Filtrer",
    stage: "Étape",
    verdict: "Tri",
    source: "Canal",
    search: "Nom, e-mail ou entreprise",
    any: "Toutes",
    apply: "Filtrer",
    reset: "Tout afficher",
    count: "{count} prospect(s)",
    empty: "Aucun prospect ne correspond.",
    name: "Nom",
    company: "Entreprise",
    date: "Arrivé le",
    older: "Prospects plus anciens",
    export: "Exporter en CSV",
    erased:
      "Les données de cette personne ont été effacées. Ses demandes restent comptées, anonymes, dans les statistiques.",
  },
  en: {
    title: "Leads",
    filters: "Filter",
    stage: "Stage",
    verdict: "Triage",
    source: "Channel",
    search: "Name, email or company",
    any: "All",
    apply: "Filter",
    reset: "Show all",
    count: "{count} lead(s)",
    empty: "No lead matches.",
    name: "Name",
    company: "Company",
    date: "Arrived",
    older: "Older leads",
    export: "Export as CSV",
    erased: "This person's data was erased. Their leads are still counted, anonymously, in the insights.",
  },
});

export interface ListFilterValues {
  stage: string;
  verdict: string;
  source: string;
  q: string;
}

export function listQuery(f: ListFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function listPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  items: LeadListItem[];
  total: number;
  filter: ListFilterValues;
  sources: string[];
  nextCursor: string | null;
  erased: boolean;
}) {
  const locale = d.owner.locale;
  const t = messages(locale);
  const select = (name: keyof ListFilterValues, label: string, options: { value: string; label: string }[]) =>
    html`<div class="field"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">${t("any")}</option>${options.map(
      (o) =>
        html`<option value="${o.value}"${d.filter[name] === o.value ? html` selected` : ""}>${o.label}</option>`,
    )}</select></div>`;
  return page({
    title: t("title"),
    locale,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${t("title")}</h1>${leadsNav(locale, "list")}
${d.erased ? notice("ok", t("erased")) : ""}
<form method="get" action="/dashboard/leads" class="filters" aria-label="${t("filters")}">
${select(
  "stage",
  t("stage"),
  STAGES.map((s) => ({ value: s, label: stageLabel(s, locale) })),
)}
${select(
  "verdict",
  t("verdict"),
  (["qualified", "review", "declined"] as const).map((v) => ({ value: v, label: verdictLabel(v, locale) })),
)}
${select(
  "source",
  t("source"),
  d.sources.map((s) => ({ value: s, label: channelLabel(s, locale) })),
)}
<div class="field"><label for="filter-q">${t("search")}</label><input id="filter-q" name="q" type="search" value="${d.filter.q}" maxlength="100"></div>
<div class="actions"><button type="submit">${t("apply")}</button><a href="/dashboard/leads">${t("reset")}</a></div>
</form>
<p class="actions"><span role="status">${t("count", { count: d.total })}</span><a href="/dashboard/leads/export.csv${listQuery(d.filter)}">${t("export")}</a></p>
${
  d.items.length === 0
    ? html`<p>${t("empty")}</p>`
    : html`<div class="table-wrap" role="region" aria-label="${t("title")}" tabindex="0"><table><thead><tr><th scope="col">${t("name")}</th><th scope="col">${t("company")}</th><th scope="col">${t("source")}</th><th scope="col">${t("verdict")}</th><th scope="col">${t("stage")}</th><th scope="col">${t("date")}</th></tr></thead><tbody>
${d.items.map(
  (
    l,
  ) => html`<tr><td><a href="/dashboard/leads/${l.id}">${l.name}</a></td><td>${l.company ?? ""}</td><td>${channelLabel(l.source, locale)}</td>
<td><span class="badge ${VERDICT_BADGE[l.verdict]}">${verdictLabel(l.verdict, locale)}</span></td><td>${stageLabel(l.stage, locale)}</td><td>${shortDate(l.createdAt, locale, d.owner.timeZone)}</td></tr>`,
)}</tbody></table></div>`
}
${d.nextCursor ? html`<p><a href="/dashboard/leads${listQuery(d.filter, { cursor: d.nextCursor })}">${t("older")}</a></p>` : ""}`,
  });
}
