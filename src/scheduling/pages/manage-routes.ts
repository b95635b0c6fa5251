// The prospect's manage page /bookings/{token} (the token from manageUrl): details, .ics, cancel, reschedule.
// Mounted by page-routes.ts; the use cases do the work, these handlers only read forms and pick pages.
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { AppError } from "../../platform/http/problems.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import type { Locale } from "../../platform/i18n.ts";
import { timeZoneChoices } from "../../platform/time-zones.ts";
import { loadAvailability } from "../availability.ts";
import { manageToken } from "../booking-links.ts";
import { bookingInvite, notifyBookingCancelled, notifyBookingRescheduled } from "../booking-notifications.ts";
import { busyLoaderFor } from "../busy.ts";
import {
  type BookingContext,
  bookingFromManageToken,
  canChange,
  cancelBooking,
  rescheduleBooking,
} from "../manage-booking.ts";
import { pageMessages } from "../page-messages.ts";
import { limitPublicPosts } from "../public-throttle.ts";
import { summaryOf } from "./booking-summary.ts";
import { managePage, reschedulePage } from "./manage-page.ts";
import { messagePage } from "./slots-page.ts";
import { otherLanguageLink, useLocale } from "./visitor-locale.ts";
import { isValidZone, weekSlots } from "./week-slots.ts";

type Resolved = { ctx: BookingContext; locale: Locale; base: string } | { response: Response };

const asLocale = (v: string): Locale => (v === "en" ? "en" : "fr");

/** A tampered, expired or unknown token is a 404 in the visitor's language, never a hint. */
async function resolve(c: AppContext, lang: string | undefined): Promise<Resolved> {
  const token = c.req.param("token") ?? "";
  try {
    const ctx = await bookingFromManageToken(c.get("deps"), token);
    return { ctx, locale: useLocale(c, lang, asLocale(ctx.booking.locale)), base: `/bookings/${token}` };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "not_found") throw error;
    const locale = useLocale(c, lang);
    const t = pageMessages(locale);
    return {
      response: await c.html(
        messagePage({ locale, title: t("linkInvalidTitle"), text: t("manageInvalidText") }),
        404,
      ),
    };
  }
}

function renderManage(
  c: AppContext,
  r: { ctx: BookingContext; locale: Locale; base: string },
  extra: { fresh?: boolean; done?: "cancelled" | "rescheduled"; error?: string },
) {
  const { ctx, locale, base } = r;
  const now = c.get("deps").clock.now();
  const { eventType, owner } = ctx;
  return managePage({
    locale,
    csrfToken: c.get("csrfToken"),
    basePath: base,
    langSwitch: otherLanguageLink(base, {}, locale),
    booking: summaryOf(ctx, locale),
    fresh: extra.fresh ?? false,
    done: extra.done,
    error: extra.error,
    canChange: canChange(ctx, now),
    past: now >= ctx.booking.startMs,
    rebookUrl: eventType.active ? `/${owner.handle}/${eventType.slug}?lang=${locale}` : undefined,
  });
}

async function renderReschedule(
  c: AppContext,
  r: { ctx: BookingContext; locale: Locale; base: string },
  v: { zone?: string; week?: string; error?: string },
) {
  const { ctx, locale, base } = r;
  const deps = c.get("deps");
  const t = pageMessages(locale);
  const timeZone = isValidZone(v.zone) ? v.zone : ctx.booking.timeZone;
  // The booking being moved must not hide the times around itself.
  const load = async (fromMs: number, toMs: number) => {
    const availability = await loadAvailability(
      deps,
      ctx.owner.id,
      ctx.eventType,
      fromMs,
      toMs,
      busyLoaderFor(deps),
    );
    const others = availability.bookings.filter(
      (b) => !(b.startMs === ctx.booking.startMs && b.endMs === ctx.booking.endMs),
    );
    return { ...availability, bookings: others };
  };
  const week = await weekSlots(load, ctx.eventType, { timeZone, week: v.week, nowMs: deps.clock.now() });
  // Its present time is not a choice: moving there would only send a pointless email.
  const days = week.days
    .map((day) => ({ ...day, slots: day.slots.filter((s) => s.startMs !== ctx.booking.startMs) }))
    .filter((day) => day.slots.length > 0);
  const slots = { week: week.week, days };
  const hidden = { lang: locale };
  return reschedulePage({
    locale,
    basePath: base,
    langSwitch: otherLanguageLink(`${base}/reschedule`, { timeZone }, locale),
    booking: summaryOf(ctx, locale),
    picker: {
      locale,
      csrfToken: c.get("csrfToken"),
      timeZone,
      timeZones: timeZoneChoices(),
      zoneGuessed: false,
      ...slots,
      nav: { action: `${base}/reschedule`, method: "get", hidden },
      book: { action: `${base}/reschedule`, hidden, label: t("moveHere") },
      error: v.error,
    },
  });
}

