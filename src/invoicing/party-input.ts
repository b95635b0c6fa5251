// Input schemas for the identities on an invoice (the owner's business, a client): addresses and the
// identifiers, normalised (no spaces, upper case) and checked with their keys.
import * as z from "zod";
import {
  compactIdentifier,
  isValidBic,
  isValidIban,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
} from "./identifiers.ts";

/** Forms send "" for a field left empty: that means absent, not invalid. */
export function blankAsAbsent<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);
}

const line = (max: number) => z.string().trim().min(1, "is required").max(max);

export const addressSchema = z.object({
  line1: line(200),
  line2: blankAsAbsent(z.string().trim().max(200).optional()),
  postalCode: line(20),
  city: line(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "use an ISO 3166 alpha-2 code such as FR"),
});
export type AddressInput = z.output<typeof addressSchema>;

const identifier = (check: (v: string) => boolean, message: string) =>
  z.string().max(50).transform(compactIdentifier).refine(check, message);

export const sirenSchema = identifier(isValidSiren, "is not a valid SIREN (9 digits with a valid key)");
export const siretSchema = identifier(isValidSiret, "is not a valid SIRET (14 digits with a valid key)");
export const vatNumberSchema = identifier(
  isValidVatNumber,
  "is not a valid intra-EU VAT number (FR: FR + 2-digit key + SIREN)",
);
export const ibanSchema = identifier(isValidIban, "is not a valid IBAN (its check digits do not match)");
export const bicSchema = identifier(isValidBic, "is not a valid BIC (8 or 11 letters and digits)");
export const emailSchema = z.string().trim().max(254).pipe(z.email("is not a valid email address"));

/** A SIRET is a SIREN followed by the establishment's five digits (checked once both are valid). */
export function siretMatchesSiren(
  siren: string | undefined | null,
  siret: string | undefined | null,
): boolean {
  if (!siren || !siret || !isValidSiren(siren) || !isValidSiret(siret)) return true;
  return siret.startsWith(siren);
}
