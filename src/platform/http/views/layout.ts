// The page shell: a dashboard layout with navigation, and a bare one for public and sign-in pages.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Locale } from "../../i18n.ts";
import { STYLESHEET_PATH } from "./assets.ts";
import { layoutMessages } from "./layout-messages.ts";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  locale: Locale;
  body: Html;
  /** dashboard pages get the navigation; public ones do not */
  nav?: { current: string; csrfToken: string; ownerName: string } | null;
  narrow?: boolean;
  scripts?: string[];
}

const NAV_ITEMS = [
  ["dashboard", "/dashboard"],
  ["today", "/dashboard/today"],
  ["eventTypes", "/dashboard/event-types"],
  ["bookings", "/dashboard/bookings"],
  ["leads", "/dashboard/leads"],
  ["missions", "/dashboard/missions"],
  ["invoices", "/dashboard/invoices"],
  ["insights", "/dashboard/insights"],
  ["calendars", "/dashboard/calendars"],
  ["automations", "/dashboard/automations"],
  ["outbox", "/dashboard/outbox"],
  ["apiKeys", "/dashboard/api-keys"],
  ["webhooks", "/dashboard/webhooks"],
  ["settings", "/dashboard/settings"],
] as const;

export function page(options: PageOptions): Html {
  const t = layoutMessages(options.locale);
  const nav = options.nav;
  return html`<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Créneau</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#content">${t("skip")}</a>
${
  nav
    ? html`<header class="top"><div class="inner">
<a class="brand" href="/dashboard">Créneau</a>
<nav class="main" aria-label="${t("navLabel")}">
${NAV_ITEMS.map(
  ([key, href]) =>
    html`<a href="${href}"${nav.current === key ? html` aria-current="page"` : ""}>${t(key)}</a>`,
)}
</nav>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${nav.csrfToken}"><button type="submit">${t("logout")}</button></form>
</div></header>`
    : html`<header class="top"><div class="inner"><span class="brand">Créneau</span></div></header>`
}
<main id="content"${options.narrow ? html` class="narrow"` : ""}>
${options.body}
</main>
<footer class="bottom">Créneau</footer>
</body>
</html>`;
}
