// A booking as people read it on the manage and one-click pages: the time in both zones, place, status.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { BookingRow } from "../booking-store.ts";
import { commonMessages } from "../emails/common-messages.ts";
import { formatWhen } from "../emails/when.ts";
import { eventTitle } from "../event-type-view.ts";
import type { BookingContext } from "../manage-booking.ts";
import { pageMessages } from "../page-messages.ts";
import { detailList, durationLabel, locationLabel } from "./public-parts.ts";

export interface BookingSummary {
  title: string;
  ownerName: string;
  ownerEmail: string;
  status: BookingRow["status"];
  startMs: number;
  endMs: number;
  /** the prospect's zone, recorded when booking */
  visitorZone: string;
  ownerZone: string;
  location: { type: string; details?: string } | null;
  name: string;
  email: string;
}

const STATUS_BADGE: Record<BookingRow["status"], string> = {
  confirmed: "ok",
  pending: "warn",
  cancelled: "bad",
  completed: "",
  no_show: "bad",
};

export function statusBadge(status: BookingRow["status"], locale: Locale): Html {
  return html`<span class="badge ${STATUS_BADGE[status]}">${pageMessages(locale)(`status_${status}`)}</span>`;
}

/** `viewer` decides which zone comes first: the prospect reads their own time first, the owner theirs. */
export function bookingDetails(b: BookingSummary, locale: Locale, viewer: "prospect" | "owner"): Html {
  const t = pageMessages(locale);
  const common = commonMessages(locale);
  const visitorTime = formatWhen(b.startMs, b.endMs, locale, b.visitorZone);
  const ownerTime = formatWhen(b.startMs, b.endMs, locale, b.ownerZone);
  const sameTime = visitorTime === ownerTime;
  const times =
    viewer === "prospect"
      ? [
          { label: sameTime ? common("labelWhen") : t("whenYou"), value: visitorTime },
          ...(sameTime ? [] : [{ label: t("whenOwner", { owner: b.ownerName }), value: ownerTime }]),
        ]
      : [
          { label: common("labelWhen"), value: ownerTime },
          ...(sameTime
            ? []
            : [{ label: common("labelProspectTime", { prospect: b.name }), value: visitorTime }]),
        ];
  return detailList([
    { label: common("labelEvent"), value: b.title },
    ...times,
    {
      label: common("labelDuration"),
      value: durationLabel(Math.round((b.endMs - b.startMs) / 60_000), locale),
    },
    ...(b.location
      ? [{ label: common("labelLocation"), value: locationLabel(b.location, locale, true) }]
      : []),
    { label: t("status"), value: statusBadge(b.status, locale) },
    viewer === "prospect"
      ? { label: common("labelWith"), value: b.ownerName }
      : {
          label: common("labelProspect"),
          value: common("personWithEmail", { name: b.name, email: b.email }),
        },
    ...(viewer === "prospect" ? [{ label: t("bookedBy"), value: `${b.name} (${b.email})` }] : []),
  ]);
}

/** The summary of a loaded booking, its title in the reader's language. */
export function summaryOf(ctx: BookingContext, locale: Locale): BookingSummary {
  const { booking, owner, eventType } = ctx;
  return {
    title: eventTitle(eventType, locale).title,
    ownerName: owner.name,
    ownerEmail: owner.email,
    status: booking.status,
    startMs: booking.startMs,
    endMs: booking.endMs,
    visitorZone: booking.timeZone,
    ownerZone: owner.timeZone,
    location: booking.location ?? null,
    name: booking.name,
    email: booking.email,
  };
}
