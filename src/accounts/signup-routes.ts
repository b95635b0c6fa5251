// Another owner on the same deployment (a Worker serving several freelancers): /signup works only when the
// operator set SIGNUP_CODE, and only for whoever knows it. Each owner gets their own handle; every query is
// scoped to the signed-in owner, so accounts never see each other's data.
import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { safeEqual, sha256Hex } from "../platform/security/tokens.ts";
import { accountMessages } from "./messages.ts";
import { ownerFormPage, submitOwnerForm } from "./owner-form.ts";

const FIELDS = ["name", "email", "handle", "timeZone", "locale"] as const;

/** Hashing first compares equal-length values, so the time taken says nothing about the code's length. */
function codeMatches(given: string, expected: string): boolean {
  return safeEqual(sha256Hex(given), sha256Hex(expected));
}

export function signupRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/signup", (c) => {
    const deps = c.get("deps");
    if (!deps.config.signupCode) throw new AppError("not_found");
    return c.html(ownerFormPage(c, { locale: c.get("locale"), signup: true }));
  });

  app.post("/signup", async (c) => {
    const deps = c.get("deps");
    const expected = deps.config.signupCode;
    if (!expected) throw new AppError("not_found");
    const form = await readForm(c);
    const values = Object.fromEntries(FIELDS.map((k) => [k, formString(form, k)]));
    const locale = values.locale === "en" ? "en" : c.get("locale");
    const t = accountMessages(locale);
    const password = typeof form.password === "string" ? form.password : "";
    const render = (errors: Record<string, string>, status: 403 | 409 | 422) =>
      c.html(ownerFormPage(c, { locale, values, errors, signup: true }), status);
    if (!codeMatches(formString(form, "code"), expected)) return render({ code: t("signupCodeWrong") }, 403);
    return submitOwnerForm(c, {
      values,
      password,
      passwordConfirm: form.passwordConfirm,
      locale,
      firstRunOnly: false,
      render,
    });
  });

  return app;
}
