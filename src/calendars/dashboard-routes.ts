// Dashboard pages for calendars: list and add, one connection, Google's OAuth round trip, today's calls.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import { findOwnerById } from "../accounts/store.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { listBookings } from "../scheduling/booking-store.ts";
import { dayBounds } from "../scheduling/zoned-bounds.ts";
import { syncInBackground } from "./background-sync.ts";
import { feedUrl } from "./bookings-feed-route.ts";
import { countBusy } from "./busy-store.ts";
import { calendarSettingsPatchSchema } from "./calendar-settings.ts";
import { loadCalendarSettings, saveCalendarSettings } from "./calendar-settings-store.ts";
import { callPreparations } from "./call-preparation.ts";
import { createConnectionSchema } from "./connection-input.ts";
import { deleteConnection, getConnection, listConnections } from "./connection-store.ts";
import { type ConnectionRow, settingsOf } from "./connection-types.ts";
import { connectionJson } from "./connection-view.ts";
import { createConnection } from "./create-connection.ts";
import { googleCallback, googleStart } from "./google-connect-routes.ts";
import { calendarMessages } from "./messages.ts";
import { calendarsPage } from "./pages/calendars-page.ts";
import { connectionPage } from "./pages/connection-page.ts";
import { todayPage } from "./pages/today-page.ts";
import { googleConfigured } from "./providers/google-oauth.ts";
import { updateCalendarConnection } from "./update-connection.ts";

type Message = { kind: "ok" | "error"; text: string };

const NOTICES = {
  created: "created",
  saved: "saved",
  deleted: "deleted",
  synced: "syncStarted",
  denied: "googleDenied",
} as const;

function noticeFrom(c: AppContext): Message | undefined {
  const key = c.req.query("done") as keyof typeof NOTICES | undefined;
  if (!key || !(key in NOTICES)) return undefined;
  return { kind: key === "denied" ? "error" : "ok", text: calendarMessages(c.get("locale"))(NOTICES[key]) };
}

async function renderList(
  c: AppContext,
  extra: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const deps = c.get("deps");
  const owner = c.get("owner")!;
  const rows = await listConnections(deps.database, owner.id);
  const settings = await loadCalendarSettings(deps.database, owner.id);
  return calendarsPage({
    owner,
    csrfToken: c.get("csrfToken"),
    connections: await Promise.all(
      rows.map(async (r) => connectionJson(r, await countBusy(deps.database, r.id))),
    ),
    googleAvailable: googleConfigured(deps.config),
    preferences: settings,
    feedUrl: settings.feedEnabled ? feedUrl(deps.config, owner.id, settings.feedVersion) : null,
    message: noticeFrom(c),
    ...extra,
  });
}

async function owned(c: AppContext): Promise<ConnectionRow> {
  const row = await getConnection(c.get("deps").database, c.get("owner")!.id, c.req.param("id") ?? "");
  if (!row) throw new AppError("not_found", { detail: "No calendar connection with this id." });
  return row;
}

async function renderOne(c: AppContext, row: ConnectionRow, error?: string) {
  const deps = c.get("deps");
  return connectionPage({
    owner: c.get("owner")!,
    csrfToken: c.get("csrfToken"),
    connection: connectionJson(row, await countBusy(deps.database, row.id)),
    message: noticeFrom(c),
    ...(error ? { error } : {}),
  });
}

function fieldErrors(error: unknown, prefix: string): Record<string, string> | null {
  if (!(error instanceof AppError) || !error.errors) return null;
  return Object.fromEntries(error.errors.map((e) => [e.path === "url" ? `${prefix}Url` : e.path, e.message]));
}

