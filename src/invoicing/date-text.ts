// Dates as printed on invoices; fixed tables rather than Intl so the text never depends on the ICU build.
const MONTHS = {
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
  en: "January February March April May June July August September October November December".split(" "),
};

/** "2027-05-01" → "01/05/2027" (fr) or "1 May 2027" (en). */
export function formatDate(isoDate: string, locale: "fr" | "en"): string {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  if (locale === "fr") return `${day}/${month}/${year}`;
  return `${Number(day)} ${MONTHS.en[Number(month) - 1] ?? month} ${year}`;
}

/** "2027-03" → "mars 2027" / "March 2027". */
export function monthLabel(month: string, locale: "fr" | "en"): string {
  const [year = "", monthNumber = ""] = month.split("-");
  return `${MONTHS[locale][Number(monthNumber) - 1] ?? monthNumber} ${year}`;
}
