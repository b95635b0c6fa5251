// Dashboard: the connected calendars, how to add one, reminder and all-day preferences, the bookings feed.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { ConnectionJson } from "../connection-view.ts";
import { type CalendarT, calendarMessages } from "../messages.ts";
import { statusBadge, typeName, when } from "./connection-parts.ts";

export interface CalendarsPageData {
  owner: CurrentOwner;
  csrfToken: string;
  connections: ConnectionJson[];
  googleAvailable: boolean;
  preferences: { reminderMinutes: number; allDayEvents: string };
  feedUrl: string | null;
  message?: { kind: "ok" | "error"; text: string };
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

function connectionsTable(d: CalendarsPageData, t: CalendarT): Html {
  if (d.connections.length === 0) return html`<p class="muted">${t("none")}</p>`;
  return html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("colName")}</th><th scope="col">${t("colType")}</th><th scope="col">${t("colStatus")}</th><th scope="col">${t("colLastSync")}</th><th scope="col">${t("colBusy")}</th></tr></thead>
<tbody>${d.connections.map(
    (
      c,
    ) => html`<tr><td><a href="/dashboard/calendars/${c.id}">${c.name}</a>${c.lastError ? html`<br><span class="small error-text">${c.lastError}</span>` : ""}</td>
<td>${typeName(t, c.type)}</td><td>${statusBadge(t, c)}</td><td>${when(t, c.lastSyncAt, d.owner.locale, d.owner.timeZone)}</td><td>${c.busyIntervals}</td></tr>`,
  )}</tbody></table></div>`;
}

function addForms(d: CalendarsPageData, t: CalendarT): Html {
  const v = d.values ?? {};
  const e = d.errors ?? {};
  return html`<h2>${t("add")}</h2>
<div class="grid">
<section class="card stack"><h3>${t("googleTitle")}</h3><p class="muted small">${t("googleIntro")}</p>
${
  d.googleAvailable
    ? html`<form method="post" action="/dashboard/calendars/google/start">${csrfInput(d.csrfToken)}<button type="submit">${t("googleButton")}</button></form>`
    : html`<p class="small">${t("googleMissing")}</p>`
}</section>
<form method="post" action="/dashboard/calendars/caldav" class="card stack" autocomplete="off">${csrfInput(d.csrfToken)}
<h3>${t("caldavTitle")}</h3>
${field({ name: "url", label: t("serverUrl"), type: "url", required: true, hint: t("serverHint"), value: v.caldavUrl, error: e.caldavUrl })}
${field({ name: "username", label: t("username"), required: true, value: v.username, error: e.username })}
${field({ name: "password", label: t("password"), type: "password", required: true, hint: t("passwordHint"), error: e.password, autocomplete: "new-password" })}
<div class="actions"><button type="submit">${t("caldavButton")}</button></div></form>
<form method="post" action="/dashboard/calendars/ics" class="card stack">${csrfInput(d.csrfToken)}
<h3>${t("icsTitle")}</h3>
${field({ name: "url", label: t("feedUrlLabel"), type: "url", required: true, hint: t("feedHint"), value: v.icsUrl, error: e.icsUrl })}
${field({ name: "name", label: t("name"), value: v.name })}
<div class="actions"><button type="submit">${t("icsButton")}</button></div></form>
</div>`;
}

function preferencesForm(d: CalendarsPageData, t: CalendarT): Html {
  return html`<form method="post" action="/dashboard/calendars/preferences" class="card stack">${csrfInput(d.csrfToken)}
<h2>${t("preferences")}</h2>
${field({
  name: "reminderMinutes",
  label: t("reminder"),
  type: "select",
  value: String(d.preferences.reminderMinutes),
  options: [
    { value: "0", label: t("reminderOff") },
    ...[15, 30, 60].map((m) => ({ value: String(m), label: t("reminderMinutes", { minutes: m }) })),
  ],
})}
${field({
  name: "allDayEvents",
  label: t("allDay"),
  type: "select",
  value: d.preferences.allDayEvents,
  options: [
    { value: "busy", label: t("allDayBusy") },
    { value: "free", label: t("allDayFree") },
  ],
})}
<div class="actions"><button type="submit">${t("save")}</button></div></form>`;
}

function feedSection(d: CalendarsPageData, t: CalendarT): Html {
  const button = (action: string, label: string, secondary = false) =>
    html`<form method="post" action="/dashboard/calendars/feed">${csrfInput(d.csrfToken)}<input type="hidden" name="action" value="${action}"><button type="submit"${secondary ? html` class="secondary"` : ""}>${label}</button></form>`;
  return html`<section class="card stack"><h2>${t("feedTitle")}</h2><p class="muted">${t("feedIntro")}</p>
${
  d.feedUrl
    ? html`<div class="secret"><code>${d.feedUrl}</code></div><div class="actions">${button("rotate", t("feedRotate"), true)}${button("disable", t("feedDisable"), true)}</div>`
    : html`<p>${t("feedOff")}</p><div class="actions">${button("enable", t("feedEnable"))}</div>`
}</section>`;
}

export function calendarsPage(d: CalendarsPageData): Html {
  const t = calendarMessages(d.owner.locale);
  return page({
    title: t("title"),
    locale: d.owner.locale,
    nav: { current: "calendars", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("title")}</h1>
<p class="muted">${t("intro")} <a href="/dashboard/today">${t("todayLink")}</a></p>
${d.message ? notice(d.message.kind, d.message.text) : ""}
<section class="card"><h2>${t("connections")}</h2>${connectionsTable(d, t)}</section>
${addForms(d, t)}
<div class="grid">${preferencesForm(d, t)}${feedSection(d, t)}</div>`,
  });
}
