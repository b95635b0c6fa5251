// The pages behind follow-up emails' links. Opening them changes nothing (mail scanners prefetch links):
// the one POST button, with its CSRF token, acts.
import { html } from "hono/html";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { followUpMessages } from "./follow-up-messages.ts";

export interface CheckInPageData {
  /** the owner's */
  locale: Locale;
  csrfToken: string;
  action: string;
  clientName: string;
  clientEmail: string;
  missionTitle: string;
  /** what the textarea holds: the draft, or what the owner typed when it was refused */
  text: string;
  sentText: string | null;
  optedOut: boolean;
  missionEnded: boolean;
  error?: string;
}

export function checkInPage(d: CheckInPageData): Html {
  const t = followUpMessages(d.locale);
  const vars = { client: d.clientName, mission: d.missionTitle, to: d.clientEmail };
  let body: Html;
  if (d.sentText !== null)
    body = html`${notice("ok", t("sent", vars))}<p><strong>${t("sentText")}</strong></p><blockquote class="description">${d.sentText}</blockquote>`;
  else if (d.optedOut) body = notice("info", t("optedOut", vars));
  else if (!d.missionEnded) body = notice("info", t("notEnded"));
  else
    body = html`<p>${t("checkInIntro", vars)}</p>
<form method="post" action="${d.action}" class="card stack">${csrfInput(d.csrfToken)}
${field({ name: "message", label: t("message"), type: "textarea", value: d.text, hint: t("messageHint"), error: d.error, required: true, attrs: { rows: "14", maxlength: "5000" } })}
<div class="actions"><button type="submit">${t("send", vars)}</button></div></form>`;
  return page({
    title: t("checkInTitle", vars),
    locale: d.locale,
    narrow: true,
    body: html`<h1>${t("checkInTitle", vars)}</h1>${body}`,
  });
}

export function optOutPage(d: {
  /** the client's */
  locale: Locale;
  csrfToken: string;
  action: string;
  ownerName: string;
  optedOut: boolean;
}): Html {
  const t = followUpMessages(d.locale);
  const vars = { owner: d.ownerName };
  const body = d.optedOut
    ? notice("ok", t("optedOutDone", vars))
    : html`<p>${t("optOutIntro", vars)}</p>
<form method="post" action="${d.action}" class="actions">${csrfInput(d.csrfToken)}<button type="submit">${t("optOutButton")}</button></form>`;
  return page({
    title: t("optOutTitle"),
    locale: d.locale,
    narrow: true,
    body: html`<h1>${t("optOutTitle")}</h1>${body}`,
  });
}

/** An invalid or expired link, in the language we can guess. */
export function followUpLinkPage(d: {
  locale: Locale;
  expired: boolean;
  kind: "check-in" | "opt-out";
}): Html {
  const t = followUpMessages(d.locale);
  const title = d.expired ? t("linkExpiredTitle") : t("linkInvalidTitle");
  const text = d.kind === "check-in" ? t("linkText") : t("optOutInvalid");
  return page({ title, locale: d.locale, narrow: true, body: html`<h1>${title}</h1><p>${text}</p>` });
}
