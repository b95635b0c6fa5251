import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { page } from "../../platform/http/views/layout.ts";
import { accountMessages } from "../messages.ts";

export function dashboardPage(d: { owner: CurrentOwner; csrfToken: string; baseUrl: string }) {
  const t = accountMessages(d.owner.locale);
  const publicUrl = `${d.baseUrl}/${d.owner.handle}`;
  return page({
    title: t("dashboardTitle"),
    locale: d.owner.locale,
    nav: { current: "dashboard", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("hello", { name: d.owner.name })}</h1>
<div class="grid">
<section class="card"><h2>${t("publicLink")}</h2><p><a href="${publicUrl}">${publicUrl}</a></p></section>
</div>`,
  });
}
