// The owner's one-click links from the new-booking email. Opening the link changes nothing (mail scanners
// prefetch links); the page shows the booking, the answers and the verdict, and one POST button acts.
import { html } from "hono/html";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { OwnerAction } from "../booking-links.ts";
import { verdictLabel } from "../emails/email-parts.ts";
import { pageMessages } from "../page-messages.ts";
import { type BookingSummary, bookingDetails } from "./booking-summary.ts";
import { detailList } from "./public-parts.ts";

export interface OwnerActionPageData {
  locale: Locale;
  csrfToken: string;
  action: OwnerAction;
  /** /m/bookings/{token} */
  path: string;
  booking: BookingSummary;
  answers: { label: string; value: string }[];
  notes: string | null;
  verdict?: { verdict: "qualified" | "review" | "declined"; reasons: string[] };
  /** the kind message prefilled for a cancellation, in the prospect's language */
  message: string;
  /** the action was just carried out */
  done: boolean;
  /** what was just cancelled was a pending request: a decline */
  declined?: boolean;
}

/** Cancelling a request the owner never confirmed is declining it, and the page says so. */
const isDecline = (d: OwnerActionPageData) =>
  d.action === "cancel" && (d.booking.status === "pending" || (d.done && d.declined === true));

const VERDICT_BADGE = { qualified: "ok", review: "warn", declined: "bad" } as const;

function actionBlock(d: OwnerActionPageData): Html {
  const t = pageMessages(d.locale);
  const status = d.booking.status;
  if (d.action === "approve") {
    if (status === "pending") {
      return html`<form method="post" action="${d.path}" class="actions">${csrfInput(d.csrfToken)}<button type="submit">${t("approveButton")}</button></form>`;
    }
    if (status === "confirmed")
      return notice(d.done ? "ok" : "info", d.done ? t("approvedNotice") : t("alreadyConfirmed"));
    return notice("info", t("alreadyCancelled"));
  }
  const decline = isDecline(d);
  if (status === "pending" || status === "confirmed") {
    const hint = t(decline ? "declineMessageHint" : "cancelMessageHint");
    return html`<form method="post" action="${d.path}" class="stack">${csrfInput(d.csrfToken)}
${field({ name: "message", label: t("cancelMessage", { name: d.booking.name }), type: "textarea", value: d.message, hint, attrs: { rows: "9", maxlength: "2000" } })}
<div class="actions"><button type="submit" class="danger">${t(decline ? "declineSend" : "cancelSend")}</button></div></form>`;
  }
  if (!d.done) return notice("info", t("alreadyCancelled"));
  return notice("ok", t(decline ? "ownerDeclinedNotice" : "ownerCancelledNotice", { name: d.booking.name }));
}

export function ownerActionPage(d: OwnerActionPageData): Html {
  const t = pageMessages(d.locale);
  const title = t(d.action === "approve" ? "approveTitle" : isDecline(d) ? "declineTitle" : "cancelTitle");
  return page({
    title,
    locale: d.locale,
    narrow: true,
    body: html`<h1>${title}</h1>
<div class="card">${bookingDetails(d.booking, d.locale, "owner")}</div>
${
  d.verdict
    ? html`<section class="card"><h2>${t("verdict")}</h2><p><span class="badge ${VERDICT_BADGE[d.verdict.verdict]}">${verdictLabel(d.locale, d.verdict.verdict)}</span></p>${
        d.verdict.reasons.length
          ? html`<ul class="reasons">${d.verdict.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
          : ""
      }</section>`
    : ""
}
${
  d.answers.length || d.notes
    ? html`<section class="card"><h2>${t("answers")}</h2>${detailList([
        ...d.answers,
        ...(d.notes ? [{ label: t("theirNotes"), value: d.notes }] : []),
      ])}</section>`
    : ""
}
<div class="card">${actionBlock(d)}</div>`,
  });
}
