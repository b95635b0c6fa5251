// Account pages: first-run setup, sign in/out, dashboard home, password change, API keys.
import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { hashPassword, verifyPassword } from "../platform/security/password.ts";
import { createApiKey, type Scope } from "./api-keys.ts";
import { login } from "./login.ts";
import { accountMessages } from "./messages.ts";
import { ownerFormPage, submitOwnerForm } from "./owner-form.ts";
import { passwordSchema } from "./owner-input.ts";
import { apiKeysPage } from "./pages/api-keys-page.ts";
import { dashboardPage } from "./pages/dashboard-page.ts";
import { loginPage } from "./pages/login-page.ts";
import { settingsPage } from "./pages/settings-page.ts";
import { endSession, requireSession, startSession } from "./sessions.ts";
import { signupRoutes } from "./signup-routes.ts";
import {
  countOwners,
  deleteOtherSessions,
  findOwnerById,
  listApiKeys,
  revokeApiKey,
  updatePasswordHash,
} from "./store.ts";

/** Only local paths: an attacker must not turn the login form into an open redirect. */
function safeNext(next: string): string {
  return /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : "/dashboard";
}

export function accountRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    if (c.get("owner")) return c.redirect("/dashboard", 303);
    return c.redirect((await countOwners(c.get("deps").database)) === 0 ? "/setup" : "/login", 303);
  });

  app.get("/setup", async (c) => {
    const deps = c.get("deps");
    if ((await countOwners(deps.database)) > 0) throw new AppError("not_found");
    return c.html(ownerFormPage(c, { locale: c.get("locale") }));
  });

  app.post("/setup", async (c) => {
    const deps = c.get("deps");
    if ((await countOwners(deps.database)) > 0) throw new AppError("not_found");
    const form = await readForm(c);
    const values = Object.fromEntries(
      ["name", "email", "handle", "timeZone", "locale"].map((k) => [k, formString(form, k)]),
    );
    const locale = values.locale === "en" ? "en" : c.get("locale");
    const password = typeof form.password === "string" ? form.password : "";
    const render = (errors: Record<string, string>, status: 409 | 422) =>
      c.html(ownerFormPage(c, { locale, values, errors }), status);
    return submitOwnerForm(c, {
      values,
      password,
      passwordConfirm: form.passwordConfirm,
      locale,
      firstRunOnly: true,
      render,
    });
  });

  app.route("/", signupRoutes());

  app.get("/login", async (c) => {
    if (c.get("owner")) return c.redirect("/dashboard", 303);
    return c.html(
      loginPage({ locale: c.get("locale"), csrfToken: c.get("csrfToken"), next: c.req.query("next") }),
    );
  });

  app.post("/login", async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const email = formString(form, "email");
    const next = safeNext(formString(form, "next") || "/dashboard");
    const t = accountMessages(c.get("locale"));
    const result = await login(deps, {
      email,
      password: typeof form.password === "string" ? form.password : "",
      clientIp: deps.clientIp(c),
    });
    if (result.ok) {
      await startSession(c, deps, result.owner.id);
      return c.redirect(next, 303);
    }
    if (result.retryAfterSeconds) {
      c.header("Retry-After", String(result.retryAfterSeconds));
      const error = t("loginThrottled", { minutes: Math.ceil(result.retryAfterSeconds / 60) });
      return c.html(
        loginPage({ locale: c.get("locale"), csrfToken: c.get("csrfToken"), email, error, next }),
        429,
      );
    }
    return c.html(
      loginPage({
        locale: c.get("locale"),
        csrfToken: c.get("csrfToken"),
        email,
        error: t("loginFailed"),
        next,
      }),
      401,
    );
  });

  app.post("/logout", async (c) => {
    await endSession(c);
    return c.redirect("/login", 303);
  });

  const dash = new Hono<AppEnv>();
  dash.use("*", requireSession());
  dash.get("/", (c) =>
    c.html(
      dashboardPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        baseUrl: c.get("deps").config.baseUrl,
      }),
    ),
  );
  dash.get("/settings", (c) =>
    c.html(
      settingsPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        errors: {},
        done: c.req.query("done") === "1",
      }),
    ),
  );
  dash.post("/settings/password", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const t = accountMessages(owner.locale);
    const form = await readForm(c);
    const row = await findOwnerById(deps.database, owner.id);
    const current = typeof form.currentPassword === "string" ? form.currentPassword : "";
    const next = typeof form.newPassword === "string" ? form.newPassword : "";
    const render = (errors: Record<string, string>) =>
      c.html(settingsPage({ owner, csrfToken: c.get("csrfToken"), errors }), 422);
    if (!row || !(await verifyPassword(current.slice(0, 200), row.passwordHash)))
      return render({ currentPassword: t("wrongPassword") });
    const parsed = passwordSchema.safeParse(next);
    if (!parsed.success) return render({ newPassword: parsed.error.issues[0]?.message ?? "invalid" });
    await updatePasswordHash(deps.database, owner.id, await hashPassword(parsed.data), deps.clock.now());
    const auth = c.get("auth");
    if (auth?.kind === "session") await deleteOtherSessions(deps.database, owner.id, auth.sessionId);
    return c.redirect("/dashboard/settings?done=1", 303);
  });

  dash.get("/api-keys", async (c) => {
    const owner = c.get("owner")!;
    const keys = await listApiKeys(c.get("deps").database, owner.id);
    return c.html(apiKeysPage({ owner, csrfToken: c.get("csrfToken"), keys }));
  });
  dash.post("/api-keys", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const name = formString(form, "name");
    const scopes: Scope[] = formString(form, "scopes") === "read" ? ["read"] : ["read", "write"];
    if (!name) {
      const keys = await listApiKeys(deps.database, owner.id);
      return c.html(
        apiKeysPage({
          owner,
          csrfToken: c.get("csrfToken"),
          keys,
          error: accountMessages(owner.locale)("keyName"),
        }),
        422,
      );
    }
    const created = await createApiKey(deps, owner.id, name, scopes);
    const keys = await listApiKeys(deps.database, owner.id);
    c.header("Cache-Control", "no-store");
    return c.html(apiKeysPage({ owner, csrfToken: c.get("csrfToken"), keys, newKey: created.key }), 201);
  });
  dash.post("/api-keys/:id/revoke", async (c) => {
    const deps = c.get("deps");
    const revoked = await revokeApiKey(
      deps.database,
      c.get("owner")!.id,
      c.req.param("id"),
      deps.clock.now(),
    );
    if (!revoked) throw new AppError("not_found");
    return c.redirect("/dashboard/api-keys", 303);
  });
  app.route("/dashboard", dash);
  return app;
}
