// Emails sent by the booking workflows: the prospect's day-before reminder and the owner's pending-request nudge.
import { defineMessages } from "../../platform/i18n.ts";
import type { BookingEmail, BookingEmailData } from "./booking-email-data.ts";
import { assemble, greeting, meetingDetails, ownerFooter, prospectFooter } from "./email-parts.ts";
import { greetingName } from "./names.ts";
import { formatShortWhen } from "./when.ts";

const messages = defineMessages({
  fr: {
    dayBeforeSubject: "Rappel\u00a0: votre rendez-vous avec {owner} demain",
    dayBeforeHeading: "À demain\u00a0!",
    dayBeforeIntro: "Petit rappel\u00a0: vous avez rendez-vous avec {owner} pour «\u00a0{title}\u00a0».",
    dayBeforeChange: "Un empêchement\u00a0? Vous pouvez déplacer ou annuler le rendez-vous\u00a0:",
    manageButton: "Déplacer ou annuler",
    pendingSubject: "Toujours en attente\u00a0: la demande de {prospect} ({when})",
    pendingHeading: "Une demande attend votre réponse",
    pendingIntro:
      "{prospect} attend votre réponse pour «\u00a0{title}\u00a0». Sans réponse de votre part, la demande sera déclinée poliment le {deadline}.",
    approveButton: "Confirmer le rendez-vous",
    declineButton: "Décliner avec un message bienveillant",
  },
  en: {
    dayBeforeSubject: "Reminder: your call with {owner} tomorrow",
    dayBeforeHeading: "See you tomorrow!",
    dayBeforeIntro: "A quick reminder: you have a call with {owner} for “{title}”.",
    dayBeforeChange: "Something came up? You can move or cancel the call:",
    manageButton: "Reschedule or cancel",
    pendingSubject: "Still waiting: {prospect}'s request ({when})",
    pendingHeading: "A request is waiting for your answer",
    pendingIntro:
      "{prospect} is waiting for your answer about “{title}”. Without an answer, the request will be kindly declined on {deadline}.",
    approveButton: "Confirm the call",
    declineButton: "Decline with a kind message",
  },
});

export function prospectDayBeforeEmail(d: BookingEmailData): BookingEmail {
  const t = messages(d.locale);
  return assemble(t("dayBeforeSubject", { owner: d.owner.name }), {
    locale: d.locale,
    preheader: `${d.eventTitle} — ${formatShortWhen(d.startMs, d.locale, d.prospect.timeZone)}`,
    heading: t("dayBeforeHeading"),
    blocks: [
      greeting(d, greetingName(d.prospect.name)),
      { kind: "paragraph", text: t("dayBeforeIntro", { owner: d.owner.name, title: d.eventTitle }) },
      meetingDetails(d, { viewer: "prospect" }),
      { kind: "paragraph", text: t("dayBeforeChange") },
      { kind: "button", label: t("manageButton"), url: d.manageUrl, variant: "secondary" },
    ],
    footer: prospectFooter(d),
  });
}

export function ownerPendingReminderEmail(
  d: BookingEmailData & { approveUrl: string; cancelUrl: string; declineAtMs: number },
): BookingEmail {
  const t = messages(d.locale);
  const when = formatShortWhen(d.startMs, d.locale, d.owner.timeZone);
  const deadline = formatShortWhen(d.declineAtMs, d.locale, d.owner.timeZone);
  return assemble(t("pendingSubject", { prospect: d.prospect.name, when }), {
    locale: d.locale,
    preheader: `${d.eventTitle} — ${when}`,
    heading: t("pendingHeading"),
    blocks: [
      {
        kind: "paragraph",
        text: t("pendingIntro", { prospect: d.prospect.name, title: d.eventTitle, deadline }),
      },
      meetingDetails(d, { viewer: "owner" }),
      { kind: "button", label: t("approveButton"), url: d.approveUrl },
      { kind: "button", label: t("declineButton"), url: d.cancelUrl, variant: "secondary" },
    ],
    footer: ownerFooter(d),
  });
}
