import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import { accountMessages } from "../messages.ts";

export function settingsPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  errors: Record<string, string>;
  done?: boolean;
}) {
  const t = accountMessages(d.owner.locale);
  return page({
    title: t("settingsTitle"),
    locale: d.owner.locale,
    nav: { current: "settings", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("settingsTitle")}</h1>
<section class="card" aria-labelledby="pw-title">
<h2 id="pw-title">${t("passwordTitle")}</h2>
${d.done ? notice("ok", t("passwordChanged")) : ""}
<form method="post" action="/dashboard/settings/password" class="stack">
${csrfInput(d.csrfToken)}
<input type="text" name="username" value="${d.owner.email}" autocomplete="username" hidden>
${field({ name: "currentPassword", label: t("currentPassword"), type: "password", required: true, error: d.errors.currentPassword, autocomplete: "current-password" })}
${field({ name: "newPassword", label: t("newPassword"), type: "password", required: true, error: d.errors.newPassword, hint: t("passwordHint"), autocomplete: "new-password" })}
<div class="actions"><button type="submit">${t("changePassword")}</button></div>
</form>
</section>`,
  });
}
