// Pieces every booking email shares: the meeting summary, the triage badge, and the final assembly.
import type { Locale } from "../../platform/i18n.ts";
import { type EmailBlock, type EmailInput, renderEmail } from "../../platform/mail/email-layout.ts";
import type { BookingEmail, BookingEmailData, LocationType, TriageVerdict } from "./booking-email-data.ts";
import { commonMessages } from "./common-messages.ts";
import { formatWhen } from "./when.ts";

type CommonT = ReturnType<typeof commonMessages>;

const LOCATION_KEYS = {
  phone: "locationPhone",
  video: "locationVideo",
  google_meet: "locationGoogleMeet",
  in_person: "locationInPerson",
} as const satisfies Record<LocationType, string>;

const VERDICT_KEYS = {
  qualified: "verdictQualified",
  review: "verdictReview",
  declined: "verdictDeclined",
} as const satisfies Record<TriageVerdict, string>;

export function verdictLabel(locale: Locale, verdict: TriageVerdict): string {
  return commonMessages(locale)(VERDICT_KEYS[verdict]);
}

export function durationText(t: CommonT, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("durationMinutes", { minutes });
  if (rest === 0) return t("durationHours", { hours });
  return t("durationHoursMinutes", { hours, minutes: String(rest).padStart(2, "0") });
}

function locationText(t: CommonT, location: NonNullable<BookingEmailData["location"]>): string {
  const type = t(LOCATION_KEYS[location.type]);
  const details = location.details?.trim();
  return details ? t("locationWithDetails", { type, details }) : type;
}

export interface DetailsOptions {
  /** whose zone the times are shown in; the owner also sees the prospect's time when it differs */
  viewer: "owner" | "prospect";
  /** set for a reschedule: the old time is shown struck through */
  previousStartMs?: number;
}

/** The meeting at a glance: what, when (in the reader's zone), how long, where, with whom. */
export function meetingDetails(d: BookingEmailData, options: DetailsOptions): EmailBlock {
  const t = commonMessages(d.locale);
  const zone = d[options.viewer].timeZone;
  const when = formatWhen(d.startMs, d.endMs, d.locale, zone);
  const rescheduled = options.previousStartMs !== undefined;
  const items: { label: string; value: string; struck?: boolean }[] = [
    { label: t("labelEvent"), value: d.eventTitle },
    { label: t(rescheduled ? "labelNewTime" : "labelWhen"), value: when },
  ];
  if (options.viewer === "owner") {
    const theirs = formatWhen(d.startMs, d.endMs, d.locale, d.prospect.timeZone);
    if (theirs !== when)
      items.push({ label: t("labelProspectTime", { prospect: d.prospect.name }), value: theirs });
  }
  if (options.previousStartMs !== undefined) {
    const previousEndMs = options.previousStartMs + (d.endMs - d.startMs);
    const previous = formatWhen(options.previousStartMs, previousEndMs, d.locale, zone);
    items.push({ label: t("labelPreviousTime"), value: previous, struck: true });
  }
  items.push({ label: t("labelDuration"), value: durationText(t, d.durationMinutes) });
  if (d.location) items.push({ label: t("labelLocation"), value: locationText(t, d.location) });
  const other = options.viewer === "owner" ? d.prospect : d.owner;
  items.push({
    label: t(options.viewer === "owner" ? "labelProspect" : "labelWith"),
    value: t("personWithEmail", { name: other.name, email: other.email }),
  });
  return { kind: "keyValues", items };
}

export function greeting(d: BookingEmailData, name: string): EmailBlock {
  return { kind: "paragraph", text: commonMessages(d.locale)("greeting", { name }) };
}

export function prospectFooter(d: BookingEmailData): string {
  return commonMessages(d.locale)("footerProspect", { owner: d.owner.name, ownerEmail: d.owner.email });
}

export function ownerFooter(d: BookingEmailData): string {
  return commonMessages(d.locale)("footerOwner");
}

/** A subject is a header: whatever a name contains, it stays on one line (non-breaking spaces are kept). */
export function singleLine(text: string): string {
  return text
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

export function assemble(subject: string, input: EmailInput): BookingEmail {
  return { subject: singleLine(subject), ...renderEmail(input) };
}
