// Emails to the prospect, in their language and their time zone.
import type { EmailBlock } from "../../platform/mail/email-layout.ts";
import type { BookingEmail, BookingEmailData } from "./booking-email-data.ts";
import { assemble, greeting, meetingDetails, prospectFooter } from "./email-parts.ts";
import { greetingName } from "./names.ts";
import { prospectMessages } from "./prospect-messages.ts";
import { formatWhen } from "./when.ts";

function opening(d: BookingEmailData): EmailBlock {
  return greeting(d, greetingName(d.prospect.name));
}

function preheader(d: BookingEmailData): string {
  return `${d.eventTitle} — ${formatWhen(d.startMs, d.endMs, d.locale, d.prospect.timeZone)}`;
}

function manageBlocks(d: BookingEmailData): EmailBlock[] {
  const t = prospectMessages(d.locale);
  return [
    { kind: "paragraph", text: t("manageHint") },
    { kind: "button", label: t("manageButton"), url: d.manageUrl },
  ];
}

function hasText(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== "";
}

/** Sent right after booking: confirmed, or received and awaiting the owner's approval. */
export function prospectConfirmationEmail(d: BookingEmailData): BookingEmail {
  const t = prospectMessages(d.locale);
  const owner = d.owner.name;
  const pending = d.status === "pending";
  const blocks: EmailBlock[] = [
    opening(d),
    { kind: "paragraph", text: t(pending ? "pendingIntro" : "confirmedIntro", { owner }) },
  ];
  if (pending) blocks.push({ kind: "notice", tone: "info", text: t("pendingNotice", { owner }) });
  blocks.push(
    meetingDetails(d, { viewer: "prospect" }),
    { kind: "paragraph", text: t(pending ? "inviteOnApproval" : "icsConfirmed", { owner }) },
    ...manageBlocks(d),
  );
  return assemble(t(pending ? "pendingSubject" : "confirmedSubject", { owner }), {
    locale: d.locale,
    preheader: preheader(d),
    heading: t(pending ? "pendingHeading" : "confirmedHeading"),
    blocks,
    footer: prospectFooter(d),
  });
}

/** The owner approved a pending request: the confirmation, now with the invitation and the manage link. */
export function prospectApprovedEmail(d: BookingEmailData): BookingEmail {
  const t = prospectMessages(d.locale);
  const owner = d.owner.name;
  return assemble(t("approvedSubject", { owner }), {
    locale: d.locale,
    preheader: preheader(d),
    heading: t("approvedHeading"),
    blocks: [
      opening(d),
      { kind: "paragraph", text: t("approvedIntro", { owner }) },
      meetingDetails(d, { viewer: "prospect" }),
      { kind: "paragraph", text: t("icsConfirmed") },
      ...manageBlocks(d),
    ],
    footer: prospectFooter(d),
  });
}

export interface ProspectCancellation {
  by: "owner" | "prospect";
  /** the owner's words to the prospect, shown exactly as written */
  message?: string;
  rebookUrl?: string;
  /** false when the prospect never had an invitation to remove (a pending request): no word of a CANCEL */
  cancelsInvitation?: boolean;
}

export function prospectCancelledEmail(d: BookingEmailData & ProspectCancellation): BookingEmail {
  const t = prospectMessages(d.locale);
  const vars = { owner: d.owner.name, title: d.eventTitle };
  const byOwner = d.by === "owner";
  const blocks: EmailBlock[] = [
    opening(d),
    { kind: "paragraph", text: t(byOwner ? "cancelledByOwnerIntro" : "cancelledByProspectIntro", vars) },
    meetingDetails(d, { viewer: "prospect" }),
  ];
  if (byOwner && hasText(d.message))
    blocks.push({ kind: "quote", title: t("ownerMessageTitle", vars), text: d.message.trim() });
  if (d.rebookUrl)
    blocks.push(
      { kind: "paragraph", text: t(byOwner ? "rebookHint" : "rebookLaterHint") },
      { kind: "button", label: t(byOwner ? "rebookButton" : "rebookLaterButton"), url: d.rebookUrl },
    );
  if (d.cancelsInvitation !== false) blocks.push({ kind: "paragraph", text: t("icsCancelled") });
  return assemble(t(byOwner ? "cancelledByOwnerSubject" : "cancelledByProspectSubject", vars), {
    locale: d.locale,
    preheader: preheader(d),
    heading: t(byOwner ? "cancelledByOwnerHeading" : "cancelledByProspectHeading"),
    blocks,
    footer: prospectFooter(d),
  });
}

export function prospectRescheduledEmail(d: BookingEmailData & { previousStartMs: number }): BookingEmail {
  const t = prospectMessages(d.locale);
  const vars = { owner: d.owner.name, title: d.eventTitle };
  const blocks: EmailBlock[] = [opening(d), { kind: "paragraph", text: t("rescheduledIntro", vars) }];
  if (d.status === "pending") blocks.push({ kind: "notice", tone: "info", text: t("pendingNotice", vars) });
  blocks.push(
    meetingDetails(d, { viewer: "prospect", previousStartMs: d.previousStartMs }),
    { kind: "paragraph", text: t(d.status === "pending" ? "inviteOnApproval" : "icsUpdated") },
    ...manageBlocks(d),
  );
  return assemble(t("rescheduledSubject", vars), {
    locale: d.locale,
    preheader: preheader(d),
    heading: t("rescheduledHeading"),
    blocks,
    footer: prospectFooter(d),
  });
}

/**
 * The owner (or the pending-approval workflow) said no to a pending request: thank them, say it plainly,
 * pass on the owner's words if any, and say what the attached CANCEL is for when an invitation went out.
 */
export function pendingDeclinedEmail(
  d: BookingEmailData & { message?: string; cancelsInvitation?: boolean },
): BookingEmail {
  const t = prospectMessages(d.locale);
  const vars = { owner: d.owner.name, title: d.eventTitle };
  const blocks: EmailBlock[] = [
    opening(d),
    { kind: "paragraph", text: t("declinedIntro", vars) },
    meetingDetails(d, { viewer: "prospect" }),
  ];
  if (hasText(d.message))
    blocks.push({ kind: "quote", title: t("ownerMessageTitle", vars), text: d.message.trim() });
  if (d.cancelsInvitation) blocks.push({ kind: "paragraph", text: t("icsDeclined") });
  blocks.push({ kind: "paragraph", text: t("declinedClosing") });
  return assemble(t("declinedSubject", vars), {
    locale: d.locale,
    heading: t("declinedHeading"),
    blocks,
    footer: prospectFooter(d),
  });
}
