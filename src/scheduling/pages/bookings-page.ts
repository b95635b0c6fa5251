// The owner's bookings, upcoming or past, with approve and cancel as plain POST forms.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { formatDateTime, formatTime } from "../../platform/http/views/format.ts";
import { csrfInput, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { BookingRow } from "../booking-store.ts";
import { pageMessages } from "../page-messages.ts";
import { statusBadge } from "./booking-summary.ts";
import { dashboardMessages } from "./dashboard-messages.ts";

export interface BookingListItem {
  id: string;
  title: string;
  startMs: number;
  status: BookingRow["status"];
  name: string;
  email: string;
  timeZone: string;
  flagged: boolean;
}

export interface BookingsPageData {
  owner: CurrentOwner;
  csrfToken: string;
  when: "upcoming" | "past";
  status: string;
  items: BookingListItem[];
  done?: "approved" | "cancelled";
}

const STATUSES: BookingRow["status"][] = ["pending", "confirmed", "cancelled", "completed", "no_show"];

function actions(b: BookingListItem, d: BookingsPageData): Html | string {
  const t = dashboardMessages(d.owner.locale);
  if (b.status !== "pending" && b.status !== "confirmed") return "";
  const who = html`<span class="visually-hidden"> ${b.name}</span>`;
  return html`<div class="row-actions">${
    b.status === "pending"
      ? html`<form method="post" action="/dashboard/bookings/${b.id}/approve">${csrfInput(d.csrfToken)}<button type="submit">${t("approve")}${who}</button></form>`
      : ""
  }<details><summary>${t("cancelMenu")}${who}</summary><form method="post" action="/dashboard/bookings/${b.id}/cancel" class="stack">${csrfInput(d.csrfToken)}
<label for="reason-${b.id}">${t("cancelMessage")}</label><textarea id="reason-${b.id}" name="reason" rows="3" maxlength="2000"></textarea>
<button type="submit" class="danger">${t("cancelConfirm")}</button></form></details></div>`;
}

export function bookingsPage(d: BookingsPageData): Html {
  const t = dashboardMessages(d.owner.locale);
  const locale = d.owner.locale;
  const zone = d.owner.timeZone;
  return page({
    title: t("bookingsTitle"),
    locale,
    nav: { current: "bookings", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("bookingsTitle")}</h1>
${d.done ? notice("ok", d.done === "approved" ? t("approvedNotice") : t("cancelledNotice")) : ""}
<form method="get" action="/dashboard/bookings" class="filters">
<div class="field"><label for="f-when">${t("period")}</label><select id="f-when" name="when">
<option value="upcoming"${d.when === "upcoming" ? html` selected` : ""}>${t("upcoming")}</option>
<option value="past"${d.when === "past" ? html` selected` : ""}>${t("past")}</option></select></div>
<div class="field"><label for="f-status">${t("statusFilter")}</label><select id="f-status" name="status">
<option value="">${t("allStatuses")}</option>${STATUSES.map((s) => html`<option value="${s}"${d.status === s ? html` selected` : ""}>${pageMessages(locale)(`status_${s}`)}</option>`)}</select></div>
<button type="submit" class="secondary">${t("filter")}</button>
</form>
${
  d.items.length === 0
    ? html`<p class="muted">${t("noBookings")}</p>`
    : html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("bookingsTitle")}"><table>
<thead><tr><th scope="col">${t("when")}</th><th scope="col">${t("who")}</th><th scope="col">${t("link")}</th><th scope="col">${t("status")}</th><th scope="col">${t("actions")}</th></tr></thead>
<tbody>${d.items.map(
        (b) => html`<tr><td>${formatDateTime(b.startMs, locale, zone)}${
          b.timeZone !== zone
            ? html`<br><span class="small muted">${t("theirTime", { time: `${formatTime(b.startMs, locale, b.timeZone)} ${b.timeZone.replace(/_/g, " ")}` })}</span>`
            : ""
        }</td>
<td>${b.name}<br><span class="small muted">${b.email}</span></td><td>${b.title}</td>
<td>${statusBadge(b.status, locale)}${b.flagged ? html` <span class="badge warn">${t("flagged")}</span>` : ""}</td><td>${actions(b, d)}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}
