// A client as POST/PATCH /api/clients and the dashboard form take it.
import * as z from "zod";
import {
  addressSchema,
  blankAsAbsent,
  emailSchema,
  sirenSchema,
  siretMatchesSiren,
  siretSchema,
  vatNumberSchema,
} from "../invoicing/party-input.ts";
import { LOCALES } from "../platform/i18n.ts";

const optional = <S extends z.ZodType>(schema: S) => blankAsAbsent(schema.nullable().optional());

const contactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: blankAsAbsent(emailSchema.optional()),
  phone: blankAsAbsent(z.string().trim().max(40).optional()),
  role: blankAsAbsent(z.string().trim().max(100).optional()),
});

const clientFields = {
  name: z.string().trim().min(1, "is required").max(200),
  address: addressSchema,
  siren: optional(sirenSchema),
  siret: optional(siretSchema),
  vatNumber: optional(vatNumberSchema),
  billingEmail: emailSchema,
  locale: z.enum(LOCALES).default("fr"),
  contacts: z.array(contactSchema).max(20).optional(),
};

function sirenAndSiretAgree(c: { siren?: string | null; siret?: string | null }, ctx: z.RefinementCtx) {
  if (!siretMatchesSiren(c.siren, c.siret))
    ctx.addIssue({ code: "custom", path: ["siret"], message: "must start with the SIREN" });
}

export const clientInputSchema = z.object(clientFields).superRefine(sirenAndSiretAgree);
export type ClientInput = z.output<typeof clientInputSchema>;

/** PATCH: any subset; merged over the stored client and validated whole again. */
export const clientPatchSchema = z.object(clientFields).partial();
