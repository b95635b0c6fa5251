// The owner's reminder before a call: the meeting at a glance, how to join, triage, the lead's answers.
import type { OwnerRow } from "../accounts/store.ts";
import { formatTime } from "../platform/http/views/format.ts";
import type { Locale } from "../platform/i18n.ts";
import type { EmailBlock } from "../platform/mail/email-layout.ts";
import type { BookingEmailData, LocationType } from "../scheduling/emails/booking-email-data.ts";
import { assemble, meetingDetails, verdictLabel } from "../scheduling/emails/email-parts.ts";
import { formatShortWhen } from "../scheduling/emails/when.ts";
import type { CallPreparation } from "./call-preparation.ts";
import { calendarEmailMessages } from "./email-messages.ts";

const LOCATION_TYPES = new Set(["phone", "video", "google_meet", "in_person"]);

function asEmailData(call: CallPreparation, owner: OwnerRow, locale: Locale): BookingEmailData {
  const location =
    call.location && LOCATION_TYPES.has(call.location.type)
      ? {
          type: call.location.type as LocationType,
          ...(call.location.details ? { details: call.location.details } : {}),
        }
      : undefined;
  return {
    locale,
    owner: { name: owner.name, email: owner.email, timeZone: owner.timeZone },
    prospect: call.prospect,
    eventTitle: call.title,
    durationMinutes: Math.round((call.endMs - call.startMs) / 60_000),
    startMs: call.startMs,
    endMs: call.endMs,
    ...(location ? { location } : {}),
    manageUrl: call.cancelUrl,
    answers: call.answers,
    status: call.status === "pending" ? "pending" : "confirmed",
  };
}

export function reminderEmail(
  call: CallPreparation,
  owner: OwnerRow,
  minutes: number,
  baseUrl: string,
): { subject: string; html: string; text: string; locale: Locale } {
  const locale: Locale = owner.locale === "en" ? "en" : "fr";
  const t = calendarEmailMessages(locale);
  const vars = { prospect: call.prospect.name, title: call.title, minutes };
  const blocks: EmailBlock[] = [
    {
      kind: "paragraph",
      text: t("reminderIntro", { ...vars, time: formatTime(call.startMs, locale, owner.timeZone) }),
    },
  ];
  if (call.status === "pending") blocks.push({ kind: "notice", tone: "warn", text: t("reminderPending") });
  blocks.push(meetingDetails(asEmailData(call, owner, locale), { viewer: "owner" }));
  if (call.joinUrl) blocks.push({ kind: "button", label: t("joinButton"), url: call.joinUrl });
  // Email buttons only take http(s) links; the number itself is in the details above.
  if (call.phone) blocks.push({ kind: "paragraph", text: t("callButton", { phone: call.phone }) });
  if (call.verdict)
    blocks.push({
      kind: "notice",
      tone:
        call.verdict.verdict === "qualified"
          ? "success"
          : call.verdict.verdict === "declined"
            ? "warn"
            : "info",
      text: verdictLabel(locale, call.verdict.verdict),
      ...(call.verdict.reasons.length ? { items: call.verdict.reasons } : {}),
    });
  if (call.answers.length) blocks.push({ kind: "keyValues", items: call.answers });
  if (call.notes?.trim()) blocks.push({ kind: "quote", text: call.notes.trim() });
  blocks.push(
    { kind: "button", label: t("cancelButton"), url: call.cancelUrl, variant: "secondary" },
    { kind: "button", label: t("todayButton"), url: `${baseUrl}/dashboard/today`, variant: "secondary" },
  );
  const email = assemble(t("reminderSubject", vars), {
    locale,
    preheader: `${call.title} — ${formatShortWhen(call.startMs, locale, owner.timeZone)}`,
    heading: t("reminderHeading"),
    blocks,
    footer: t("footer", { minutes }),
  });
  return { ...email, locale };
}
