import type { Buyer, Seller, VatCategory, VatMode } from "./invoice-model.ts";

const EU_MEMBER_STATES = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

/** Monaco is inside the French VAT territory (Franco-Monegasque convention of 1963). */
const FRENCH_VAT_TERRITORY = new Set(["FR", "MC"]);

export const FRANCHISE_REASON = "TVA non applicable, art. 293 B du CGI";
export const REVERSE_CHARGE_REASON = "Autoliquidation";
export const OUTSIDE_SCOPE_REASON = "TVA non applicable, art. 259-1 du CGI";

export interface VatTreatment {
  category: VatCategory;
  /** BT-120, mandatory on the invoice for every category but S. */
  exemptionReason?: string;
  /** BT-121, from the VATEX code list the EN 16931 schematron checks. */
  exemptionReasonCode?: string;
}

/**
 * Which VAT regime a services invoice falls under. Services between businesses are taxed where the
 * client is established (art. 259-1 CGI), so the client's country decides, unless the seller is
 * under the franchise, which wins: such a seller charges no VAT at all.
 */
export function vatModeFor(
  seller: Pick<Seller, "vatFranchise">,
  buyer: Pick<Buyer, "address" | "vatNumber">,
): VatMode {
  if (seller.vatFranchise) return "franchise";
  const country = buyer.address.country.toUpperCase();
  if (FRENCH_VAT_TERRITORY.has(country)) return "standard";
  if (EU_MEMBER_STATES.has(country)) return buyer.vatNumber ? "reverse-charge" : "standard";
  return "outside-scope";
}

export function vatTreatment(mode: VatMode): VatTreatment {
  switch (mode) {
    case "standard":
      return { category: "S" };
    case "franchise":
      return { category: "E", exemptionReason: FRANCHISE_REASON, exemptionReasonCode: "VATEX-FR-FRANCHISE" };
    case "reverse-charge":
      return { category: "AE", exemptionReason: REVERSE_CHARGE_REASON, exemptionReasonCode: "VATEX-EU-AE" };
    case "outside-scope":
      return { category: "O", exemptionReason: OUTSIDE_SCOPE_REASON, exemptionReasonCode: "VATEX-EU-O" };
  }
}

export function isEuMemberState(country: string): boolean {
  return EU_MEMBER_STATES.has(country.toUpperCase());
}
