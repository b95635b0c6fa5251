// One lead: who, what they answered, where it stands, what happened, and what the owner can do next.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { defineMessages } from "../../platform/i18n.ts";
import type { LeadWithContact } from "../lead-queries.ts";
import type { Stage } from "../pipeline.ts";
import { moveForm } from "./board-page.ts";
import { shortDate, shortDateTime } from "./dates.ts";
import { channelLabel, stageLabel, VERDICT_BADGE, verdictLabel } from "./labels.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";
import type { TimelineEntry } from "./timeline.ts";

const messages = defineMessages({
  fr: {
    details: "Coordonnées",
    email: "E-mail",
    noEmail: "Pas d'e-mail connu",
    company: "Entreprise",
    source: "Canal",
    stage: "Étape",
    arrived: "Arrivé le",
    link: "Lien de réservation",
    verdict: "Tri",
    answers: "Ses réponses",
    noAnswers: "Aucune réponse enregistrée.",
    actions: "Que faire\u00a0?",
    qualify: "Marquer comme qualifié",
    decline: "Décliner avec un message…",
    won: "Gagné\u00a0: créer le client et la mission…",
    mission: "Voir la mission créée",
    notes: "Vos notes",
    notesHint: "Visibles de vous seul.",
    saveNotes: "Enregistrer les notes",
    timeline: "Historique",
    nothingYet: "Rien pour l'instant.",
    others: "Ses autres demandes",
    personal: "Données personnelles",
    export: "Exporter toutes ses données (JSON)",
    erase: "Effacer ses données…",
    lostBecause: "Perdu\u00a0: {reason}",
    done_moved: "Étape mise à jour.",
    done_qualified: "Prospect marqué comme qualifié.",
    done_declined: "Prospect décliné.",
    done_declinedEmailed: "Prospect décliné, e-mail envoyé.",
    done_notes: "Notes enregistrées.",
    done_won: "Client et mission créés.",
    done_added: "Prospect ajouté.",
    done_merged:
      "Cette adresse était déjà connue\u00a0: la demande a rejoint l'historique de cette personne.",
  },
  en: {
    details: "Contact details",
    email: "Email",
    noEmail: "No known email",
    company: "Company",
    source: "Channel",
    stage: "Stage",
    arrived: "Arrived",
    link: "Booking link",
    verdict: "Triage",
    answers: "Their answers",
    noAnswers: "No answers recorded.",
    actions: "What next?",
    qualify: "Mark as qualified",
    decline: "Decline with a message…",
    won: "Won: create the client and the mission…",
    mission: "Open the mission",
    notes: "Your notes",
    notesHint: "Only you see them.",
    saveNotes: "Save the notes",
    timeline: "History",
    nothingYet: "Nothing yet.",
    others: "Their other requests",
    personal: "Personal data",
    export: "Export all their data (JSON)",
    erase: "Erase their data…",
    lostBecause: "Lost: {reason}",
    done_moved: "Stage updated.",
    done_qualified: "Lead marked as qualified.",
    done_declined: "Lead declined.",
    done_declinedEmailed: "Lead declined, email sent.",
    done_notes: "Notes saved.",
    done_won: "Client and mission created.",
    done_added: "Lead added.",
    done_merged: "This address was already known: the request joined this person's history.",
  },
});

export const DONE_NOTICES = [
  "moved",
  "qualified",
  "declined",
  "declinedEmailed",
  "notes",
  "won",
  "added",
  "merged",
] as const;
export type DoneNotice = (typeof DONE_NOTICES)[number];

export interface LeadPageData {
  owner: CurrentOwner;
  csrfToken: string;
  lead: LeadWithContact;
  realEmail: boolean;
  linkTitle: string | null;
  answers: { label: string; value: string }[];
  reasons: { outcome: string; text: string }[];
  timeline: TimelineEntry[];
  others: { id: string; stage: string; createdAt: number }[];
  missionId: string | null;
  lostReason: string | null;
  done: DoneNotice | null;
}

