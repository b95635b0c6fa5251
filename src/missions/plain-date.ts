import { Temporal } from "temporal-polyfill";

/** Strict YYYY-MM-DD (no time, no offset, no week dates); undefined when it is not a real date. */
export function parsePlainDate(value: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    return undefined;
  }
}

/** Strict YYYY-MM; undefined when the month does not exist. */
export function parsePlainYearMonth(value: string): Temporal.PlainYearMonth | undefined {
  if (!/^\d{4}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainYearMonth.from(value, { overflow: "reject" });
  } catch {
    return undefined;
  }
}
