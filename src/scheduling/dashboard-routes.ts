// Dashboard pages for booking links (list, editor) and bookings (list, approve, cancel).
// The editor saves through the owner API's own validation: eventTypeInputSchema, then normalizeEventType.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import { isUniqueViolation } from "../platform/db/database.ts";
import type { AppContext, AppEnv, CurrentOwner } from "../platform/http/context.ts";
import { AppError, fieldErrorsFromZod } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { timeZoneChoices } from "../platform/time-zones.ts";
import { notifyBookingApproved } from "./approval-notifications.ts";
import { notifyBookingCancelled } from "./booking-notifications.ts";
import { type BookingRow, getOwnedBooking, listBookings } from "./booking-store.ts";
import { defaultEventType, type EventTypeDefinition } from "./default-event-type.ts";
import { eventTypeInputSchema, normalizeEventType } from "./event-type-input.ts";
import {
  deleteEventType,
  getEventType,
  getEventTypeByIdAnyState,
  insertEventType,
  listEventTypes,
  updateEventType,
} from "./event-type-store.ts";
import { approveBooking, cancelBooking, loadBookingContext } from "./manage-booking.ts";
import { bookingsPage } from "./pages/bookings-page.ts";
import { dashboardMessages } from "./pages/dashboard-messages.ts";
import { eventTypeEditorPage } from "./pages/event-type-editor-page.ts";
import { type EventTypeFormValues, formValuesOf, readEventTypeForm } from "./pages/event-type-form.ts";
import { editorInput } from "./pages/event-type-form-input.ts";
import { eventTypesPage } from "./pages/event-types-page.ts";

const DAY_MS = 86_400_000;
const STATUSES: readonly BookingRow["status"][] = [
  "pending",
  "confirmed",
  "cancelled",
  "completed",
  "no_show",
];

function renderEditor(
  c: AppContext,
  values: EventTypeFormValues,
  extra: { id?: string; savedTitle?: string; errors?: Record<string, string>; generalErrors?: string[] } = {},
) {
  return eventTypeEditorPage({
    owner: c.get("owner")!,
    csrfToken: c.get("csrfToken"),
    baseUrl: c.get("deps").config.baseUrl,
    values,
    errors: extra.errors ?? {},
    generalErrors: extra.generalErrors ?? [],
    timeZones: timeZoneChoices(),
    id: extra.id,
    savedTitle: extra.savedTitle,
  });
}

type Validated =
  | { ok: true; definition: EventTypeDefinition; active: boolean }
  | { ok: false; errors: Record<string, string>; generalErrors: string[] };

/** The form through the API's validation; every error lands on its field, or in the list above the form. */
function validateEditor(owner: CurrentOwner, values: EventTypeFormValues): Validated {
  const t = dashboardMessages(owner.locale);
  const { input, localErrors, fieldFor } = editorInput(values);
  const errors: Record<string, string> = {};
  const generalErrors: string[] = [];
  const put = (path: string, message: string) => {
    const field = fieldFor(path);
    if (field) errors[field] ??= message;
    else generalErrors.push(`${path}: ${message}`);
  };
  const parsed = eventTypeInputSchema.safeParse(input);
  let result: ReturnType<typeof normalizeEventType> | undefined;
  if (!parsed.success) for (const e of fieldErrorsFromZod(parsed.error.issues)) put(e.path, e.message);
  else {
    result = normalizeEventType(parsed.data);
    if ("errors" in result) for (const e of result.errors) put(e.path, e.message);
  }
  for (const [field, code] of Object.entries(localErrors)) errors[field] = t(`err_${code}`);
  if (!result || "errors" in result || Object.keys(errors).length || generalErrors.length)
    return { ok: false, errors, generalErrors };
  return { ok: true, ...result };
}