function detailRows(rows: [string, Html | string][]): Html {
  return html`<dl class="details">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

export function leadPage(d: LeadPageData) {
  const locale = d.owner.locale;
  const t = messages(locale);
  const { lead } = d;
  const stage = lead.stage as Stage;
  return page({
    title: lead.contact.name,
    locale,
    nav: { current: "leads", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`${leadsStyles()}<h1>${lead.contact.name}</h1>${leadsNav(locale, null)}
${d.done ? notice("ok", t(`done_${d.done}`)) : ""}
<div class="grid">
<section class="card" aria-labelledby="h-details"><h2 id="h-details">${t("details")}</h2>${detailRows([
      [
        t("email"),
        d.realEmail ? html`<a href="mailto:${lead.contact.email}">${lead.contact.email}</a>` : t("noEmail"),
      ],
      ...(lead.contact.company ? [[t("company"), lead.contact.company] as [string, string]] : []),
      [t("source"), channelLabel(lead.source, locale)],
      [
        t("stage"),
        html`${stageLabel(stage, locale)}${d.lostReason ? html`<br><span class="small">${t("lostBecause", { reason: d.lostReason })}</span>` : ""}`,
      ],
      [t("arrived"), shortDateTime(lead.createdAt, locale, d.owner.timeZone)],
      ...(d.linkTitle ? [[t("link"), d.linkTitle] as [string, string]] : []),
    ])}</section>
<section class="card" aria-labelledby="h-verdict"><h2 id="h-verdict">${t("verdict")}</h2>
<p><span class="badge ${VERDICT_BADGE[lead.verdict]}">${verdictLabel(lead.verdict, locale)}</span></p>
${d.reasons.length ? html`<ul class="reasons">${d.reasons.map((r) => html`<li>${r.text}</li>`)}</ul>` : ""}</section>
</div>
<section class="card" aria-labelledby="h-actions"><h2 id="h-actions">${t("actions")}</h2>
${moveForm({ locale, csrfToken: d.csrfToken, lead: { id: lead.id, name: lead.contact.name, stage }, back: "lead" })}
<div class="actions">
${lead.verdict !== "qualified" ? html`<form method="post" action="/dashboard/leads/${lead.id}/qualify">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("qualify")}</button></form>` : ""}
${stage !== "declined" ? html`<a class="button secondary" href="/dashboard/leads/${lead.id}/decline">${t("decline")}</a>` : ""}
${d.missionId ? html`<a class="button secondary" href="/dashboard/missions/${d.missionId}">${t("mission")}</a>` : html`<a class="button secondary" href="/dashboard/leads/${lead.id}/won">${t("won")}</a>`}
</div></section>
<section class="card" aria-labelledby="h-answers"><h2 id="h-answers">${t("answers")}</h2>
${d.answers.length ? detailRows(d.answers.map((a) => [a.label, a.value])) : html`<p class="muted">${t("noAnswers")}</p>`}</section>
<section class="card" aria-labelledby="h-notes"><h2 id="h-notes">${t("notes")}</h2>
<form method="post" action="/dashboard/leads/${lead.id}/notes" class="stack">${csrfInput(d.csrfToken)}
${field({ name: "notes", label: t("notes"), type: "textarea", value: lead.notes ?? "", hint: t("notesHint"), attrs: { maxlength: "10000", rows: "5" } })}
<div class="actions"><button type="submit">${t("saveNotes")}</button></div></form></section>
<section class="card" aria-labelledby="h-timeline"><h2 id="h-timeline">${t("timeline")}</h2>
${
  d.timeline.length
    ? html`<ol class="timeline">${d.timeline.map(
        (e) =>
          html`<li><time datetime="${new Date(e.at).toISOString()}">${shortDateTime(e.at, locale, d.owner.timeZone)}</time>${e.text}${
            e.link ? html` · <a href="${e.link.href}">${e.link.label}</a>` : ""
          }${e.items?.length ? html`<ul>${e.items.map((i) => html`<li>${i}</li>`)}</ul>` : ""}${e.quote ? html`<p class="quote">${e.quote}</p>` : ""}</li>`,
      )}</ol>`
    : html`<p class="muted">${t("nothingYet")}</p>`
}</section>
${
  d.others.length
    ? html`<section class="card" aria-labelledby="h-others"><h2 id="h-others">${t("others")}</h2><ul>${d.others.map(
        (o) =>
          html`<li><a href="/dashboard/leads/${o.id}">${shortDate(o.createdAt, locale, d.owner.timeZone)}</a> · ${stageLabel(o.stage, locale)}</li>`,
      )}</ul></section>`
    : ""
}
<section class="card" aria-labelledby="h-personal"><h2 id="h-personal">${t("personal")}</h2>
<p class="actions"><a href="/dashboard/leads/${lead.id}/export.json">${t("export")}</a><a href="/dashboard/leads/${lead.id}/erase">${t("erase")}</a></p></section>`,
  });
}
