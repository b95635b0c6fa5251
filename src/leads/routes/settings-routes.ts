// The owner's lead settings page.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import type { Locale } from "../../platform/i18n.ts";
import { todayIn } from "../../scheduling/zoned-bounds.ts";
import { DEFAULT_DECLINE_TEMPLATES } from "../decline-email.ts";
import { formatPartnerLines, type LeadSettings, parsePartnerLines } from "../lead-settings.ts";
import { parseLooseDate, parseMoneyCents, parseMonths } from "../loose-values.ts";
import { partnerErrorsText, type SettingsFormValues, settingsPage } from "../pages/settings-page.ts";
import { getLeadSettings, saveLeadSettings } from "../settings-store.ts";

const ERRORS: Record<Locale, Record<"minDailyRate" | "minDurationMonths" | "earliestStartDate", string>> = {
  fr: {
    minDailyRate: "Un montant, par exemple 600.",
    minDurationMonths: "Un nombre de mois, par exemple 3.",
    earliestStartDate: "Une date valide.",
  },
  en: {
    minDailyRate: "An amount, for example 600.",
    minDurationMonths: "A number of months, for example 3.",
    earliestStartDate: "A valid date.",
  },
};

const skillList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 50)
    .map((s) => s.slice(0, 100));

export function formOf(s: LeadSettings, locale: Locale): SettingsFormValues {
  const c = s.criteria;
  const euros = (cents: number) => String(cents / 100).replace(".", locale === "fr" ? "," : ".");
  return {
    minDailyRate: c.minDailyRateCents !== undefined ? euros(c.minDailyRateCents) : "",
    minDurationMonths: c.minDurationMonths !== undefined ? String(c.minDurationMonths) : "",
    requiredSkills: (c.requiredSkills ?? []).join(", "),
    excludedSkills: (c.excludedSkills ?? []).join(", "),
    remote: c.remote ?? "any",
    earliestStartDate: c.earliestStartDate ?? "",
    declineEmail: s.declineEmail,
    templateFr: s.declineTemplate.fr || DEFAULT_DECLINE_TEMPLATES.fr,
    templateEn: s.declineTemplate.en || DEFAULT_DECLINE_TEMPLATES.en,
    partners: formatPartnerLines(s.partners),
  };
}

/** The form back into settings, or the fields it could not read. */
export function settingsOf(
  v: SettingsFormValues,
  locale: Locale,
  today: string,
): { settings: LeadSettings } | { errors: Partial<Record<keyof SettingsFormValues, string>> } {
  const errors: Partial<Record<keyof SettingsFormValues, string>> = {};
  const criteria: LeadSettings["criteria"] = {};
  if (v.minDailyRate) {
    const cents = parseMoneyCents(v.minDailyRate);
    if (cents === undefined || cents > 10_000_000) errors.minDailyRate = ERRORS[locale].minDailyRate;
    else criteria.minDailyRateCents = cents;
  }
  if (v.minDurationMonths) {
    const months = parseMonths(v.minDurationMonths);
    if (months === undefined || months > 120) errors.minDurationMonths = ERRORS[locale].minDurationMonths;
    else criteria.minDurationMonths = months;
  }
  if (v.requiredSkills) criteria.requiredSkills = skillList(v.requiredSkills);
  if (v.excludedSkills) criteria.excludedSkills = skillList(v.excludedSkills);
  if (v.remote === "preferred" || v.remote === "required") criteria.remote = v.remote;
  if (v.earliestStartDate) {
    const date = parseLooseDate(v.earliestStartDate, today);
    if (!date) errors.earliestStartDate = ERRORS[locale].earliestStartDate;
    else criteria.earliestStartDate = date;
  }
  const partners = parsePartnerLines(v.partners);
  if (partners.errors.length)
    errors.partners = partnerErrorsText(
      locale,
      partners.errors.map((e) => e.line),
    );
  if (Object.keys(errors).length) return { errors };
  // A template left as the suggested text stays "not customised", so it follows future improvements.
  const template = (text: string, l: Locale) =>
    text.trim() === DEFAULT_DECLINE_TEMPLATES[l].trim() ? "" : text.trim().slice(0, 4000);
  return {
    settings: {
      criteria,
      declineEmail: v.declineEmail === "auto" ? "auto" : "manual",
      declineTemplate: { fr: template(v.templateFr, "fr"), en: template(v.templateEn, "en") },
      partners: partners.partners.slice(0, 50),
    },
  };
}

export function settingsRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/leads/settings", async (c) => {
    const owner = c.get("owner")!;
    const settings = await getLeadSettings(c.get("deps").database, owner.id);
    return c.html(
      settingsPage({
        owner,
        csrfToken: c.get("csrfToken"),
        values: formOf(settings, owner.locale),
        errors: {},
        saved: c.req.query("saved") === "1",
      }),
    );
  });

  app.post("/leads/settings", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const values = Object.fromEntries(
      Object.keys(formOf(await getLeadSettings(deps.database, owner.id), owner.locale)).map((k) => [
        k,
        formString(form, k),
      ]),
    ) as SettingsFormValues;
    const result = settingsOf(values, owner.locale, todayIn(deps.clock.now(), owner.timeZone));
    if ("errors" in result)
      return c.html(
        settingsPage({ owner, csrfToken: c.get("csrfToken"), values, errors: result.errors, saved: false }),
        422,
      );
    await saveLeadSettings(deps.database, owner.id, result.settings, deps.clock.now());
    return c.redirect("/dashboard/leads/settings?saved=1", 303);
  });

  return app;
}
