import { html } from "hono/html";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { accountMessages } from "../messages.ts";

export function loginPage(d: {
  locale: Locale;
  csrfToken: string;
  email?: string;
  error?: string;
  next?: string;
}) {
  const t = accountMessages(d.locale);
  return page({
    title: t("loginTitle"),
    locale: d.locale,
    narrow: true,
    body: html`<h1>${t("loginTitle")}</h1>
${d.error ? notice("error", d.error) : ""}
<form method="post" action="/login" class="card stack">
${csrfInput(d.csrfToken)}
<input type="hidden" name="next" value="${d.next ?? ""}">
${field({ name: "email", label: t("email"), type: "email", value: d.email, required: true, autocomplete: "username" })}
${field({ name: "password", label: t("password"), type: "password", required: true, autocomplete: "current-password" })}
<div class="actions"><button type="submit">${t("login")}</button></div>
</form>`,
  });
}
