// Days and totals of an activity report as people read them; fixed tables, not Intl, so the text never
// depends on the ICU build.
import { formatDate, monthLabel } from "../invoicing/date-text.ts";
import { parsePlainDate } from "./plain-date.ts";

const WEEKDAYS = {
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};
const SHORT_WEEKDAYS = {
  fr: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

export function weekdayName(date: string, locale: "fr" | "en", short = false): string {
  const parsed = parsePlainDate(date);
  if (!parsed) return "";
  return (short ? SHORT_WEEKDAYS : WEEKDAYS)[locale][parsed.dayOfWeek - 1] ?? "";
}

/** "lundi 01/03/2027" / "Monday 1 March 2027". */
export function dayLabel(date: string, locale: "fr" | "en"): string {
  return `${weekdayName(date, locale)} ${formatDate(date, locale)}`;
}

/** "lun. 01/03" / "Mon 1 Mar": short enough for a row of the days grid on a phone. */
export function shortDayLabel(date: string, locale: "fr" | "en"): string {
  const [, month = "", day = ""] = date.split("-");
  const weekday = weekdayName(date, locale, true);
  if (locale === "fr") return `${weekday} ${day}/${month}`;
  const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
  return `${weekday} ${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
}

/** 1 → "1 jour", 0.5 → "½ journée", 12.5 → "12,5 jours" / "12.5 days". */
export function daysText(days: number, locale: "fr" | "en"): string {
  if (days === 0.5) return locale === "fr" ? "½ journée" : "½ day";
  const number = locale === "fr" ? String(days).replace(".", ",") : String(days);
  if (locale === "fr") return `${number} ${days <= 1 ? "jour" : "jours"}`;
  return `${number} ${days === 1 ? "day" : "days"}`;
}

export { monthLabel };
