import { html } from "hono/html";
import { csrfInput, field } from "../../platform/http/views/forms.ts";
import { page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { accountMessages } from "../messages.ts";

export interface SetupPageData {
  locale: Locale;
  csrfToken: string;
  baseUrl: string;
  timeZones: readonly string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** another owner joining a deployment that has SIGNUP_CODE: the form asks for the code and posts to /signup */
  signup?: boolean;
}

export function setupPage(d: SetupPageData) {
  const t = accountMessages(d.locale);
  const v = d.values;
  return page({
    title: d.signup ? t("signupTitle") : t("setupTitle"),
    locale: d.locale,
    narrow: true,
    body: html`<h1>${d.signup ? t("signupTitle") : t("setupTitle")}</h1>
<p class="muted">${d.signup ? t("signupIntro") : t("setupIntro")}</p>
<form method="post" action="${d.signup ? "/signup" : "/setup"}" class="card stack" novalidate>
${csrfInput(d.csrfToken)}
${d.signup ? field({ name: "code", label: t("signupCode"), error: d.errors.code, required: true, autocomplete: "off", attrs: { autocapitalize: "none", spellcheck: "false" } }) : ""}
${field({ name: "name", label: t("name"), value: v.name, error: d.errors.name, required: true, autocomplete: "name" })}
${field({ name: "email", label: t("email"), type: "email", value: v.email, error: d.errors.email, required: true, autocomplete: "email" })}
${field({ name: "handle", label: t("handle"), value: v.handle, error: d.errors.handle, required: true, hint: t("handleHint", { base: d.baseUrl }), attrs: { autocapitalize: "none", spellcheck: "false" } })}
${field({ name: "timeZone", label: t("timeZone"), type: "select", value: v.timeZone || "Europe/Paris", error: d.errors.timeZone, required: true, options: d.timeZones.map((z) => ({ value: z, label: z.replace(/_/g, " ") })) })}
${field({
  name: "locale",
  label: t("locale"),
  type: "select",
  value: v.locale || d.locale,
  error: d.errors.locale,
  options: [
    { value: "fr", label: "Français" },
    { value: "en", label: "English" },
  ],
})}
${field({ name: "password", label: t("password"), type: "password", error: d.errors.password, required: true, hint: t("passwordHint"), autocomplete: "new-password" })}
${field({ name: "passwordConfirm", label: t("passwordConfirm"), type: "password", error: d.errors.passwordConfirm, required: true, autocomplete: "new-password" })}
<div class="actions"><button type="submit">${t("createAccount")}</button></div>
</form>`,
  });
}
