// The public booking API (no authentication), exactly as API.md describes it.
import { Hono } from "hono";
import * as z from "zod";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, readOptionalJson } from "../platform/http/request-body.ts";
import { loadAvailability } from "./availability.ts";
import { manageUrl } from "./booking-links.ts";
import {
  notifyBookingCancelled,
  notifyBookingCreated,
  notifyBookingRescheduled,
} from "./booking-notifications.ts";
import { cancelSchema, rescheduleSchema } from "./booking-request.ts";
import type { BookingRow } from "./booking-store.ts";
import { busyLoaderFor } from "./busy.ts";
import { createBooking } from "./create-booking.ts";
import { findLink } from "./event-type-store.ts";
import { eventTitle, publicEventTypeJson } from "./event-type-view.ts";
import { bookingFromManageToken, canChange, cancelBooking, rescheduleBooking } from "./manage-booking.ts";
import { limitPublicPosts } from "./public-throttle.ts";
import { computeSlotsUntil } from "./slots.ts";
import { cachedSlots, rememberSlots, slotsCacheKey } from "./slots-cache.ts";
import { parseSlotsQuery, rangeInstants } from "./slots-request.ts";
import { isoInZone } from "./zoned-bounds.ts";

export async function findPublicEventType(c: AppContext, handle: string, slug: string) {
  const link = await findLink(c.get("deps").database, handle, slug);
  if (!link?.eventType.active) throw new AppError("not_found", { detail: "No booking link here." });
  return link;
}

export function bookingJson(c: AppContext, b: BookingRow) {
  return {
    id: b.id,
    status: b.status,
    start: isoInZone(b.startMs, b.timeZone),
    end: isoInZone(b.endMs, b.timeZone),
    manageUrl: manageUrl(c.get("deps").config, b.id, b.endMs),
  };
}

export function publicApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/bookings/:token", async (c) => {
    const deps = c.get("deps");
    const ctx = await bookingFromManageToken(deps, c.req.param("token"));
    const changeable = canChange(ctx, deps.clock.now());
    return c.json({
      id: ctx.booking.id,
      status: ctx.booking.status,
      start: isoInZone(ctx.booking.startMs, ctx.booking.timeZone),
      end: isoInZone(ctx.booking.endMs, ctx.booking.timeZone),
      title: eventTitle(ctx.eventType, ctx.booking.locale === "en" ? "en" : "fr").title,
      canCancel: changeable,
      canReschedule: changeable,
    });
  });

  api.post("/bookings/:token/cancel", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const ctx = await bookingFromManageToken(deps, c.req.param("token"));
    const { reason } = await readOptionalJson(c, cancelSchema);
    const result = await cancelBooking(deps, ctx, "prospect", reason ?? null);
    if (result.cancelled) await notifyBookingCancelled(deps, ctx, "prospect", reason ?? null);
    return c.json({ status: "cancelled" });
  });

  api.post("/bookings/:token/reschedule", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const ctx = await bookingFromManageToken(deps, c.req.param("token"));
    const { start } = await readJson(c, rescheduleSchema);
    const moved = await rescheduleBooking(deps, ctx, start, busyLoaderFor(deps));
    await notifyBookingRescheduled(deps, { ...ctx, booking: moved.booking }, moved.previousStartMs);
    return c.json({ booking: bookingJson(c, moved.booking) });
  });

  api.get("/:handle/:slug", async (c) => {
    const { eventType } = await findPublicEventType(c, c.req.param("handle"), c.req.param("slug"));
    return c.json(publicEventTypeJson(eventType, c.get("locale")));
  });

  api.get("/:handle/:slug/slots", async (c) => {
    const deps = c.get("deps");
    const query = parseSlotsQuery({
      from: c.req.query("from"),
      to: c.req.query("to"),
      timeZone: c.req.query("timeZone"),
    });
    const { owner, eventType } = await findPublicEventType(c, c.req.param("handle"), c.req.param("slug"));
    c.header("Cache-Control", "no-store");
    c.header("Content-Type", "application/json");
    const key = slotsCacheKey({
      eventTypeId: eventType.id,
      availabilityVersion: owner.availabilityVersion,
      ...query,
    });
    const cached = cachedSlots(deps.database, key, deps.clock.now());
    if (cached !== undefined) return c.body(cached, 200);
    const { fromMs, toMs } = rangeInstants(query.from, query.to);
    const availability = await loadAvailability(deps, owner.id, eventType, fromMs, toMs, busyLoaderFor(deps));
    const { result, validUntilMs } = computeSlotsUntil({
      ...availability,
      from: query.from,
      to: query.to,
      visitorTimeZone: query.timeZone,
    });
    const body = JSON.stringify(result);
    rememberSlots(deps.database, key, body, validUntilMs);
    return c.body(body, 200);
  });

  api.post("/:handle/:slug/bookings", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const { owner, eventType } = await findPublicEventType(c, c.req.param("handle"), c.req.param("slug"));
    const body = await readJson(c, z.unknown());
    const result = await createBooking(deps, owner, eventType, body, busyLoaderFor(deps));
    const lead = {
      id: result.lead.id,
      verdict: result.lead.verdict,
      reasons: result.lead.reasons.map((r) => reasonJson(r, c.get("locale"))),
    };
    if (!result.booking) {
      const message = result.lead.reasons
        .filter((r) => r.outcome === "fail")
        .map((r) => r.message[c.get("locale")])
        .join(" ");
      return c.json({ booking: null, lead, message }, 200);
    }
    await notifyBookingCreated(deps, { booking: result.booking, owner, eventType }, result.lead);
    return c.json({ booking: bookingJson(c, result.booking), lead }, 201);
  });

  return api;
}

function reasonJson(
  r: { rule: string; outcome: string; message: { fr: string; en: string } },
  locale: "fr" | "en",
) {
  return { rule: r.rule, outcome: r.outcome, message: r.message[locale], messages: r.message };
}
