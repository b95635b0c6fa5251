// The owner's days off (holidays, training…), left out when an activity report is prefilled.
import * as z from "zod";
import { plainDateSchema } from "./mission-input.ts";

export const DAYS_OFF_KEY = "daysOff";

export interface DaysOff {
  dates: string[];
}

export const daysOffSchema = z.object({
  dates: z
    .array(plainDateSchema)
    .max(1000)
    .transform((dates) => [...new Set(dates)].sort()),
});
