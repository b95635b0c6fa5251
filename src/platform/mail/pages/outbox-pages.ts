import { html } from "hono/html";
import type { CurrentOwner } from "../../http/context.ts";
import { formatDateTime } from "../../http/views/format.ts";
import { csrfInput, notice } from "../../http/views/forms.ts";
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
    expired: "Expiré",
    unsentNoTransport:
      "{count} e-mail(s) n'ont pas été envoyés : aucun moyen d'envoi n'est configuré sur ce déploiement. Réglez SMTP_URL, ou MAIL_API_URL et MAIL_API_KEY, puis revenez ici pour les envoyer.",
    unsentCanSend:
      "{count} e-mail(s) n'ont pas été envoyés : aucun moyen d'envoi n'était configuré quand ils ont été écrits. Il y en a un maintenant. Ceux qui ont encore un sens partent ; les autres (un rappel d'un appel passé, par exemple) sont marqués « Expiré ».",
    sendUnsent: "Envoyer les e-mails non envoyés",
    resent: "{requeued} e-mail(s) remis en file d'envoi, {expired} expiré(s).",
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
    expired: "Expired",
    unsentNoTransport:
      "{count} email(s) were not sent: no way to send mail is configured on this deployment. Set SMTP_URL, or MAIL_API_URL and MAIL_API_KEY, then come back here to send them.",
    unsentCanSend:
      "{count} email(s) were not sent: no way to send mail was configured when they were written. There is one now. Those that still make sense go out; the others (a reminder of a call that has passed, for instance) are marked Expired.",
    sendUnsent: "Send the unsent emails",
    resent: "{requeued} email(s) queued for sending, {expired} expired.",
    htmlVersion: "HTML version",
    textVersion: "Plain-text version",
    raw: "Raw message (.eml)",
    back: "Back to the list",
    lastError: "Last error",
    attempts: "Attempts",
  },
});

const BADGE = {
  queued: "warn",
  sending: "warn",
  sent: "ok",
  failed: "bad",
  unsent: "bad",
  expired: "bad",
} as const;

type ListRow = Pick<OutboxRow, "id" | "toAddress" | "subject" | "why" | "status" | "createdAt">;

export function outboxListPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  rows: ListRow[];
  nextCursor?: number;
  /** emails left unsent for want of a transport, and whether one is configured now */
  unsent: { count: number; canSend: boolean };
  resent?: { requeued: number; expired: number };
}) {
  const t = messages(d.owner.locale);
  const unsent = d.unsent.count === 0 ? "" : unsentNotice(d.unsent, d.csrfToken, t);
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "outbox", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("title")}</h1><p class="muted">${t("intro")}</p>
${d.resent ? notice("ok", t("resent", { requeued: d.resent.requeued, expired: d.resent.expired })) : ""}${unsent}
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

function unsentNotice(
  unsent: { count: number; canSend: boolean },
  csrfToken: string,
  t: ReturnType<typeof messages>,
) {
  if (!unsent.canSend) return notice("error", t("unsentNoTransport", { count: unsent.count }));
  return notice(
    "info",
    html`<p>${t("unsentCanSend", { count: unsent.count })}</p>
<form method="post" action="/dashboard/outbox/resend-unsent">${csrfInput(csrfToken)}<button type="submit">${t("sendUnsent")}</button></form>`,
  );
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
