// Emails about activity reports: to the client (please approve these days) and to the owner (the
// client approved, or contested with a comment).
import { formatEuros } from "../invoicing/money.ts";
import { defineMessages, type Locale } from "../platform/i18n.ts";
import { type EmailBlock, renderEmail } from "../platform/mail/email-layout.ts";
import { dayLabel, daysText, monthLabel } from "./report-text.ts";
import { sumDays } from "./working-days.ts";

const messages = defineMessages({
  fr: {
    submitSubject: "Activité de {owner} en {month} ({mission})\u00a0: à valider",
    submitHeading: "Compte rendu d'activité à valider",
    submitIntro:
      "Bonjour,\n{owner} vous transmet son compte rendu d'activité pour la mission «\u00a0{mission}\u00a0» en {month}. Merci de le valider, ou de le contester avec un commentaire\u00a0: la facture sera établie à partir des jours validés.",
    mission: "Mission",
    month: "Mois",
    totalDays: "Jours travaillés",
    dailyRate: "Taux journalier (HT)",
    amount: "Montant (HT)",
    daysTitle: "Détail des jours",
    review: "Valider ou contester",
    submitFooter:
      "E-mail envoyé par Créneau pour {owner} ({ownerEmail}). Ce lien est personnel et expire le {expires}.",
    approvedSubject: "{client} a validé votre activité de {month} ({mission})",
    approvedHeading: "Activité validée",
    approvedIntro: "{client} a validé vos {days} de {month} sur la mission «\u00a0{mission}\u00a0».",
    approvedDraft: "Un brouillon de facture a été préparé\u00a0: vérifiez-le, puis émettez-le.",
    contestedSubject: "{client} conteste votre activité de {month} ({mission})",
    contestedHeading: "Activité contestée",
    contestedIntro: "{client} conteste votre compte rendu de {month} sur la mission «\u00a0{mission}\u00a0».",
    comment: "Leur commentaire",
    contestedNext: "Corrigez les jours puis renvoyez le compte rendu.",
    openMission: "Ouvrir la mission",
    openInvoice: "Voir le brouillon de facture",
    ownerFooter: "E-mail envoyé par Créneau.",
  },
  en: {
    submitSubject: "{owner}'s activity in {month} ({mission}): please approve",
    submitHeading: "Activity report to approve",
    submitIntro:
      "Hello,\n{owner} sends you the activity report for the “{mission}” mission in {month}. Please approve it, or contest it with a comment: the invoice will be based on the approved days.",
    mission: "Mission",
    month: "Month",
    totalDays: "Days worked",
    dailyRate: "Daily rate (excl. VAT)",
    amount: "Amount (excl. VAT)",
    daysTitle: "Days",
    review: "Approve or contest",
    submitFooter:
      "Sent by Créneau on behalf of {owner} ({ownerEmail}). This link is personal and expires on {expires}.",
    approvedSubject: "{client} approved your activity for {month} ({mission})",
    approvedHeading: "Activity approved",
    approvedIntro: "{client} approved your {days} in {month} on the “{mission}” mission.",
    approvedDraft: "A draft invoice is ready: check it, then issue it.",
    contestedSubject: "{client} contests your activity for {month} ({mission})",
    contestedHeading: "Activity contested",
    contestedIntro: "{client} contests your activity report for {month} on the “{mission}” mission.",
    comment: "Their comment",
    contestedNext: "Correct the days, then send the report again.",
    openMission: "Open the mission",
    openInvoice: "See the draft invoice",
    ownerFooter: "Sent by Créneau.",
  },
});

export interface ReportEmailData {
  locale: Locale;
  owner: { name: string; email: string };
  clientName: string;
  missionTitle: string;
  month: string;
  days: readonly { date: string; fraction: number }[];
  dailyRateCents: number;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}

export function reportToApproveEmail(
  d: ReportEmailData & { reviewUrl: string; expiresOn: string },
): RenderedMail {
  const t = messages(d.locale);
  const month = monthLabel(d.month, d.locale);
  const vars = { owner: d.owner.name, mission: d.missionTitle, month };
  const total = sumDays(d.days);
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: t("submitIntro", vars) },
    {
      kind: "keyValues",
      items: [
        { label: t("mission"), value: d.missionTitle },
        { label: t("month"), value: month },
        { label: t("totalDays"), value: daysText(total, d.locale) },
        { label: t("dailyRate"), value: formatEuros(d.dailyRateCents, d.locale) },
        { label: t("amount"), value: formatEuros(Math.round(total * d.dailyRateCents), d.locale) },
      ],
    },
    {
      kind: "keyValues",
      title: t("daysTitle"),
      items: d.days.map((day) => ({
        label: dayLabel(day.date, d.locale),
        value: daysText(day.fraction, d.locale),
      })),
    },
    { kind: "button", label: t("review"), url: d.reviewUrl },
  ];
  return {
    subject: oneLine(t("submitSubject", vars)),
    ...renderEmail({
      locale: d.locale,
      preheader: `${d.missionTitle} — ${month} — ${daysText(total, d.locale)}`,
      heading: t("submitHeading"),
      blocks,
      footer: t("submitFooter", { owner: d.owner.name, ownerEmail: d.owner.email, expires: d.expiresOn }),
    }),
  };
}

export function reportDecidedEmail(
  d: ReportEmailData & {
    decision: "approved" | "contested";
    comment: string | null;
    missionUrl: string;
    invoiceUrl?: string;
  },
): RenderedMail {
  const t = messages(d.locale);
  const month = monthLabel(d.month, d.locale);
  const vars = {
    client: d.clientName,
    mission: d.missionTitle,
    month,
    days: daysText(sumDays(d.days), d.locale),
  };
  const approved = d.decision === "approved";
  const blocks: EmailBlock[] = approved
    ? [
        { kind: "notice", tone: "success", text: t("approvedIntro", vars) },
        ...(d.invoiceUrl
          ? [
              { kind: "paragraph" as const, text: t("approvedDraft") },
              { kind: "button" as const, label: t("openInvoice"), url: d.invoiceUrl },
            ]
          : []),
      ]
    : [
        { kind: "notice", tone: "warn", text: t("contestedIntro", vars) },
        ...(d.comment ? [{ kind: "quote" as const, title: t("comment"), text: d.comment }] : []),
        { kind: "paragraph", text: t("contestedNext") },
      ];
  blocks.push({
    kind: "button",
    label: t("openMission"),
    url: d.missionUrl,
    variant: d.invoiceUrl ? "secondary" : "primary",
  });
  return {
    subject: oneLine(t(approved ? "approvedSubject" : "contestedSubject", vars)),
    ...renderEmail({
      locale: d.locale,
      heading: t(approved ? "approvedHeading" : "contestedHeading"),
      blocks,
      footer: t("ownerFooter"),
    }),
  };
}
