// Dashboard pages for clients, missions and their activity reports. Each form posts to a use case
// shared with the API; a refusal re-renders the page with the errors on their fields.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import { parseEurosToCents } from "../invoicing/money-input.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError, PROBLEMS } from "../platform/http/problems.ts";
import { readForm } from "../platform/http/request-body.ts";
import { approveAsOwner, saveActivityReport, submitReport } from "./activity-reports.ts";
import { clientsDashboardRoutes } from "./client-dashboard-routes.ts";
import { getClient, listClients } from "./client-store.ts";
import { daysFromForm } from "./days-grid.ts";
import { missionPageData } from "./mission-page-data.ts";
import { getMission, listMissions, type MissionWithClient } from "./mission-store.ts";
import { createMission, patchMission, recordExternalInvoice } from "./missions.ts";
import type { FormValues } from "./pages/client-form.ts";
import { errorsByPath } from "./pages/labels.ts";
import { missionMessages } from "./pages/mission-messages.ts";
import { missionPage } from "./pages/mission-page.ts";
import { missionsPage } from "./pages/missions-page.ts";
import { dateInZone } from "./plain-date.ts";

type Status = 409 | 422;

function flat(form: Record<string, string | string[]>): FormValues {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? ""]));
}

/** A refusal the page can show; anything else is a real error and goes up. */
function refusal(error: unknown): AppError {
  if (error instanceof AppError && PROBLEMS[error.code].status < 500 && error.code !== "not_found")
    return error;
  throw error;
}

function statusOf(error: AppError): Status {
  return PROBLEMS[error.code].status === 422 ? 422 : 409;
}

function missionBody(form: FormValues, t: ReturnType<typeof missionMessages>): Record<string, unknown> {
  const cents = parseEurosToCents(form.dailyRate ?? "");
  if (cents === undefined)
    throw new AppError("validation", { errors: [{ path: "dailyRate", message: t("invalidAmount") }] });
  const body: Record<string, unknown> = {
    clientId: form.clientId,
    title: form.title,
    dailyRateCents: cents,
    startDate: form.startDate,
    plannedEndDate: form.plannedEndDate,
    source: form.source,
    billingMode: form.billingMode,
    paymentTermsDays: form.paymentTermsDays ? Number(form.paymentTermsDays) : undefined,
    ratingUrl: form.ratingUrl,
  };
  if (form.status) body.status = form.status;
  if ("endDate" in form) body.endDate = form.endDate || null;
  return body;
}

function missionErrors(error: AppError): Record<string, string> {
  const errors = errorsByPath(error.errors);
  if (errors.dailyRateCents) errors.dailyRate = errors.dailyRateCents;
  return errors;
}

async function ownedMission(c: AppContext): Promise<MissionWithClient> {
  const mission = await getMission(c.get("deps").database, c.get("owner")!.id, c.req.param("id")!);
  if (!mission) throw new AppError("not_found", { detail: "No such mission." });
  return mission;
}

