// The links between the leads pages, shown under each page's heading.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";

const messages = defineMessages({
  fr: {
    label: "Pages des prospects",
    board: "Tableau",
    list: "Liste",
    add: "Ajouter un prospect",
    import: "Importer un CSV",
    settings: "Critères et e-mails",
  },
  en: {
    label: "Lead pages",
    board: "Board",
    list: "List",
    add: "Add a lead",
    import: "Import a CSV",
    settings: "Criteria and emails",
  },
});

export type LeadsPage = "board" | "list" | "add" | "import" | "settings" | null;

const LINKS: [Exclude<LeadsPage, null>, string][] = [
  ["board", "/dashboard/leads/board"],
  ["list", "/dashboard/leads"],
  ["add", "/dashboard/leads/new"],
  ["import", "/dashboard/leads/import"],
  ["settings", "/dashboard/leads/settings"],
];

export function leadsNav(locale: Locale, current: LeadsPage): Html {
  const t = messages(locale);
  return html`<nav aria-label="${t("label")}"><ul class="subnav">${LINKS.map(
    ([key, href]) =>
      html`<li><a href="${href}"${current === key ? html` aria-current="page"` : ""}>${t(key)}</a></li>`,
  )}</ul></nav>`;
}
