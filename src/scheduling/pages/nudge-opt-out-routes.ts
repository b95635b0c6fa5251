// /bookings/stop/{token}: a visitor nudged about an unfinished booking form asks for no more such emails.
// The GET only shows (mail scanners prefetch links); the POST, with its CSRF token, records it.
import { Hono } from "hono";
import { html } from "hono/html";
import { findOwnerById } from "../../accounts/store.ts";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { csrfInput, notice } from "../../platform/http/views/forms.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { isProspectOptedOut, readProspectOptOut, recordProspectOptOut } from "../form-nudge.ts";
import { publicPage } from "./public-parts.ts";
import { useLocale } from "./visitor-locale.ts";

const messages = defineMessages({
  fr: {
    title: "Ne plus recevoir ces e-mails",
    intro:
      "Vous avez reçu un rappel de {owner} au sujet d'une demande de rendez-vous commencée sans être terminée. Vous pouvez demander à ne plus en recevoir.",
    button: "Ne plus recevoir ces e-mails",
    done: "C'est noté\u00a0: vous ne recevrez plus de rappel de ce type de la part de {owner}.",
    invalidTitle: "Lien invalide",
    expiredTitle: "Lien expiré",
    invalidText:
      "Ce lien n'est pas ou plus valable. Répondez simplement à l'e-mail pour ne plus en recevoir.",
  },
  en: {
    title: "Stop these emails",
    intro:
      "You received a reminder from {owner} about a booking request that was started but not finished. You can ask not to receive any more.",
    button: "Stop these emails",
    done: "Done: you will not receive this kind of reminder from {owner} again.",
    invalidTitle: "Invalid link",
    expiredTitle: "Link expired",
    invalidText: "This link is not valid (any more). Just reply to the email to stop receiving them.",
  },
});

function optOutPage(d: {
  locale: Locale;
  csrfToken: string;
  action: string;
  owner: string;
  done: boolean;
}): Html {
  const t = messages(d.locale);
  const body = d.done
    ? notice("ok", t("done", { owner: d.owner }))
    : html`<p>${t("intro", { owner: d.owner })}</p>
<form method="post" action="${d.action}" class="actions">${csrfInput(d.csrfToken)}<button type="submit">${t("button")}</button></form>`;
  return publicPage({
    title: t("title"),
    locale: d.locale,
    body: html`<div class="card"><h1>${t("title")}</h1>${body}</div>`,
  });
}

async function resolve(c: AppContext) {
  const deps = c.get("deps");
  const locale = useLocale(c, c.req.query("lang"));
  const link = readProspectOptOut(deps.config, c.req.param("token") ?? "", deps.clock.now());
  const owner = link.ok ? await findOwnerById(deps.database, link.ownerId) : undefined;
  c.header("Cache-Control", "no-store");
  if (!link.ok || !owner) {
    const t = messages(locale);
    const title = !link.ok && link.expired ? t("expiredTitle") : t("invalidTitle");
    const page = publicPage({
      title,
      locale,
      body: html`<div class="card"><h1>${title}</h1><p>${t("invalidText")}</p></div>`,
    });
    return { response: c.html(page, !link.ok && link.expired ? 410 : 404) };
  }
  return { locale, owner, email: link.email };
}

export function nudgeOptOutRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/:token", async (c) => {
    const r = await resolve(c);
    if ("response" in r) return r.response;
    const done = await isProspectOptedOut(c.get("deps"), r.owner.id, r.email);
    const action = `${c.req.path}?lang=${r.locale}`;
    return c.html(
      optOutPage({ locale: r.locale, csrfToken: c.get("csrfToken"), action, owner: r.owner.name, done }),
    );
  });
  app.post("/:token", async (c) => {
    const r = await resolve(c);
    if ("response" in r) return r.response;
    await recordProspectOptOut(c.get("deps"), r.owner.id, r.email);
    return c.redirect(`${c.req.path}?lang=${r.locale}`, 303);
  });
  return app;
}