export function missionsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/missions/*", requireSession());
  app.use("/missions", requireSession());
  app.route("/", clientsDashboardRoutes());

  const renderMissions = async (
    c: AppContext,
    values: FormValues,
    errors: Record<string, string>,
    status: 200 | Status = 200,
  ) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const [missions, clients] = await Promise.all([
      listMissions(deps.database, owner.id),
      listClients(deps.database, owner.id),
    ]);
    return c.html(
      missionsPage({
        owner,
        csrfToken: c.get("csrfToken"),
        missions,
        clients: clients.map((x) => ({ id: x.id, name: x.name })),
        values,
        errors,
      }),
      status,
    );
  };

  app.get("/missions", (c) => {
    const today = dateInZone(c.get("deps").clock.now(), c.get("owner")!.timeZone);
    return renderMissions(
      c,
      { startDate: today, billingMode: "monthly", source: "direct", paymentTermsDays: "30" },
      {},
    );
  });

  app.post("/missions", async (c) => {
    const form = flat(await readForm(c));
    const owner = c.get("owner")!;
    try {
      const mission = await createMission(
        c.get("deps"),
        owner,
        missionBody(form, missionMessages(owner.locale)),
      );
      return c.redirect(`/dashboard/missions/${mission.id}`, 303);
    } catch (error) {
      const e = refusal(error);
      return renderMissions(c, form, missionErrors(e), statusOf(e));
    }
  });

  const renderMission = async (
    c: AppContext,
    mission: MissionWithClient,
    options: Parameters<typeof missionPageData>[4] = {},
    status: 200 | Status = 200,
  ) => {
    const data = await missionPageData(c.get("deps"), c.get("owner")!, c.get("csrfToken"), mission, options);
    return c.html(missionPage(data), status);
  };

  app.get("/missions/:id", async (c) => {
    const mission = await ownedMission(c);
    const t = missionMessages(c.get("owner")!.locale);
    const done = c.req.query("done");
    const flash =
      done === "sent"
        ? t("sent", { email: c.req.query("to") ?? "" })
        : done === "saved"
          ? t("saved")
          : done === "approved"
            ? t("approvedDone")
            : done === "mission"
              ? t("missionSaved")
              : undefined;
    return renderMission(c, mission, { month: c.req.query("month"), flash });
  });

  app.post("/missions/:id", async (c) => {
    const mission = await ownedMission(c);
    const owner = c.get("owner")!;
    const form = flat(await readForm(c));
    try {
      await patchMission(c.get("deps"), owner, mission, missionBody(form, missionMessages(owner.locale)));
      return c.redirect(`/dashboard/missions/${mission.id}?done=mission`, 303);
    } catch (error) {
      const e = refusal(error);
      return renderMission(c, mission, { missionValues: form, missionErrors: missionErrors(e) }, statusOf(e));
    }
  });

  app.post("/missions/:id/reports/:month", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const mission = await ownedMission(c);
    const month = c.req.param("month");
    const form = await readForm(c);
    const days = daysFromForm(form);
    try {
      await saveActivityReport(deps, owner, mission, { month, days });
      if (flat(form).after === "submit") {
        await submitReport(deps, owner, mission, month);
        const client = await getClient(deps.database, owner.id, mission.clientId);
        const to = encodeURIComponent(client?.billingEmail ?? "");
        return c.redirect(`/dashboard/missions/${mission.id}?month=${month}&done=sent&to=${to}`, 303);
      }
      return c.redirect(`/dashboard/missions/${mission.id}?month=${month}&done=saved`, 303);
    } catch (error) {
      const e = refusal(error);
      const detail = e.errors?.map((x) => `${x.path}: ${x.message}`).join(" · ") ?? e.detail ?? e.message;
      return renderMission(
        c,
        mission,
        { month, days: days.filter((d) => d.date.startsWith(month)), error: detail },
        statusOf(e),
      );
    }
  });

  app.post("/missions/:id/reports/:month/approve", async (c) => {
    const mission = await ownedMission(c);
    const month = c.req.param("month");
    try {
      await approveAsOwner(c.get("deps"), c.get("owner")!, mission, month);
      return c.redirect(`/dashboard/missions/${mission.id}?month=${month}&done=approved`, 303);
    } catch (error) {
      const e = refusal(error);
      return renderMission(
        c,
        mission,
        { month, error: e.errors?.[0]?.message ?? e.detail ?? e.message },
        statusOf(e),
      );
    }
  });

  app.post("/missions/:id/external-invoices", async (c) => {
    const mission = await ownedMission(c);
    const owner = c.get("owner")!;
    const form = flat(await readForm(c));
    try {
      const amountCents = parseEurosToCents(form.amount ?? "");
      if (amountCents === undefined)
        throw new AppError("validation", {
          errors: [{ path: "amount", message: missionMessages(owner.locale)("invalidAmount") }],
        });
      await recordExternalInvoice(c.get("deps"), owner.id, mission, {
        number: form.number,
        issueDate: form.issueDate,
        amountCents,
      });
      return c.redirect(`/dashboard/missions/${mission.id}#external-title`, 303);
    } catch (error) {
      const e = refusal(error);
      const errors = errorsByPath(e.errors);
      if (errors.amountCents) errors.amount = errors.amountCents;
      return renderMission(
        c,
        mission,
        { externalValues: form, externalErrors: errors, error: e.detail },
        statusOf(e),
      );
    }
  });

  return app;
}
