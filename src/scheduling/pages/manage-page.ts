// The prospect's page for one booking (reached from step 3 and from every email): details, .ics, cancel, move.
import { html } from "hono/html";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { formatWhen } from "../emails/when.ts";
import { pageMessages } from "../page-messages.ts";
import { type BookingSummary, bookingDetails } from "./booking-summary.ts";
import { detailList, type LangSwitch, publicPage } from "./public-parts.ts";
import { type SlotPickerData, slotPicker } from "./slot-picker.ts";

export interface ManagePageData {
  locale: Locale;
  csrfToken: string;
  /** /bookings/{token} */
  basePath: string;
  langSwitch: LangSwitch;
  booking: BookingSummary;
  /** just booked (step 3 redirects here with ?new=1) */
  fresh: boolean;
  done?: "cancelled" | "rescheduled";
  canChange: boolean;
  past: boolean;
  rebookUrl?: string;
  error?: string;
}

function heading(d: ManagePageData): string {
  const t = pageMessages(d.locale);
  if (!d.fresh) return t("manageTitle");
  return d.booking.status === "pending" ? t("pendingTitle") : t("bookedTitle");
}

function changeSection(d: ManagePageData): Html | string {
  const t = pageMessages(d.locale);
  const b = d.booking;
  if (b.status === "cancelled") {
    return html`${d.done === "cancelled" ? "" : html`<p>${t("cancelledText")}</p>`}${d.rebookUrl ? html`<p><a class="button" href="${d.rebookUrl}">${t("bookAgain")}</a></p>` : ""}`;
  }
  if (b.status !== "pending" && b.status !== "confirmed") return "";
  if (d.past) return html`<p class="muted">${t("pastText")}</p>`;
  if (!d.canChange) {
    return html`<section class="card"><h2>${t("changeTitle")}</h2><p>${t("tooLate")}</p>
<p><a href="mailto:${b.ownerEmail}">${t("writeTo", { owner: b.ownerName })}</a></p></section>`;
  }
  return html`<section class="card" aria-labelledby="change-heading"><h2 id="change-heading">${t("changeTitle")}</h2>
<p><a class="button secondary" href="${d.basePath}/reschedule?lang=${d.locale}">${t("reschedule")}</a></p>
<form method="post" action="${d.basePath}/cancel" class="stack">
${csrfInput(d.csrfToken)}<input type="hidden" name="lang" value="${d.locale}">
${field({ name: "reason", label: `${t("cancelReason")} ${t("optional")}`, type: "textarea", hint: t("cancelReasonHint", { owner: b.ownerName }), attrs: { rows: "3", maxlength: "2000" } })}
<div class="actions"><button type="submit" class="danger">${t("cancelButton")}</button></div>
</form></section>`;
}

export function managePage(d: ManagePageData): Html {
  const t = pageMessages(d.locale);
  const b = d.booking;
  // Like the emails, no calendar invitation for a time the owner has not confirmed yet.
  const confirmed = b.status === "confirmed";
  const freshNotice = d.fresh
    ? notice(
        "ok",
        b.status === "pending"
          ? `${t("pendingText", { owner: b.ownerName })} ${t("emailSent", { email: b.email })}`
          : t("emailSent", { email: b.email }),
      )
    : "";
  const doneNotice = d.done
    ? notice(
        "ok",
        d.done === "cancelled" ? t("cancelledNotice", { owner: b.ownerName }) : t("rescheduledNotice"),
      )
    : "";
  return publicPage({
    title: heading(d),
    locale: d.locale,
    langSwitch: d.langSwitch,
    body: html`<h1>${heading(d)}</h1>
${freshNotice}${doneNotice}${d.error ? notice("error", d.error) : ""}
<div class="card">${bookingDetails(b, d.locale, "prospect")}
${confirmed ? html`<p><a href="${d.basePath}/invite.ics" download="invite.ics">${t("addToCalendar")}</a></p>` : ""}</div>
${changeSection(d)}`,
  });
}

export interface ReschedulePageData {
  locale: Locale;
  basePath: string;
  langSwitch: LangSwitch;
  booking: BookingSummary;
  picker: SlotPickerData;
}

export function reschedulePage(d: ReschedulePageData): Html {
  const t = pageMessages(d.locale);
  const b = d.booking;
  return publicPage({
    title: t("rescheduleTitle"),
    locale: d.locale,
    langSwitch: d.langSwitch,
    body: html`<p class="muted owner-name">${b.ownerName} · ${b.title}</p>
<h1>${t("rescheduleTitle")}</h1>
${detailList([{ label: t("currentTime"), value: formatWhen(b.startMs, b.endMs, d.locale, d.picker.timeZone) }])}
${slotPicker(d.picker)}
<p><a href="${d.basePath}?lang=${d.locale}">${t("backToBooking")}</a></p>`,
  });
}
