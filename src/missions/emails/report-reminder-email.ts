// To the client, three days after the activity report was sent and still not approved nor contested.
import { formatDate } from "../../invoicing/date-text.ts";
import { formatEuros } from "../../invoicing/money.ts";
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { renderEmail } from "../../platform/mail/email-layout.ts";
import { daysText, monthLabel } from "../report-text.ts";
import { sumDays } from "../working-days.ts";
import { oneLine, type RenderedMail } from "./mail-parts.ts";

const messages = defineMessages({
  fr: {
    subject: "Rappel\u00a0: activité de {owner} en {month} ({mission}) à valider",
    heading: "Compte rendu en attente de votre validation",
    intro:
      "Bonjour,\n{owner} vous a transmis le {sentOn} son compte rendu d'activité de {month} pour la mission «\u00a0{mission}\u00a0». Il attend encore votre réponse\u00a0: la facture sera établie à partir des jours validés.",
    month: "Mois",
    totalDays: "Jours travaillés",
    amount: "Montant (HT)",
    button: "Valider ou contester",
    footer:
      "E-mail envoyé par Créneau pour {owner} ({ownerEmail}). Pour ne plus recevoir de rappels\u00a0: {optOutUrl}",
  },
  en: {
    subject: "Reminder: {owner}'s activity in {month} ({mission}) awaits your approval",
    heading: "Activity report awaiting your approval",
    intro:
      "Hello,\n{owner} sent you the activity report for {month} on the “{mission}” mission on {sentOn}. It still awaits your answer: the invoice will be based on the approved days.",
    month: "Month",
    totalDays: "Days worked",
    amount: "Amount (excl. VAT)",
    button: "Approve or contest",
    footer: "Sent by Créneau on behalf of {owner} ({ownerEmail}). To stop these reminders: {optOutUrl}",
  },
});

export interface ReportReminderEmailData {
  /** the client's */
  locale: Locale;
  owner: { name: string; email: string };
  missionTitle: string;
  month: string;
  days: readonly { date: string; fraction: number }[];
  dailyRateCents: number;
  /** YYYY-MM-DD the report was sent, in the owner's zone */
  sentOn: string;
  reviewUrl: string;
  optOutUrl: string;
}

export function reportReminderEmail(d: ReportReminderEmailData): RenderedMail {
  const t = messages(d.locale);
  const month = monthLabel(d.month, d.locale);
  const vars = {
    owner: d.owner.name,
    month,
    mission: d.missionTitle,
    sentOn: formatDate(d.sentOn, d.locale),
  };
  const total = sumDays(d.days);
  return {
    subject: oneLine(t("subject", vars)),
    ...renderEmail({
      locale: d.locale,
      preheader: `${d.missionTitle} — ${month} — ${daysText(total, d.locale)}`,
      heading: t("heading"),
      blocks: [
        { kind: "paragraph", text: t("intro", vars) },
        {
          kind: "keyValues",
          items: [
            { label: t("month"), value: month },
            { label: t("totalDays"), value: daysText(total, d.locale) },
            { label: t("amount"), value: formatEuros(Math.round(total * d.dailyRateCents), d.locale) },
          ],
        },
        { kind: "button", label: t("button"), url: d.reviewUrl },
      ],
      footer: t("footer", { owner: d.owner.name, ownerEmail: d.owner.email, optOutUrl: d.optOutUrl }),
    }),
  };
}
