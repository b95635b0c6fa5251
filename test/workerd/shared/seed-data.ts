// Request bodies shared by the runtime suites, with dates relative to the real clock (workerd cannot
// move its clock, so neither do these tests).

import { BUSINESS } from "../../fixtures/business.ts";

export { BUSINESS };

export const CLIENT = {
  name: "Société Générale d'Études & Conseil",
  address: { line1: "1 place de la Défense", postalCode: "92400", city: "Courbevoie", country: "FR" },
  siren: "542051180",
  vatNumber: "FR72542051180",
  billingEmail: "compta@sgec.example",
  locale: "fr",
};

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar month before the current one, as the API's period bounds. */
export function lastMonth(now = Date.now()): { start: string; end: string; month: string } {
  const today = new Date(now);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return {
    start: isoDay(start.getTime()),
    end: isoDay(end.getTime()),
    month: isoDay(start.getTime()).slice(0, 7),
  };
}

export function missionFor(clientId: string, title = "Refonte de l'API de facturation") {
  const { start } = lastMonth(Date.now() - 62 * 86_400_000);
  return {
    clientId,
    title,
    dailyRateCents: 60_000,
    currency: "EUR",
    startDate: start,
    source: "malt",
    paymentTermsDays: 30,
    billingMode: "monthly",
  };
}

/** An event type open around the clock, every day, in Paris. */
export function openWeek() {
  const allDay = [["00:00", "24:00"]];
  return {
    timeZone: "Europe/Paris",
    weeklyHours: {
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    },
    horizonDays: 30,
  };
}
