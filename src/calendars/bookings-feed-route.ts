// The owner's bookings as a subscribable .ics at a secret URL. The token is derived (HMAC of the owner and
// a version), so nothing secret is stored, the URL can be shown again, and raising the version revokes it.
import type { OwnerRow } from "../accounts/store.ts";
import { findOwnerById } from "../accounts/store.ts";
import type { Config } from "../platform/config.ts";
import type { AppDeps } from "../platform/deps.ts";
import { mailDomain } from "../platform/deps.ts";
import { hmacBase64Url, safeEqual, sha256Hex } from "../platform/security/tokens.ts";
import { listBookings } from "../scheduling/booking-store.ts";
import type { StoredEventType } from "../scheduling/event-type-input.ts";
import { getEventTypeByIdAnyState } from "../scheduling/event-type-store.ts";
import { eventTitle } from "../scheduling/event-type-view.ts";
import { buildBookingsFeed } from "./bookings-feed.ts";
import { loadCalendarSettings } from "./calendar-settings-store.ts";
import type { BookingEventFields } from "./invite.ts";

const DAY = 86_400_000;

function mac(config: Config, ownerId: string, version: number): string {
  return hmacBase64Url(config.secretKey, `bookings-feed:${ownerId}:${version}`).slice(0, 32);
}

export function feedUrl(config: Config, ownerId: string, version: number): string {
  return `${config.baseUrl}/feeds/${ownerId}.${mac(config, ownerId, version)}.ics`;
}

/** The owner a feed token opens, or null (unknown owner, feed off, revoked or forged token). */
export async function ownerForFeedToken(deps: AppDeps, token: string): Promise<OwnerRow | null> {
  const match = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const [, ownerId = "", given = ""] = match;
  const owner = await findOwnerById(deps.database, ownerId);
  if (!owner) return null;
  const { feedEnabled, feedVersion } = await loadCalendarSettings(deps.database, ownerId);
  if (!feedEnabled || !safeEqual(given, mac(deps.config, ownerId, feedVersion))) return null;
  return owner;
}

export async function bookingsFeedFor(
  deps: AppDeps,
  owner: OwnerRow,
): Promise<{ body: string; etag: string }> {
  const now = deps.clock.now();
  const locale = owner.locale === "en" ? "en" : "fr";
  const rows = await listBookings(deps.database, owner.id, {
    fromMs: now - 30 * DAY,
    toMs: now + 400 * DAY,
    status: ["pending", "confirmed", "cancelled", "completed"],
    limit: 2000,
  });
  const types = new Map<string, StoredEventType | undefined>();
  for (const id of new Set(rows.map((r) => r.eventTypeId)))
    types.set(id, await getEventTypeByIdAnyState(deps.database, owner.id, id));
  const events: BookingEventFields[] = rows.map((b) => {
    const type = types.get(b.eventTypeId);
    const title = type ? eventTitle(type, locale).title : "";
    return {
      uid: `${b.id}@${mailDomain(deps.config)}`,
      sequence: b.sequence,
      startMs: b.startMs,
      endMs: b.endMs,
      summary: `${title} — ${b.name}`,
      description: [`${b.name} <${b.email}>`, b.notes ?? "", `${deps.config.baseUrl}/dashboard/today`]
        .filter(Boolean)
        .join("\n"),
      location: b.location?.details,
      status: b.status === "cancelled" ? "CANCELLED" : b.status === "pending" ? "TENTATIVE" : "CONFIRMED",
    };
  });
  // Stamped with the newest change rather than now, so an unchanged feed keeps its ETag.
  const stampMs = rows.reduce((latest, b) => Math.max(latest, b.updatedAt), owner.updatedAt);
  const body = buildBookingsFeed({
    ownerName: owner.name,
    calendarName:
      locale === "fr" ? `Rendez-vous Créneau — ${owner.name}` : `Créneau bookings — ${owner.name}`,
    stampMs,
    events,
  });
  return { body, etag: `"${sha256Hex(body).slice(0, 32)}"` };
}