export function calendarsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/calendars/*", requireSession());
  app.use("/calendars", requireSession());
  app.use("/today", requireSession());

  app.get("/calendars", async (c) => c.html(await renderList(c)));

  for (const type of ["ics", "caldav"] as const) {
    app.post(`/calendars/${type}`, async (c) => {
      const form = await readForm(c);
      const input = {
        type,
        url: formString(form, "url"),
        ...(type === "caldav"
          ? {
              username: formString(form, "username"),
              password: typeof form.password === "string" ? form.password : "",
            }
          : {}),
        ...(formString(form, "name") ? { name: formString(form, "name") } : {}),
      };
      const values = {
        [`${type}Url`]: input.url,
        username: formString(form, "username"),
        name: formString(form, "name"),
      };
      try {
        const parsed = createConnectionSchema.safeParse(input);
        if (!parsed.success) {
          const errors = Object.fromEntries(
            parsed.error.issues.map((i) => [
              i.path[0] === "url" ? `${type}Url` : String(i.path[0]),
              i.message,
            ]),
          );
          return c.html(await renderList(c, { errors, values }), 422);
        }
        const row = await createConnection(c.get("deps"), c.get("owner")!.id, parsed.data);
        syncInBackground(c, row.id, true);
        return c.redirect(`/dashboard/calendars/${row.id}?done=created`, 303);
      } catch (error) {
        const errors = fieldErrors(error, type);
        if (!errors) throw error;
        return c.html(await renderList(c, { errors, values }), 422);
      }
    });
  }

  app.post("/calendars/preferences", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const patch = calendarSettingsPatchSchema.safeParse({
      reminderMinutes: Number(formString(form, "reminderMinutes")),
      allDayEvents: formString(form, "allDayEvents"),
    });
    if (!patch.success) throw new AppError("validation", { detail: "Choose one of the offered values." });
    const settings = { ...(await loadCalendarSettings(deps.database, owner.id)), ...patch.data };
    await saveCalendarSettings(deps.database, owner.id, settings, deps.clock.now());
    return c.redirect("/dashboard/calendars?done=saved", 303);
  });

  app.post("/calendars/feed", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const action = formString(await readForm(c), "action");
    const settings = await loadCalendarSettings(deps.database, owner.id);
    const next =
      action === "disable"
        ? { ...settings, feedEnabled: false }
        : {
            ...settings,
            feedEnabled: true,
            feedVersion:
              action === "enable" && settings.feedVersion > 0
                ? settings.feedVersion
                : settings.feedVersion + 1,
          };
    await saveCalendarSettings(deps.database, owner.id, next, deps.clock.now());
    return c.redirect("/dashboard/calendars?done=saved", 303);
  });

  app.post("/calendars/google/start", googleStart);
  app.get("/calendars/google/callback", googleCallback);

  app.get("/calendars/:id", async (c) => c.html(await renderOne(c, await owned(c))));

  app.post("/calendars/:id", async (c) => {
    const row = await owned(c);
    const form = await readForm(c);
    const busy = new Set(Array.isArray(form.busy) ? form.busy : form.busy ? [form.busy] : []);
    const target = formString(form, "bookingCalendarId");
    const interval = Number(formString(form, "syncIntervalMinutes"));
    await updateCalendarConnection(c.get("deps"), row.ownerId, row, {
      calendars: settingsOf(row).calendars.map((cal) => ({ id: cal.id, busy: busy.has(cal.id) })),
      ...(row.type === "ics" ? {} : { bookingCalendarId: target || null }),
      ...(formString(form, "name") ? { name: formString(form, "name").slice(0, 100) } : {}),
      ...(Number.isInteger(interval) && interval >= 1 && interval <= 1440
        ? { syncIntervalMinutes: interval }
        : {}),
    });
    // A calendar just ticked is read now rather than at the next scheduled sync.
    syncInBackground(c, row.id);
    return c.redirect(`/dashboard/calendars/${row.id}?done=saved`, 303);
  });

  app.post("/calendars/:id/credentials", async (c) => {
    const row = await owned(c);
    const form = await readForm(c);
    const input =
      row.type === "ics"
        ? { url: formString(form, "url") }
        : { password: typeof form.password === "string" ? form.password : "" };
    try {
      await updateCalendarConnection(c.get("deps"), row.ownerId, row, input);
    } catch (error) {
      if (!(error instanceof AppError) || !error.errors) throw error;
      return c.html(await renderOne(c, row, error.errors[0]?.message), 422);
    }
    syncInBackground(c, row.id, true);
    return c.redirect(`/dashboard/calendars/${row.id}?done=synced`, 303);
  });

  app.post("/calendars/:id/sync", async (c) => {
    const row = await owned(c);
    syncInBackground(c, row.id);
    return c.redirect(`/dashboard/calendars/${row.id}?done=synced`, 303);
  });

  app.post("/calendars/:id/delete", async (c) => {
    const row = await owned(c);
    await deleteConnection(c.get("deps"), row.ownerId, row.id);
    return c.redirect("/dashboard/calendars?done=deleted", 303);
  });

  app.get("/today", async (c) => {
    const deps = c.get("deps");
    const current = c.get("owner")!;
    const owner = (await findOwnerById(deps.database, current.id))!;
    const now = deps.clock.now();
    const day = dayBounds(now, owner.timeZone);
    const bookings = await listBookings(deps.database, owner.id, {
      fromMs: day.startMs,
      toMs: day.endMs,
      status: ["pending", "confirmed"],
      limit: 100,
    });
    const calls = await callPreparations(deps, owner, bookings, current.locale);
    return c.html(todayPage({ owner: current, csrfToken: c.get("csrfToken"), dayMs: now, calls }));
  });

  return app;
}
