// Owner API for booking links and bookings (Bearer auth is applied by the /api router).
import { Hono } from "hono";
import * as z from "zod";
import { isUniqueViolation } from "../platform/db/database.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { limitSchema, pageSorted, positionCursorSchema } from "../platform/http/pagination.ts";
import { AppError } from "../platform/http/problems.ts";
import { readJson, readOptionalJson, validate } from "../platform/http/request-body.ts";
import { notifyBookingApproved } from "./approval-notifications.ts";
import { notifyBookingCancelled } from "./booking-notifications.ts";
import { cancelSchema, instantSchema } from "./booking-request.ts";
import { type BookingRow, getOwnedBooking, listBookings } from "./booking-store.ts";
import { eventTypeInputSchema, normalizeEventType, type StoredEventType } from "./event-type-input.ts";
import {
  deleteEventType,
  getEventType,
  insertEventType,
  listEventTypes,
  updateEventType,
} from "./event-type-store.ts";
import { ownerEventTypeJson } from "./event-type-view.ts";
import { approveBooking, cancelBooking, loadBookingContext } from "./manage-booking.ts";
import { isoInZone } from "./zoned-bounds.ts";

function toJson(c: AppContext, e: StoredEventType) {
  return ownerEventTypeJson(e, c.get("deps").config.baseUrl, c.get("owner")!.handle);
}

/** The stored event type as the input shape, so PATCH can merge a partial body over it. */
function asInput(e: StoredEventType): Record<string, unknown> {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = e;
  return rest as unknown as Record<string, unknown>;
}

function validated(body: unknown) {
  const input = validate(eventTypeInputSchema, body);
  const normalized = normalizeEventType(input);
  if ("errors" in normalized) throw new AppError("validation", { errors: normalized.errors });
  return normalized;
}

function ownerBookingJson(b: BookingRow, ownerZone: string) {
  return {
    id: b.id,
    eventTypeId: b.eventTypeId,
    leadId: b.leadId,
    status: b.status,
    start: isoInZone(b.startMs, ownerZone),
    end: isoInZone(b.endMs, ownerZone),
    name: b.name,
    email: b.email,
    timeZone: b.timeZone,
    locale: b.locale,
    answers: b.answers,
    notes: b.notes,
    flagged: b.flagged,
    location: b.location,
    cancelReason: b.cancelReason,
    cancelledBy: b.cancelledBy,
    createdAt: new Date(b.createdAt).toISOString(),
  };
}

const STATUSES = ["pending", "confirmed", "cancelled", "completed", "no_show"] as const;
export const eventTypesQuery = z.object({
  active: z.enum(["true", "false"]).optional(),
  limit: limitSchema(100, 200),
  cursor: positionCursorSchema.optional(),
});