export function schedulingDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", requireSession());

  app.get("/event-types", async (c) => {
    const owner = c.get("owner")!;
    const { config, database } = c.get("deps");
    const items = (await listEventTypes(database, owner.id)).map((e) => ({
      id: e.id,
      title: e.title,
      durationMinutes: e.durationMinutes,
      active: e.active,
      url: `${config.baseUrl}/${owner.handle}/${e.slug}`,
    }));
    const done = c.req.query("done");
    return c.html(
      eventTypesPage({
        owner,
        csrfToken: c.get("csrfToken"),
        items,
        done: done === "saved" || done === "deleted" ? done : undefined,
      }),
    );
  });

  app.get("/event-types/new", (c) => {
    const blank = { ...defaultEventType(c.get("owner")!.timeZone), slug: "", title: "", description: "" };
    return c.html(
      renderEditor(c, formValuesOf({ ...blank, translations: { en: { title: "", description: "" } } }, true)),
    );
  });

  app.post("/event-types", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const values = readEventTypeForm(await readForm(c));
    const checked = validateEditor(owner, values);
    if (!checked.ok) return c.html(renderEditor(c, values, checked), 422);
    try {
      await insertEventType(deps.database, {
        id: deps.newId(),
        ownerId: owner.id,
        definition: checked.definition,
        active: checked.active,
        now: deps.clock.now(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return c.html(
        renderEditor(c, values, { errors: { slug: dashboardMessages(owner.locale)("slugTaken") } }),
        409,
      );
    }
    return c.redirect("/dashboard/event-types?done=saved", 303);
  });

  app.get("/event-types/:id", async (c) => {
    const found = await getEventType(c.get("deps").database, c.get("owner")!.id, c.req.param("id"));
    if (!found) throw new AppError("not_found");
    return c.html(
      renderEditor(c, formValuesOf(found, found.active), { id: found.id, savedTitle: found.title }),
    );
  });

  app.post("/event-types/:id", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const existing = await getEventType(deps.database, owner.id, c.req.param("id"));
    if (!existing) throw new AppError("not_found");
    const values = readEventTypeForm(await readForm(c));
    const ids = { id: existing.id, savedTitle: existing.title };
    const checked = validateEditor(owner, values);
    if (!checked.ok) return c.html(renderEditor(c, values, { ...ids, ...checked }), 422);
    try {
      if (
        !(await updateEventType(
          deps.database,
          owner.id,
          existing.id,
          checked.definition,
          checked.active,
          deps.clock.now(),
        ))
      )
        throw new AppError("not_found");
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return c.html(
        renderEditor(c, values, { ...ids, errors: { slug: dashboardMessages(owner.locale)("slugTaken") } }),
        409,
      );
    }
    return c.redirect("/dashboard/event-types?done=saved", 303);
  });

  app.post("/event-types/:id/delete", async (c) => {
    const deps = c.get("deps");
    if (!(await deleteEventType(deps.database, c.get("owner")!.id, c.req.param("id"), deps.clock.now())))
      throw new AppError("not_found");
    return c.redirect("/dashboard/event-types?done=deleted", 303);
  });

  app.get("/bookings", async (c) => {
    const { database, clock } = c.get("deps");
    const owner = c.get("owner")!;
    const when = c.req.query("when") === "past" ? "past" : "upcoming";
    const wanted = c.req.query("status") ?? "";
    const status = STATUSES.find((s) => s === wanted);
    const now = clock.now();
    // Upcoming: soonest first, including calls under way; past: the last 180 days, most recent first.
    const rows =
      when === "upcoming"
        ? (
            await listBookings(database, owner.id, {
              fromMs: now - DAY_MS,
              status: status && [status],
              limit: 200,
            })
          ).filter((b) => b.endMs > now)
        : (
            await listBookings(database, owner.id, {
              fromMs: now - 180 * DAY_MS,
              toMs: now,
              status: status && [status],
              limit: 1000,
            })
          )
            .filter((b) => b.endMs <= now)
            .reverse()
            .slice(0, 200);
    const titles = new Map((await listEventTypes(database, owner.id)).map((e) => [e.id, e.title]));
    for (const id of new Set(rows.map((b) => b.eventTypeId).filter((id) => !titles.has(id)))) {
      titles.set(id, (await getEventTypeByIdAnyState(database, owner.id, id))?.title ?? "");
    }
    const items = rows.map((b) => ({ ...b, title: titles.get(b.eventTypeId) ?? "" }));
    const done = c.req.query("done");
    return c.html(
      bookingsPage({
        owner,
        csrfToken: c.get("csrfToken"),
        when,
        status: status ?? "",
        items,
        done: done === "approved" || done === "cancelled" ? done : undefined,
      }),
    );
  });

  const ownedContext = async (c: AppContext) => {
    const deps = c.get("deps");
    const booking = await getOwnedBooking(deps.database, c.get("owner")!.id, c.req.param("id") ?? "");
    if (!booking) throw new AppError("not_found");
    return loadBookingContext(deps, booking.id);
  };

  app.post("/bookings/:id/approve", async (c) => {
    const deps = c.get("deps");
    const ctx = await ownedContext(c);
    const { approved } = await approveBooking(deps, ctx);
    if (approved) await notifyBookingApproved(deps, ctx);
    return c.redirect("/dashboard/bookings?done=approved", 303);
  });

  app.post("/bookings/:id/cancel", async (c) => {
    const deps = c.get("deps");
    const ctx = await ownedContext(c);
    const reason = formString(await readForm(c), "reason").slice(0, 2000) || null;
    const { cancelled } = await cancelBooking(deps, ctx, "owner", reason);
    if (cancelled) await notifyBookingCancelled(deps, ctx, "owner", reason);
    return c.redirect("/dashboard/bookings?done=cancelled", 303);
  });

  return app;
}
