// The owner's business identity (the seller on every invoice), as PUT /api/settings/business takes it.
// Every value is checked when given, but none is required to save: the owner may fill the form in
// several goes. What an invoice legally needs is checked when one is issued (missingMandatoryFields).
import * as z from "zod";
import { vatNumberWarnings } from "./identifiers.ts";
import type { Seller } from "./invoice-model.ts";
import { missingMandatoryFields } from "./mandatory-fields.ts";
import { isValidInvoicePrefix } from "./numbering.ts";
import {
  addressSchema,
  bicSchema,
  blankAsAbsent,
  emailSchema,
  ibanSchema,
  sirenSchema,
  siretMatchesSiren,
  siretSchema,
  vatNumberSchema,
} from "./party-input.ts";

export const BUSINESS_SETTINGS_KEY = "business";

const text = (max: number) => blankAsAbsent(z.string().trim().max(max).optional());
const optional = <S extends z.ZodType>(schema: S) => blankAsAbsent(schema.optional());
const prefixSchema = z
  .string()
  .trim()
  .refine(isValidInvoicePrefix, "use 1 to 16 letters, digits, - or _ (not at either end)");

export const businessSettingsSchema = z
  .object({
    legalName: text(200),
    tradeName: text(200),
    legalForm: optional(z.string().trim().toUpperCase().max(20)),
    siren: optional(sirenSchema),
    siret: optional(siretSchema),
    vatNumber: optional(vatNumberSchema.nullable()),
    vatFranchise: z.boolean().optional(),
    address: addressSchema.optional(),
    email: optional(emailSchema),
    iban: optional(ibanSchema),
    bic: optional(bicSchema),
    capitalCents: optional(z.int().min(0).max(1e13).nullable()),
    rcs: optional(z.string().trim().max(120).nullable()),
    invoicePrefix: optional(prefixSchema),
    creditNotePrefix: optional(prefixSchema),
    latePenaltyRate: text(200),
    earlyPaymentDiscount: text(200),
  })
  .superRefine((s, ctx) => {
    if (!siretMatchesSiren(s.siren, s.siret))
      ctx.addIssue({ code: "custom", path: ["siret"], message: "must start with the SIREN" });
    if (s.invoicePrefix && s.creditNotePrefix && s.invoicePrefix === s.creditNotePrefix)
      ctx.addIssue({
        code: "custom",
        path: ["creditNotePrefix"],
        message: "must differ from the invoice prefix: each series is numbered on its own",
      });
  });

export type BusinessSettings = z.output<typeof businessSettingsSchema>;

/** Drops nulls so the stored value only has what the owner gave. */
export function normalizeBusinessSettings(input: BusinessSettings): BusinessSettings {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
  ) as BusinessSettings;
}

/** The seller as far as the settings go: whatever is missing stays missing for missingMandatoryFields. */
export function sellerFromSettings(s: BusinessSettings | undefined): Partial<Seller> {
  if (!s) return {};
  const seller: Partial<Seller> = {
    legalName: s.legalName,
    tradeName: s.tradeName,
    legalForm: s.legalForm,
    siren: s.siren,
    siret: s.siret,
    vatNumber: s.vatNumber ?? undefined,
    vatFranchise: s.vatFranchise,
    address: s.address,
    email: s.email,
    iban: s.iban,
    bic: s.bic,
    capitalCents: s.capitalCents ?? undefined,
    rcs: s.rcs ?? undefined,
  };
  return Object.fromEntries(Object.entries(seller).filter(([, v]) => v !== undefined)) as Partial<Seller>;
}

/** Seller fields French law wants on an invoice that the settings still lack ("seller.siret", …). */
export function missingSellerFields(s: BusinessSettings | undefined): string[] {
  return missingMandatoryFields({ seller: sellerFromSettings(s) }).filter((f) => f.startsWith("seller."));
}

/** The settings as the API shows them: what is stored, what an invoice still needs, what looks wrong. */
export function businessSettingsView(s: BusinessSettings | undefined) {
  return {
    ...(s ?? {}),
    missingMandatoryFields: missingSellerFields(s),
    warnings: vatNumberWarnings(s?.vatNumber, s?.siren).map((message) => ({ path: "vatNumber", message })),
  };
}
