// What the setup and sign-up forms share once their own checks passed: the password confirmation, creating the
// owner, signing them in, and each refusal shown next to its field.
import type { AppContext } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import type { Locale } from "../platform/i18n.ts";
import { timeZoneChoices } from "../platform/time-zones.ts";
import { createOwner } from "./create-owner.ts";
import { accountMessages } from "./messages.ts";
import { setupPage } from "./pages/setup-page.ts";
import { startSession } from "./sessions.ts";

/** The setup or sign-up page, empty or with what was typed and each refusal next to its field. */
export function ownerFormPage(
  c: AppContext,
  form: {
    locale: Locale;
    values?: Record<string, string>;
    errors?: Record<string, string>;
    signup?: boolean;
  },
): ReturnType<typeof setupPage> {
  return setupPage({
    locale: form.locale,
    csrfToken: c.get("csrfToken"),
    baseUrl: c.get("deps").config.baseUrl,
    timeZones: timeZoneChoices(),
    values: form.values ?? {},
    errors: form.errors ?? {},
    ...(form.signup ? { signup: true } : {}),
  });
}

export async function submitOwnerForm(
  c: AppContext,
  input: {
    values: Record<string, string>;
    password: string;
    passwordConfirm: unknown;
    locale: Locale;
    firstRunOnly: boolean;
    render: (errors: Record<string, string>, status: 409 | 422) => Response | Promise<Response>;
  },
): Promise<Response> {
  if (input.password !== input.passwordConfirm) {
    return input.render({ passwordConfirm: accountMessages(input.locale)("passwordMismatch") }, 422);
  }
  const deps = c.get("deps");
  try {
    const owner = await createOwner(
      deps,
      { ...input.values, password: input.password },
      { firstRunOnly: input.firstRunOnly },
    );
    await startSession(c, deps, owner.id);
    return c.redirect("/dashboard", 303);
  } catch (error) {
    if (!(error instanceof AppError) || !error.errors) throw error;
    const errors = Object.fromEntries(error.errors.map((e) => [e.path, e.message]));
    return input.render(errors, error.code === "validation" ? 422 : 409);
  }
}
