// The billing identity form of the dashboard: the same validation as PUT /api/settings/business.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { readForm } from "../platform/http/request-body.ts";
import {
  BUSINESS_SETTINGS_KEY,
  businessSettingsSchema,
  businessSettingsView,
  normalizeBusinessSettings,
} from "./business-settings.ts";
import { settingsBodyFromForm, settingsFieldName, settingsFormValues } from "./business-settings-form.ts";
import { businessSettingsPage } from "./pages/business-settings-page.ts";
import { getBusinessSettings, putOwnerSetting } from "./settings-store.ts";

type Form = Record<string, string>;

function flat(form: Record<string, string | string[]>): Form {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? ""]));
}

export function businessSettingsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/settings/business", requireSession());

  const renderSettings = async (
    c: AppContext,
    values: Form | null,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const owner = c.get("owner")!;
    const settings = await getBusinessSettings(c.get("deps").database, owner.id);
    const view = businessSettingsView(settings);
    return c.html(
      businessSettingsPage({
        owner,
        csrfToken: c.get("csrfToken"),
        values: values ?? settingsFormValues(settings),
        errors,
        missing: view.missingMandatoryFields,
        warnings: view.warnings,
        saved: c.req.query("done") === "1" && status === 200,
      }),
      status as 200,
    );
  };

  app.get("/settings/business", (c) => renderSettings(c, null, {}));

  app.post("/settings/business", async (c) => {
    const deps = c.get("deps");
    const form = flat(await readForm(c));
    const parsed = businessSettingsSchema.safeParse(settingsBodyFromForm(form));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        errors[settingsFieldName(issue.path.join("."))] ??= issue.message;
      return renderSettings(c, form, errors, 422);
    }
    await putOwnerSetting(
      deps.database,
      c.get("owner")!.id,
      BUSINESS_SETTINGS_KEY,
      normalizeBusinessSettings(parsed.data),
      deps.clock.now(),
    );
    return c.redirect("/dashboard/settings/business?done=1", 303);
  });

  return app;
}
