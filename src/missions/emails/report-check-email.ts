// To the owner on the last working day: the month's activity report is prepared, check it and send it.
import { formatEuros } from "../../invoicing/money.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { type EmailBlock, renderEmail } from "../../platform/mail/email-layout.ts";
import { daysText, monthLabel } from "../report-text.ts";
import { sumDays } from "../working-days.ts";
import { oneLine, type RenderedMail } from "./mail-parts.ts";

const messages = defineMessages({
  fr: {
    subject: "Compte rendu de {month} à vérifier ({mission})",
    finalSubject: "Dernier compte rendu de la mission «\u00a0{mission}\u00a0» à vérifier",
    heading: "Votre compte rendu de {month} est prêt",
    intro:
      "Le compte rendu d'activité de {month} pour la mission «\u00a0{mission}\u00a0» ({client}) est préparé avec les jours ouvrés du mois, sans les jours fériés ni vos jours off.",
    next: "Vérifiez-le, corrigez les jours si besoin, puis envoyez-le à {client} pour validation.",
    finalNote:
      "C'est le dernier compte rendu de la mission\u00a0: dès que {client} l'aura validé, sa facture sera émise et envoyée automatiquement.",
    totalDays: "Jours préremplis",
    amount: "Montant (HT)",
    button: "Vérifier et envoyer",
    footer: "E-mail envoyé par Créneau.",
  },
  en: {
    subject: "Activity report for {month} to check ({mission})",
    finalSubject: "Last activity report of the “{mission}” mission to check",
    heading: "Your activity report for {month} is ready",
    intro:
      "The activity report for {month} on the “{mission}” mission ({client}) is prepared with the month's working days, without public holidays or your days off.",
    next: "Check it, correct the days if needed, then send it to {client} for approval.",
    finalNote:
      "This is the mission's last report: as soon as {client} approves it, its invoice will be issued and sent automatically.",
    totalDays: "Prefilled days",
    amount: "Amount (excl. VAT)",
    button: "Check and send",
    footer: "Sent by Créneau.",
  },
});

export interface ReportCheckEmailData {
  /** the owner's */
  locale: Locale;
  clientName: string;
  missionTitle: string;
  month: string;
  days: readonly { date: string; fraction: number }[];
  dailyRateCents: number;
  /** the dashboard mission page, at this month */
  checkUrl: string;
  final: boolean;
}

export function reportCheckEmail(d: ReportCheckEmailData): RenderedMail {
  const t = messages(d.locale);
  const month = monthLabel(d.month, d.locale);
  const vars = { month, mission: d.missionTitle, client: d.clientName };
  const total = sumDays(d.days);
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: t("intro", vars) },
    {
      kind: "keyValues",
      items: [
        { label: t("totalDays"), value: daysText(total, d.locale) },
        { label: t("amount"), value: formatEuros(Math.round(total * d.dailyRateCents), d.locale) },
      ],
    },
    { kind: "paragraph", text: t("next", vars) },
    ...(d.final ? [{ kind: "notice" as const, tone: "info" as const, text: t("finalNote", vars) }] : []),
    { kind: "button", label: t("button"), url: d.checkUrl },
  ];
  return {
    subject: oneLine(t(d.final ? "finalSubject" : "subject", vars)),
    ...renderEmail({
      locale: d.locale,
      preheader: `${d.missionTitle} — ${month} — ${daysText(total, d.locale)}`,
      heading: t("heading", vars),
      blocks,
      footer: t("footer"),
    }),
  };
}
