// Emails to the owner: in the owner's zone (and the prospect's when it differs), with the triage and the answers.
import type { EmailBlock, NoticeTone } from "../../platform/mail/email-layout.ts";
import type { BookingEmail, BookingEmailData, TriageVerdict } from "./booking-email-data.ts";
import { assemble, meetingDetails, ownerFooter, verdictLabel } from "./email-parts.ts";
import { ownerMessages } from "./owner-messages.ts";
import { formatShortWhen } from "./when.ts";

const VERDICT_TONES: Record<TriageVerdict, NoticeTone> = {
  qualified: "success",
  review: "info",
  declined: "warn",
};

function shortWhen(d: BookingEmailData): string {
  return formatShortWhen(d.startMs, d.locale, d.owner.timeZone);
}

function verdictBlock(d: BookingEmailData): EmailBlock[] {
  if (!d.verdict) return [];
  const verdict = verdictLabel(d.locale, d.verdict.verdict);
  const text = ownerMessages(d.locale)("verdictNotice", { verdict });
  return [{ kind: "notice", tone: VERDICT_TONES[d.verdict.verdict], text, items: d.verdict.reasons }];
}

function prospectWords(d: BookingEmailData): EmailBlock[] {
  const t = ownerMessages(d.locale);
  const blocks: EmailBlock[] = [];
  if (d.answers.length > 0) blocks.push({ kind: "keyValues", title: t("answersTitle"), items: d.answers });
  if (d.notes?.trim())
    blocks.push({
      kind: "quote",
      title: t("notesTitle", { prospect: d.prospect.name }),
      text: d.notes.trim(),
    });
  return blocks;
}

export interface OwnerBookingLinks {
  /** only used while the booking is pending */
  approveUrl?: string;
  cancelUrl: string;
  leadUrl: string;
}

export function ownerNewBookingEmail(d: BookingEmailData & OwnerBookingLinks): BookingEmail {
  const t = ownerMessages(d.locale);
  const pending = d.status === "pending";
  const vars = { prospect: d.prospect.name, title: d.eventTitle, when: shortWhen(d) };
  const approvable = pending && d.approveUrl !== undefined;
  const buttons: EmailBlock[] = [];
  if (approvable) buttons.push({ kind: "button", label: t("approveButton"), url: d.approveUrl! });
  buttons.push(
    { kind: "button", label: t("cancelKindlyButton"), url: d.cancelUrl, variant: "secondary" },
    {
      kind: "button",
      label: t("openLeadButton"),
      url: d.leadUrl,
      variant: approvable ? "secondary" : "primary",
    },
  );
  const subject = t(pending ? "newPendingSubject" : "newConfirmedSubject", vars);
  return assemble(
    d.verdict
      ? t("subjectWithVerdict", { subject, verdict: verdictLabel(d.locale, d.verdict.verdict) })
      : subject,
    {
      locale: d.locale,
      preheader: `${d.eventTitle} — ${vars.when}`,
      heading: t(pending ? "newPendingHeading" : "newConfirmedHeading"),
      blocks: [
        { kind: "paragraph", text: t(pending ? "newPendingIntro" : "newConfirmedIntro", vars) },
        ...verdictBlock(d),
        meetingDetails(d, { viewer: "owner" }),
        ...prospectWords(d),
        ...buttons,
      ],
      footer: ownerFooter(d),
    },
  );
}

export function ownerCancelledEmail(d: BookingEmailData & { by: "prospect"; reason?: string }): BookingEmail {
  const t = ownerMessages(d.locale);
  const vars = { prospect: d.prospect.name, title: d.eventTitle, when: shortWhen(d) };
  const reason = d.reason?.trim();
  return assemble(t("cancelledSubject", vars), {
    locale: d.locale,
    preheader: `${d.eventTitle} — ${vars.when}`,
    heading: t("cancelledHeading"),
    blocks: [
      { kind: "paragraph", text: t("cancelledIntro", vars) },
      meetingDetails(d, { viewer: "owner" }),
      reason
        ? { kind: "quote", title: t("reasonTitle"), text: reason }
        : { kind: "paragraph", text: t("noReason") },
    ],
    footer: ownerFooter(d),
  });
}

export function ownerRescheduledEmail(d: BookingEmailData & { previousStartMs: number }): BookingEmail {
  const t = ownerMessages(d.locale);
  const vars = { prospect: d.prospect.name, title: d.eventTitle, when: shortWhen(d) };
  const blocks: EmailBlock[] = [{ kind: "paragraph", text: t("rescheduledIntro", vars) }];
  if (d.status === "pending") blocks.push({ kind: "notice", tone: "warn", text: t("rescheduledPending") });
  blocks.push(meetingDetails(d, { viewer: "owner", previousStartMs: d.previousStartMs }));
  return assemble(t("rescheduledSubject", vars), {
    locale: d.locale,
    preheader: `${d.eventTitle} — ${vars.when}`,
    heading: t("rescheduledHeading"),
    blocks,
    footer: ownerFooter(d),
  });
}
