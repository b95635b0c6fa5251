// "Won": the prefilled client + mission form, and its submission through winLead.
import { Hono } from "hono";
import { listClients } from "../../missions/client-store.ts";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { AppError, type FieldError } from "../../platform/http/problems.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import type { Locale } from "../../platform/i18n.ts";
import { todayIn } from "../../scheduling/zoned-bounds.ts";
import { hasRealEmail } from "../capture.ts";
import { missionSourceOf } from "../channels.ts";
import { leadAnswers } from "../lead-answers.ts";
import { getLeadWithContact, type LeadWithContact } from "../lead-queries.ts";
import { parseMoneyCents } from "../loose-values.ts";
import { type WonFormValues, wonPage } from "../pages/won-page.ts";
import { winLead } from "../won.ts";
import { wonPrefill } from "../won-prefill.ts";

const FIELD_OF_PATH: Record<string, keyof WonFormValues> = {
  "client.name": "clientName",
  "client.billingEmail": "billingEmail",
  "client.address.line1": "line1",
  "client.address.postalCode": "postalCode",
  "client.address.city": "city",
  "client.address.country": "country",
  "client.siren": "siren",
  "mission.title": "title",
  "mission.dailyRateCents": "dailyRate",
  "mission.startDate": "startDate",
  "mission.plannedEndDate": "plannedEndDate",
  "mission.billingMode": "billingMode",
  "mission.paymentTermsDays": "paymentTermsDays",
  clientId: "clientId",
};

const LABELS: Record<Locale, Record<keyof WonFormValues, string>> = {
  fr: {
    clientId: "Client",
    clientName: "Raison sociale",
    billingEmail: "E-mail de facturation",
    line1: "Adresse",
    postalCode: "Code postal",
    city: "Ville",
    country: "Pays",
    siren: "SIREN",
    title: "Intitulé",
    dailyRate: "TJM",
    startDate: "Début",
    plannedEndDate: "Fin prévue",
    billingMode: "Facturation",
    paymentTermsDays: "Délai de paiement",
  },
  en: {
    clientId: "Client",
    clientName: "Company name",
    billingEmail: "Billing email",
    line1: "Address",
    postalCode: "Postal code",
    city: "City",
    country: "Country",
    siren: "SIREN",
    title: "Title",
    dailyRate: "Daily rate",
    startDate: "Start",
    plannedEndDate: "Planned end",
    billingMode: "Billing",
    paymentTermsDays: "Payment terms",
  },
};

// The missions feature words its validation in English; the usual ones are said in French here.
const FRENCH: Record<string, string> = {
  "is required": "est obligatoire",
  "is not a valid email address": "n'est pas une adresse e-mail valide",
  "cannot be before the start date": "ne peut pas précéder le début",
  "must be more than 0": "doit être supérieur à 0",
  "is not a valid YYYY-MM-DD date": "n'est pas une date valide",
  "is not one of your clients": "n'est pas l'un de vos clients",
};

function errorTexts(errors: FieldError[], locale: Locale): string[] {
  return errors.map((e) => {
    const field = FIELD_OF_PATH[e.path];
    const label = field ? LABELS[locale][field] : e.path;
    const message = locale === "fr" ? (FRENCH[e.message] ?? "n'est pas valide") : e.message;
    return `${label}${locale === "fr" ? "\u00a0: " : ": "}${message}`;
  });
}

async function prefilledValues(c: AppContext, lead: LeadWithContact): Promise<WonFormValues> {
  const deps = c.get("deps");
  const owner = c.get("owner")!;
  const answers = await leadAnswers(deps, lead);
  const p = wonPrefill({
    contact: lead.contact,
    roles: answers.roles,
    channel: lead.source,
    today: todayIn(deps.clock.now(), owner.timeZone),
    realEmail: hasRealEmail(lead.contact.email),
  });
  return {
    clientId: "",
    clientName: p.clientName,
    billingEmail: p.billingEmail,
    line1: "",
    postalCode: "",
    city: "",
    country: "FR",
    siren: "",
    title: p.title,
    dailyRate: p.dailyRateCents
      ? String(p.dailyRateCents / 100).replace(".", owner.locale === "fr" ? "," : ".")
      : "",
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate ?? "",
    billingMode: p.billingMode,
    paymentTermsDays: "30",
  };
}

/** The form's flat fields as winLead's body: { clientId } or { client }, and { mission }. */
export function winBody(v: WonFormValues, lead: LeadWithContact, source: string) {
  const dailyRateCents = parseMoneyCents(v.dailyRate);
  return {
    ...(v.clientId
      ? { clientId: v.clientId }
      : {
          client: {
            name: v.clientName,
            billingEmail: v.billingEmail,
            address: { line1: v.line1, postalCode: v.postalCode, city: v.city, country: v.country },
            siren: v.siren,
            locale: lead.contact.locale === "en" ? "en" : "fr",
            contacts: [
              {
                name: lead.contact.name,
                ...(hasRealEmail(lead.contact.email) ? { email: lead.contact.email } : {}),
              },
            ],
          },
        }),
    mission: {
      title: v.title,
      dailyRateCents: dailyRateCents ?? Number.NaN,
      startDate: v.startDate,
      plannedEndDate: v.plannedEndDate,
      source,
      billingMode: v.billingMode,
      paymentTermsDays: v.paymentTermsDays === "" ? undefined : Number(v.paymentTermsDays),
    },
  };
}

export function wonRoutes() {
  const app = new Hono<AppEnv>();

  const render = async (c: AppContext, lead: LeadWithContact, values: WonFormValues, errors: string[]) => {
    const clients = await listClients(c.get("deps").database, lead.ownerId);
    return wonPage({
      owner: c.get("owner")!,
      csrfToken: c.get("csrfToken"),
      leadId: lead.id,
      name: lead.contact.name,
      values,
      clients,
      errors,
    });
  };

  const owned = async (c: AppContext) => {
    const lead = await getLeadWithContact(
      c.get("deps").database,
      c.get("owner")!.id,
      c.req.param("id") ?? "",
    );
    if (!lead) throw new AppError("not_found");
    return lead;
  };

  app.get("/leads/:id/won", async (c) => {
    const lead = await owned(c);
    return c.html(await render(c, lead, await prefilledValues(c, lead), []));
  });

  app.post("/leads/:id/won", async (c) => {
    const form = await readForm(c);
    const lead = await owned(c);
    const prefill = await prefilledValues(c, lead);
    const values = Object.fromEntries(
      Object.keys(prefill).map((k) => [k, formString(form, k)]),
    ) as WonFormValues;
    try {
      await winLead(
        c.get("deps"),
        c.get("owner")!,
        lead.id,
        winBody(values, lead, missionSourceOf(lead.source)),
      );
    } catch (error) {
      if (error instanceof AppError && (error.code === "validation" || error.code === "conflict")) {
        const texts = error.errors
          ? errorTexts(error.errors, c.get("owner")!.locale)
          : [error.detail ?? error.message];
        return c.html(await render(c, lead, values, texts), error.code === "conflict" ? 409 : 422);
      }
      throw error;
    }
    return c.redirect(`/dashboard/leads/${lead.id}?done=won`, 303);
  });

  return app;
}
