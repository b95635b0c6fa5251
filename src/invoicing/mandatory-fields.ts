import type { Buyer, Seller } from "./invoice-model.ts";

// What stored settings may look like before the owner has filled them in: anything may be absent or null.
type Loose<T> = { [K in keyof T]?: (T[K] extends object ? Loose<T[K]> : T[K]) | null };

export interface InvoiceContext {
  seller?: Loose<Seller> | null;
  buyer?: Loose<Buyer> | null;
}

/** Sole traders have no share capital and are not in the RCS as a company is. */
const SOLE_TRADER_FORMS = new Set(["EI", "EIRL"]);
const ADDRESS_FIELDS = ["line1", "postalCode", "city", "country"] as const;

/**
 * Every identity field French law requires on an invoice that is still missing, as dotted paths
 * ("seller.siret", "buyer.address.city"), so the owner fixes them all in one go before issuing.
 */
export function missingMandatoryFields(context: InvoiceContext): string[] {
  return [...missingSellerFields(context.seller ?? {}), ...missingBuyerFields(context.buyer ?? {})];
}

function missingSellerFields(seller: Loose<Seller>): string[] {
  const missing: string[] = [];
  for (const field of ["legalName", "legalForm", "siren", "siret"] as const) {
    if (isBlank(seller[field])) missing.push(`seller.${field}`);
  }
  missing.push(...missingAddressFields("seller.address", seller.address));
  for (const field of ["email", "iban", "bic"] as const) {
    if (isBlank(seller[field])) missing.push(`seller.${field}`);
  }
  if (typeof seller.vatFranchise !== "boolean") missing.push("seller.vatFranchise");
  else if (!seller.vatFranchise && isBlank(seller.vatNumber)) missing.push("seller.vatNumber");
  const legalForm = seller.legalForm?.trim().toUpperCase();
  if (legalForm && !SOLE_TRADER_FORMS.has(legalForm)) {
    if (typeof seller.capitalCents !== "number") missing.push("seller.capitalCents");
    if (isBlank(seller.rcs)) missing.push("seller.rcs");
  }
  return missing;
}

function missingBuyerFields(buyer: Loose<Buyer>): string[] {
  const missing: string[] = [];
  if (isBlank(buyer.name)) missing.push("buyer.name");
  missing.push(...missingAddressFields("buyer.address", buyer.address));
  // Only French clients have a SIREN; a foreign client is identified by name, address and VAT number.
  if (buyer.address?.country?.trim().toUpperCase() === "FR" && isBlank(buyer.siren))
    missing.push("buyer.siren");
  return missing;
}

function missingAddressFields(path: string, address: Loose<Seller["address"]> | null | undefined): string[] {
  return ADDRESS_FIELDS.filter((field) => isBlank(address?.[field])).map((field) => `${path}.${field}`);
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === "";
}
