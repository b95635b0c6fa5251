// Value shapes the response schemas share, so an instant or a date reads the same in every answer.
import * as z from "zod";

/** Every instant the API writes: ISO 8601 with Z or an explicit offset (API.md). */
export const instant = z.iso.datetime({ offset: true });
export const plainDate = z.iso.date();
export const yearMonth = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/);
/** Free-form data the API hands back as it was given (answers, workflow input, timeline details). */
export const jsonObject = z.record(z.string(), z.unknown());
/** Something that looks wrong but was accepted, e.g. a VAT number that does not match the SIREN. */
export const fieldWarning = z.object({ path: z.string(), message: z.string() });
export const localizedText = z.union([z.string(), z.object({ fr: z.string(), en: z.string() })]);
export const postalAddress = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string().meta({ description: "ISO 3166-1 alpha-2" }),
});
