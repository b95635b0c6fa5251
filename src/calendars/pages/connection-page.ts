// Dashboard: one connection: its state, what went wrong and how to fix it, which calendars count as busy
// and which receives bookings, sync now, remove.
import { html, raw } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { ConnectionJson } from "../connection-view.ts";
import { type CalendarT, calendarMessages } from "../messages.ts";
import { statusBadge, typeName, when } from "./connection-parts.ts";

export interface ConnectionPageData {
  owner: CurrentOwner;
  csrfToken: string;
  connection: ConnectionJson;
  message?: { kind: "ok" | "error"; text: string };
  error?: string;
}

function repair(d: ConnectionPageData, t: CalendarT): Html {
  const c = d.connection;
  if (!c.lastError) return html``;
  const action = `/dashboard/calendars/${c.id}/credentials`;
  let fix: Html = html``;
  if (c.type === "google" && c.status === "broken")
    fix = html`<p>${t("brokenGoogle")}</p><form method="post" action="/dashboard/calendars/google/start">${csrfInput(d.csrfToken)}<input type="hidden" name="reconnect" value="${c.id}"><button type="submit">${t("reconnectGoogle")}</button></form>`;
  else if (c.type === "caldav" && c.status === "broken")
    fix = html`<form method="post" action="${action}" class="stack">${csrfInput(d.csrfToken)}<p>${t("brokenCaldav")}</p>
${field({ name: "password", label: t("password"), type: "password", required: true, error: d.error, autocomplete: "new-password" })}
<div class="actions"><button type="submit">${t("update")}</button></div></form>`;
  else if (c.type === "ics")
    fix = html`<form method="post" action="${action}" class="stack">${csrfInput(d.csrfToken)}
${field({ name: "url", label: t("fixFeed"), type: "url", required: true, value: c.url, error: d.error })}
<div class="actions"><button type="submit">${t("update")}</button></div></form>`;
  return html`<div class="card stack">${notice("error", c.lastError)}${fix}</div>`;
}

function progress(t: CalendarT, c: ConnectionJson): Html {
  if (!c.syncing) return html``;
  const phase = c.progress?.phase ? ` (${c.progress.phase})` : "";
  // Reloads while the sync runs, so a long first sync shows its progress without a script.
  return html`${raw('<meta http-equiv="refresh" content="2">')}<p role="status">${t("progress", { done: c.progress?.done ?? 0, phase })} <a href="/dashboard/calendars/${c.id}">${t("refresh")}</a></p>`;
}

function calendarsForm(d: ConnectionPageData, t: CalendarT): Html {
  const c = d.connection;
  const writable = c.type !== "ics";
  return html`<form method="post" action="/dashboard/calendars/${c.id}" class="card stack">${csrfInput(d.csrfToken)}
<h2>${t("calendarsTitle")}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("colName")}</th><th scope="col">${t("colBusyChoice")}</th>${writable ? html`<th scope="col">${t("colTarget")}</th>` : ""}</tr></thead>
<tbody>${c.calendars.map(
    (
      cal,
      i,
    ) => html`<tr><td>${cal.name}${cal.readOnly && writable ? html` <span class="muted small">(${t("readOnly")})</span>` : ""}</td>
<td><label class="choice"><input type="checkbox" name="busy" value="${cal.id}"${cal.busy ? html` checked` : ""}><span class="visually-hidden">${t("colBusyChoice")} — ${cal.name}</span></label></td>
${writable ? html`<td><label class="choice"><input type="radio" name="bookingCalendarId" value="${cal.id}" id="target-${i}"${cal.receivesBookings ? html` checked` : ""}${cal.readOnly ? html` disabled` : ""}><span class="visually-hidden">${t("colTarget")} — ${cal.name}</span></label></td>` : ""}</tr>`,
  )}</tbody></table></div>
${writable ? html`<label class="choice"><input type="radio" name="bookingCalendarId" value=""${c.bookingCalendarId === null ? html` checked` : ""}> ${t("noTarget")}</label>` : ""}
<div class="form-grid">
${field({ name: "name", label: t("name"), value: c.name, required: true })}
${field({
  name: "syncIntervalMinutes",
  label: t("interval"),
  type: "select",
  value: String(c.syncIntervalMinutes),
  options: [5, 15, 30, 60].map((m) => ({ value: String(m), label: t("minutes", { minutes: m }) })),
})}
</div>
<div class="actions"><button type="submit">${t("save")}</button></div></form>`;
}

export function connectionPage(d: ConnectionPageData): Html {
  const t = calendarMessages(d.owner.locale);
  const c = d.connection;
  const action = (path: string, label: string, secondary = false) =>
    html`<form method="post" action="/dashboard/calendars/${c.id}/${path}">${csrfInput(d.csrfToken)}<button type="submit"${secondary ? html` class="secondary"` : ""}>${label}</button></form>`;
  return page({
    title: c.name,
    locale: d.owner.locale,
    nav: { current: "calendars", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/calendars">← ${t("back")}</a></p>
<h1>${c.name} ${statusBadge(t, c)}</h1>
${d.message ? notice(d.message.kind, d.message.text) : ""}
<p class="muted">${typeName(t, c.type)}${c.accountEmail ? ` · ${c.accountEmail}` : ""}${c.url ? ` · ${c.url}` : ""}${c.username ? ` · ${c.username}` : ""}</p>
<p>${t("lastSync")} : ${when(t, c.lastSyncAt, d.owner.locale, d.owner.timeZone)} · ${t("nextSync")} : ${when(t, c.nextSyncAt, d.owner.locale, d.owner.timeZone)} · ${t("colBusy")} : ${c.busyIntervals}</p>
${progress(t, c)}
${repair(d, t)}
${calendarsForm(d, t)}
<div class="actions">${action("sync", t("syncNow"))}${action("delete", t("remove"), true)}</div>`,
  });
}
