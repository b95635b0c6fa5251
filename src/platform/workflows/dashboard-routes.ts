// /dashboard/automations: the runs (filter, retry a failed one, cancel a waiting one) and the settings
// (each workflow on or off, its delays). Plain forms; every POST carries the session's CSRF token.
import { Hono } from "hono";
import { WORKFLOWS } from "../../../workflows/index.ts";
import { requireSession } from "../../accounts/sessions.ts";
import { loadCalendarSettings, saveCalendarSettings } from "../../calendars/calendar-settings-store.ts";
import type { AppContext, AppEnv } from "../http/context.ts";
import { AppError } from "../http/problems.ts";
import { readForm } from "../http/request-body.ts";
import { automationMessages } from "./pages/automation-messages.ts";
import { type AutomationSettingsData, automationSettingsPage } from "./pages/automation-settings-page.ts";
import { automationsPage, RUN_STATUSES, type RunStatus } from "./pages/automations-page.ts";
import { nextStep } from "./pages/next-step.ts";
import { cancelRun, retryRun } from "./run-actions.ts";
import { runSubjects } from "./run-subjects.ts";
import { readSettingsForm, switchedOn } from "./settings-form.ts";
import { loadWorkflowSettings, saveWorkflowSettings } from "./settings-store.ts";
import { listRuns } from "./store.ts";

const PAGE_SIZE = 100;
const NOTICES = ["retried", "cancelled", "conflict"] as const;

function workflowList(c: AppContext) {
  const locale = c.get("owner")!.locale;
  return WORKFLOWS.all().map((w) => ({ name: w.name, title: w.title[locale] }));
}

async function renderRuns(c: AppContext) {
  const owner = c.get("owner")!;
  const deps = c.get("deps");
  const t = automationMessages(owner.locale);
  const status = RUN_STATUSES.find((s) => s === c.req.query("status"));
  const workflow = WORKFLOWS.get(c.req.query("workflow") ?? "")?.name;
  const rows = await listRuns(deps.database, owner.id, { status, workflow, limit: PAGE_SIZE });
  const subjects = await runSubjects(deps.database, owner, rows, t);
  const notice = NOTICES.find((n) => n === c.req.query("done"));
  return automationsPage({
    owner,
    csrfToken: c.get("csrfToken"),
    filters: { status: status ?? "", workflow: workflow ?? "" },
    workflows: workflowList(c),
    items: rows.map((r) => ({
      id: r.id,
      title: WORKFLOWS.get(r.workflow)?.title[owner.locale] ?? r.workflow,
      status: r.status as RunStatus,
      about: subjects.get(r.id) ?? { label: r.key, href: null },
      next: nextStep(r, t, owner.locale, owner.timeZone),
      lastError: r.lastError,
      attempts: r.attempts,
    })),
    ...(notice ? { notice } : {}),
  });
}

async function settingsData(c: AppContext): Promise<AutomationSettingsData> {
  const owner = c.get("owner")!;
  const deps = c.get("deps");
  const [settings, calendar] = await Promise.all([
    loadWorkflowSettings(deps.database, owner.id),
    loadCalendarSettings(deps.database, owner.id),
  ]);
  const { disabled, ...delays } = settings;
  const workflows = workflowList(c);
  return {
    owner,
    csrfToken: c.get("csrfToken"),
    workflows,
    enabled: workflows.map((w) => w.name).filter((n) => !disabled.includes(n)),
    values: {
      ...Object.fromEntries(Object.entries(delays).map(([k, v]) => [k, String(v)])),
      reminderMinutes: String(calendar.reminderMinutes),
    },
    errors: {},
  };
}

export function workflowDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/automations", requireSession());
  app.use("/automations/*", requireSession());

  app.get("/automations", async (c) => c.html(await renderRuns(c)));

  for (const action of ["retry", "cancel"] as const) {
    app.post(`/automations/runs/:id/${action}`, async (c) => {
      const deps = c.get("deps");
      const act = action === "retry" ? retryRun : cancelRun;
      try {
        await act(deps, c.get("owner")!.id, c.req.param("id"));
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict")
          return c.redirect("/dashboard/automations?done=conflict", 303);
        throw error;
      }
      return c.redirect(`/dashboard/automations?done=${action === "retry" ? "retried" : "cancelled"}`, 303);
    });
  }

  app.get("/automations/settings", async (c) =>
    c.html(automationSettingsPage({ ...(await settingsData(c)), saved: c.req.query("saved") === "1" })),
  );

  app.post("/automations/settings", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const names = WORKFLOWS.names();
    const read = readSettingsForm(form, names);
    if (!read.ok) {
      const data = await settingsData(c);
      const typed = Object.fromEntries(
        Object.keys(data.values).map((k) => [
          k,
          typeof form[k] === "string" ? form[k] : (data.values[k] ?? ""),
        ]),
      );
      const page = {
        ...data,
        values: typed,
        enabled: names.filter((n) => switchedOn(form, n)),
        errors: read.errors,
      };
      return c.html(automationSettingsPage(page), 422);
    }
    const now = deps.clock.now();
    await saveWorkflowSettings(deps.database, owner.id, { ...read.delays, disabled: read.disabled }, now);
    const calendar = await loadCalendarSettings(deps.database, owner.id);
    if (calendar.reminderMinutes !== read.reminderMinutes)
      await saveCalendarSettings(
        deps.database,
        owner.id,
        { ...calendar, reminderMinutes: read.reminderMinutes },
        now,
      );
    return c.redirect("/dashboard/automations/settings?saved=1", 303);
  });

  return app;
}
