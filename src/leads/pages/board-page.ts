// The pipeline as a board. Each card carries its own small form (a select and a button), so a lead moves
// with the keyboard alone and without JavaScript; after the move the page comes back to that card.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import type { LeadListItem } from "../lead-queries.ts";
import { STAGES, type Stage } from "../pipeline.ts";
import { channelLabel, stageLabel, VERDICT_BADGE, verdictLabel } from "./labels.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";

const messages = defineMessages({
  fr: {
    title: "Tableau des prospects",
    intro:
      "Chaque carte a son menu «\u00a0Déplacer vers\u00a0»\u00a0: choisissez l'étape, puis «\u00a0Déplacer\u00a0».",
    region: "Colonnes du tableau",
    moveTo: "Déplacer {name} vers",
    choose: "Déplacer vers…",
    move: "Déplacer",
    seeAll: "Voir les {count}",
    empty: "Aucun prospect",
    moved: "{name} est passé à l'étape «\u00a0{stage}\u00a0».",
  },
  en: {
    title: "Lead board",
    intro: "Each card has its own “Move to” menu: pick the stage, then “Move”.",
    region: "Board columns",
    moveTo: "Move {name} to",
    choose: "Move to…",
    move: "Move",
    seeAll: "See all {count}",
    empty: "No leads",
    moved: "{name} moved to “{stage}”.",
  },
});

/** The small move form, shared by the board's cards and the lead page. */
export function moveForm(d: {
  locale: Locale;
  csrfToken: string;
  lead: { id: string; name: string; stage: Stage };
  back: "board" | "lead";
}): Html {
  const t = messages(d.locale);
  const id = `move-${d.lead.id}`;
  return html`<form method="post" action="/dashboard/leads/${d.lead.id}/move" class="move-form">${csrfInput(d.csrfToken)}
<input type="hidden" name="from" value="${d.lead.stage}"><input type="hidden" name="back" value="${d.back}">
<label for="${id}" class="visually-hidden">${t("moveTo", { name: d.lead.name })}</label>
<select id="${id}" name="to" required><option value="">${t("choose")}</option>${STAGES.filter(
    (s) => s !== d.lead.stage,
  ).map(
    (s) => html`<option value="${s}">${stageLabel(s, d.locale)}</option>`,
  )}</select><button type="submit">${t("move")}</button></form>`;
}

function card(d: { locale: Locale; csrfToken: string }, lead: LeadListItem): Html {
  return html`<li class="lead-card" id="lead-${lead.id}" tabindex="-1">
<p class="who"><a href="/dashboard/leads/${lead.id}">${lead.name}</a></p>
${lead.company ? html`<p class="small">${lead.company}</p>` : ""}
<p class="small">${channelLabel(lead.source, d.locale)} · <span class="badge ${VERDICT_BADGE[lead.verdict]}">${verdictLabel(lead.verdict, d.locale)}</span></p>
${moveForm({ ...d, lead, back: "board" })}</li>`;
}

export function boardPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  cards: LeadListItem[];
  counts: Map<string, number>;
  moved: { name: string; stage: Stage } | null;
}) {
  const locale = d.owner.locale;
  const t = messages(locale);
  const column = (stage: Stage) => {
    const cards = d.cards.filter((c) => c.stage === stage);
    const total = d.counts.get(stage) ?? 0;
    return html`<li aria-labelledby="col-${stage}"><h2 id="col-${stage}"><span>${stageLabel(stage, locale)}</span><span class="muted">${total}</span></h2>
${cards.length ? html`<ul>${cards.map((c) => card({ locale, csrfToken: d.csrfToken }, c))}</ul>` : html`<p class="small muted">${t("empty")}</p>`}
${total > cards.length ? html`<p class="small"><a href="/dashboard/leads?stage=${stage}">${t("seeAll", { count: total })}</a></p>` : ""}</li>`;
  };
  return page({
    title: t("title"),
    locale,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${t("title")}</h1>${leadsNav(locale, "board")}
<p class="muted">${t("intro")}</p>
${d.moved ? notice("ok", t("moved", { name: d.moved.name, stage: stageLabel(d.moved.stage, locale) })) : ""}
<div class="board-wrap" role="region" aria-label="${t("region")}" tabindex="0"><ul class="board">${STAGES.map(column)}</ul></div>`,
  });
}
