import { html } from "hono/html";
import type { CurrentOwner } from "../../http/context.ts";
import { formatDateTime } from "../../http/views/format.ts";
import { page } from "../../http/views/layout.ts";
import { defineMessages } from "../../i18n.ts";
import type { OutboxRow } from "../outbox-store.ts";

const messages = defineMessages({
  fr: {
    title: "E-mails envoyés",
    intro: "Chaque e-mail envoyé par Créneau, avec la raison de son envoi.",
    empty: "Aucun e-mail pour l'instant.",
    to: "Destinataire",
    subject: "Objet",
    why: "Raison",
    status: "État",
    date: "Date",
    older: "E-mails plus anciens",
    queued: "En attente",
    sending: "En cours",
    sent: "Envoyé",
    failed: "Échec",
    unsent: "Non envoyé : aucun transport",
    htmlVersion: "Version HTML",
    textVersion: "Version texte",
    raw: "Message brut (.eml)",
    back: "Retour à la liste",
    lastError: "Dernière erreur",
    attempts: "Tentatives",
  },
  en: {
    title: "Sent emails",
    intro: "Every email Créneau sent, with the reason it was sent.",
    empty: "No emails yet.",
    to: "To",
    subject: "Subject",
    why: "Reason",
    status: "Status",
    date: "Date",
    older: "Older emails",
    queued: "Queued",
    sending: "Sending",
    sent: "Sent",
    failed: "Failed",
    unsent: "Not sent: no transport",
    htmlVersion: "HTML version",
    textVersion: "Plain-text version",
    raw: "Raw message (.eml)",
    back: "Back to the list",
    lastError: "Last error",
    attempts: "Attempts",
  },
});

const BADGE = { queued: "warn", sending: "warn", sent: "ok", failed: "bad", unsent: "bad" } as const;

type ListRow = Pick<OutboxRow, "id" | "toAddress" | "subject" | "why" | "status" | "createdAt">;

export function outboxListPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  rows: ListRow[];
  nextCursor?: number;
}) {
  const t = messages(d.owner.locale);
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "outbox", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("title")}</h1><p class="muted">${t("intro")}</p>
${
  d.rows.length === 0
    ? html`<p>${t("empty")}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t("date")}</th><th scope="col">${t("to")}</th><th scope="col">${t("subject")}</th><th scope="col">${t("why")}</th><th scope="col">${t("status")}</th></tr></thead>
<tbody>${d.rows.map(
        (
          r,
        ) => html`<tr><td>${formatDateTime(r.createdAt, d.owner.locale, d.owner.timeZone)}</td><td>${r.toAddress}</td>
<td><a href="/dashboard/outbox/${r.id}">${r.subject}</a></td><td><code>${r.why}</code></td><td><span class="badge ${BADGE[r.status]}">${t(r.status)}</span></td></tr>`,
      )}</tbody></table></div>`
}
${d.nextCursor ? html`<p><a href="/dashboard/outbox?cursor=${d.nextCursor}">${t("older")}</a></p>` : ""}`,
  });
}

export function outboxDetailPage(d: { owner: CurrentOwner; csrfToken: string; row: OutboxRow }) {
  const t = messages(d.owner.locale);
  const r = d.row;
  return page({
    title: r.subject,
    locale: d.owner.locale,
    nav: { current: "outbox", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/outbox">← ${t("back")}</a></p><h1>${r.subject}</h1>
<div class="card"><dl class="small">
<dt>${t("to")}</dt><dd>${r.toName ? `${r.toName} <${r.toAddress}>` : r.toAddress}</dd>
<dt>${t("why")}</dt><dd><code>${r.why}</code></dd>
<dt>${t("status")}</dt><dd><span class="badge ${BADGE[r.status]}">${t(r.status)}</span> · ${t("attempts")}: ${r.attempts}</dd>
${r.lastError ? html`<dt>${t("lastError")}</dt><dd><code>${r.lastError}</code></dd>` : ""}
<dt>${t("date")}</dt><dd>${formatDateTime(r.createdAt, d.owner.locale, d.owner.timeZone)}</dd>
</dl><p><a href="/dashboard/outbox/${r.id}/raw">${t("raw")}</a></p></div>
<h2>${t("htmlVersion")}</h2>
<iframe class="preview" title="${t("htmlVersion")}" sandbox src="/dashboard/outbox/${r.id}/html"></iframe>
<h2>${t("textVersion")}</h2>
<pre class="text-preview">${r.text}</pre>`,
  });
}