export function manageRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:token", async (c) => {
    const r = await resolve(c, c.req.query("lang"));
    if ("response" in r) return r.response;
    const done = c.req.query("done");
    return c.html(
      renderManage(c, r, {
        fresh: c.req.query("new") === "1",
        done: done === "cancelled" || done === "rescheduled" ? done : undefined,
      }),
    );
  });

  app.get("/:token/invite.ics", async (c) => {
    const r = await resolve(c, c.req.query("lang"));
    if ("response" in r) return r.response;
    // Only a confirmed booking has an invitation: an .ics of a time the owner has not agreed to would go into
    // the prospect's calendar as booked (see createdMails).
    if (r.ctx.booking.status === "pending") {
      const t = pageMessages(r.locale);
      const page = messagePage({
        locale: r.locale,
        title: t("invitePendingTitle"),
        text: t("invitePendingText", { owner: r.ctx.owner.name }),
        action: { href: `${r.base}?lang=${r.locale}`, label: t("backToBooking") },
      });
      return c.html(page, 409);
    }
    const invite = bookingInvite(
      c.get("deps"),
      r.ctx,
      r.ctx.booking.status === "cancelled" ? "CANCEL" : "REQUEST",
    );
    return c.body(invite.content, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="invite.ics"',
      "Cache-Control": "no-store",
    });
  });

  app.post("/:token/cancel", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const r = await resolve(c, formString(form, "lang"));
    if ("response" in r) return r.response;
    const reason = formString(form, "reason").slice(0, 2000) || null;
    try {
      const { cancelled } = await cancelBooking(deps, r.ctx, "prospect", reason);
      if (cancelled) await notifyBookingCancelled(deps, r.ctx, "prospect", reason);
    } catch (error) {
      if (error instanceof AppError && error.code === "too_late") {
        return c.html(renderManage(c, r, { error: pageMessages(r.locale)("tooLate") }), 409);
      }
      throw error;
    }
    return c.redirect(`${r.base}?done=cancelled&lang=${r.locale}`, 303);
  });

  app.get("/:token/reschedule", async (c) => {
    const r = await resolve(c, c.req.query("lang"));
    if ("response" in r) return r.response;
    if (!canChange(r.ctx, c.get("deps").clock.now())) return c.redirect(`${r.base}?lang=${r.locale}`, 303);
    return c.html(await renderReschedule(c, r, { zone: c.req.query("timeZone"), week: c.req.query("week") }));
  });

  app.post("/:token/reschedule", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const r = await resolve(c, formString(form, "lang"));
    if ("response" in r) return r.response;
    const t = pageMessages(r.locale);
    const start = formString(form, "start");
    const zone = formString(form, "timeZone");
    const week = /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : undefined;
    if (!start) return c.html(await renderReschedule(c, r, { zone, error: t("pickTimeError") }), 422);
    try {
      const moved = await rescheduleBooking(deps, r.ctx, start, busyLoaderFor(deps));
      await notifyBookingRescheduled(deps, { ...r.ctx, booking: moved.booking }, moved.previousStartMs);
      const token = manageToken(deps.config, moved.booking.id, moved.booking.endMs);
      return c.redirect(`/bookings/${token}?done=rescheduled&lang=${r.locale}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "slot_unavailable")
        return c.html(await renderReschedule(c, r, { zone, week, error: t("slotTakenMove") }), 409);
      if (error.code === "too_late") return c.html(renderManage(c, r, { error: t("tooLate") }), 409);
      throw error;
    }
  });

  return app;
}
