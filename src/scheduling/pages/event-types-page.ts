// The owner's booking links: each with its public address in a field made for copying.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { SCRIPT_PATH } from "../../platform/http/views/assets.ts";
import { notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { dashboardMessages } from "./dashboard-messages.ts";
import { durationLabel } from "./public-parts.ts";

export interface EventTypeListItem {
  id: string;
  title: string;
  durationMinutes: number;
  active: boolean;
  url: string;
}

export function eventTypesPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  items: EventTypeListItem[];
  done?: "saved" | "deleted";
}): Html {
  const t = dashboardMessages(d.owner.locale);
  return page({
    title: t("eventTypesTitle"),
    locale: d.owner.locale,
    nav: { current: "eventTypes", csrfToken: d.csrfToken, ownerName: d.owner.name },
    scripts: [SCRIPT_PATH],
    body: html`<h1>${t("eventTypesTitle")}</h1>
${d.done ? notice("ok", d.done === "saved" ? t("savedNotice") : t("deletedNotice")) : ""}
<p class="muted">${t("eventTypesIntro")}</p>
<p><a class="button" href="/dashboard/event-types/new">${t("newLink")}</a></p>
${
  d.items.length === 0
    ? html`<p class="muted">${t("noLinks")}</p>`
    : html`<div class="grid">${d.items.map(
        (e) => html`<section class="card stack link-card">
<h2>${e.title}</h2>
<p class="muted">${durationLabel(e.durationMinutes, d.owner.locale)} · <span class="badge ${e.active ? "ok" : ""}">${e.active ? t("active") : t("inactive")}</span></p>
<div class="field"><label for="url-${e.id}">${t("publicUrl")}<span class="visually-hidden"> · ${e.title}</span></label>
<div class="copy-field"><input type="text" id="url-${e.id}" value="${e.url}" readonly data-copy="${t("copy")}" data-copied="${t("copied")}"></div></div>
<p class="actions"><a class="button secondary" href="/dashboard/event-types/${e.id}">${t("edit")}<span class="visually-hidden"> ${e.title}</span></a><a href="${e.url}">${e.url.replace(/^https?:\/\//, "")}</a></p>
</section>`,
      )}</div>`
}`,
  });
}