export const bookingsQuery = z.object({
  from: instantSchema.or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
  to: instantSchema.or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
  status: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()))
    .pipe(z.array(z.enum(STATUSES)))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export function ownerSchedulingApiRoutes() {
  const api = new Hono<AppEnv>();

  api.get("/event-types", async (c) => {
    const q = validate(eventTypesQuery, c.req.query(), "query");
    const all = await listEventTypes(c.get("deps").database, c.get("owner")!.id);
    const wanted = q.active ? all.filter((e) => e.active === (q.active === "true")) : all;
    const { items, nextCursor } = pageSorted(wanted, { ...q, direction: "asc" }, (e) => ({
      key: e.createdAt,
      id: e.id,
    }));
    return c.json({ items: items.map((e) => toJson(c, e)), nextCursor });
  });

  api.post("/event-types", async (c) => {
    const deps = c.get("deps");
    const { definition, active } = validated(await readJson(c, z.unknown()));
    const id = deps.newId();
    try {
      await insertEventType(deps.database, {
        id,
        ownerId: c.get("owner")!.id,
        definition,
        active,
        now: deps.clock.now(),
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("already_exists", {
          detail: `You already have a booking link with the slug "${definition.slug}".`,
          errors: [{ path: "slug", message: "is already used" }],
        });
      throw error;
    }
    const created = await getEventType(deps.database, c.get("owner")!.id, id);
    return c.json(toJson(c, created!), 201, { Location: `/api/event-types/${id}` });
  });

  api.get("/event-types/:id", async (c) => {
    const found = await getEventType(c.get("deps").database, c.get("owner")!.id, c.req.param("id"));
    if (!found) throw new AppError("not_found");
    return c.json(toJson(c, found));
  });

  api.patch("/event-types/:id", async (c) => {
    const deps = c.get("deps");
    const ownerId = c.get("owner")!.id;
    const existing = await getEventType(deps.database, ownerId, c.req.param("id"));
    if (!existing) throw new AppError("not_found");
    const patch = await readJson(c, z.record(z.string(), z.unknown()));
    const { definition, active } = validated({ ...asInput(existing), ...patch });
    try {
      await updateEventType(deps.database, ownerId, existing.id, definition, active, deps.clock.now());
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("already_exists", { errors: [{ path: "slug", message: "is already used" }] });
      throw error;
    }
    return c.json(toJson(c, (await getEventType(deps.database, ownerId, existing.id))!));
  });

  api.delete("/event-types/:id", async (c) => {
    const deps = c.get("deps");
    if (!(await deleteEventType(deps.database, c.get("owner")!.id, c.req.param("id"), deps.clock.now())))
      throw new AppError("not_found");
    return c.body(null, 204);
  });

  api.get("/bookings", async (c) => {
    const owner = c.get("owner")!;
    const q = validate(bookingsQuery, c.req.query(), "query");
    const toMs = (v: string | undefined, endOfDay: boolean) =>
      v === undefined
        ? undefined
        : v.length === 10
          ? Date.parse(`${v}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0)
          : Date.parse(v);
    const [afterStart, afterId] = q.cursor ? q.cursor.split("_") : [];
    const rows = await listBookings(c.get("deps").database, owner.id, {
      fromMs: toMs(q.from, false),
      toMs: toMs(q.to, true),
      status: q.status,
      limit: q.limit + 1,
      afterStart: afterStart ? Number(afterStart) : undefined,
      afterId,
    });
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page[page.length - 1] : undefined;
    return c.json({
      items: page.map((b) => ownerBookingJson(b, owner.timeZone)),
      nextCursor: last ? `${last.startMs}_${last.id}` : null,
    });
  });

  api.get("/bookings/:id", async (c) => {
    const owner = c.get("owner")!;
    const booking = await getOwnedBooking(c.get("deps").database, owner.id, c.req.param("id"));
    if (!booking) throw new AppError("not_found");
    return c.json(ownerBookingJson(booking, owner.timeZone));
  });

  api.post("/bookings/:id/approve", async (c) => {
    const deps = c.get("deps");
    const booking = await getOwnedBooking(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!booking) throw new AppError("not_found");
    const ctx = await loadBookingContext(deps, booking.id);
    const { approved } = await approveBooking(deps, ctx);
    if (approved) await notifyBookingApproved(deps, ctx);
    if (!approved && booking.status !== "confirmed")
      throw new AppError("conflict", { detail: `This booking is ${booking.status}.` });
    return c.json(
      ownerBookingJson(
        (await getOwnedBooking(deps.database, booking.ownerId, booking.id))!,
        c.get("owner")!.timeZone,
      ),
    );
  });

  api.post("/bookings/:id/cancel", async (c) => {
    const deps = c.get("deps");
    const booking = await getOwnedBooking(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!booking) throw new AppError("not_found");
    const { reason } = await readOptionalJson(c, cancelSchema);
    const ctx = await loadBookingContext(deps, booking.id);
    const { cancelled } = await cancelBooking(deps, ctx, "owner", reason ?? null);
    if (cancelled) await notifyBookingCancelled(deps, ctx, "owner", reason ?? null);
    return c.json({ status: "cancelled" });
  });

  return api;
}
