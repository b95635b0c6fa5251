// What a won lead already tells about the client and the mission, so "won" is one short form. Pure.
import { Temporal } from "temporal-polyfill";
import { missionSourceOf } from "./channels.ts";
import type { RoleAnswers } from "./role-answers.ts";

export interface WonPrefill {
  clientName: string;
  billingEmail: string;
  title: string;
  dailyRateCents: number | null;
  startDate: string;
  plannedEndDate: string | null;
  source: ReturnType<typeof missionSourceOf>;
  /** a platform that invoices in the owner's name (Malt) is billed through it */
  billingMode: "monthly" | "platform";
}

/**
 * The day before the same date `months` later: 6 months from 1 April end on 30 September. A fraction
 * of a month counts as that share of 30 days.
 */
export function plannedEnd(startDate: string, months: number): string | null {
  if (!(months > 0) || months > 120) return null;
  const whole = Math.floor(months);
  const extraDays = Math.round((months - whole) * 30);
  return Temporal.PlainDate.from(startDate)
    .add({ months: whole })
    .add({ days: extraDays })
    .subtract({ days: 1 })
    .toString();
}

export function wonPrefill(d: {
  contact: { name: string; email: string; company: string | null };
  roles: RoleAnswers;
  channel: string;
  today: string;
  realEmail: boolean;
}): WonPrefill {
  const company = d.contact.company ?? d.roles.company ?? d.contact.name;
  const startDate = d.roles.startDate && d.roles.startDate >= d.today ? d.roles.startDate : d.today;
  const source = missionSourceOf(d.channel);
  return {
    clientName: company,
    billingEmail: d.realEmail ? d.contact.email : "",
    title: company,
    dailyRateCents: typeof d.roles.dailyRate === "number" && d.roles.dailyRate > 0 ? d.roles.dailyRate : null,
    startDate,
    plannedEndDate:
      typeof d.roles.durationMonths === "number" ? plannedEnd(startDate, d.roles.durationMonths) : null,
    source,
    billingMode: source === "malt" ? "platform" : "monthly",
  };
}
