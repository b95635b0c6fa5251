import type { XmlElement } from "./cii-values.ts";
import { identifier, text } from "./cii-values.ts";
import type { Buyer, PostalAddress, Seller, VatMode } from "./invoice-model.ts";
import { sellerDisplayName } from "./legal-mentions.ts";

// Identifier schemes (ISO 6523 ICD, as the French Factur-X practice uses them):
//   0009 SIRET as the party identifier (BT-29 / BT-46), 0002 SIREN as the legal registration (BT-30 / BT-47),
//   VA for a VAT number (BT-31 / BT-48), FC for the seller's local tax registration (BT-32),
//   EM for an e-mail electronic address (BT-34 / BT-49).
const SIRET_SCHEME = "0009";
const SIREN_SCHEME = "0002";

/** BG-4. Under the franchise there is no VAT number, so the SIRET goes in as BT-32 (FC) to satisfy BR-E-02. */
export function sellerParty(seller: Seller, vatMode: VatMode): XmlElement {
  // BR-O-02: an invoice not subject to VAT must not carry the seller's VAT number.
  const vatNumber = vatMode === "outside-scope" ? undefined : identifier(seller.vatNumber, "VA");
  return {
    "ram:GlobalID": identifier(seller.siret, SIRET_SCHEME),
    "ram:Name": sellerDisplayName(seller),
    "ram:SpecifiedLegalOrganization": {
      "ram:ID": identifier(seller.siren, SIREN_SCHEME),
      "ram:TradingBusinessName": text(seller.tradeName),
    },
    "ram:DefinedTradeContact": text(seller.email)
      ? { "ram:EmailURIUniversalCommunication": { "ram:URIID": text(seller.email) } }
      : undefined,
    "ram:PostalTradeAddress": postalAddress(seller.address),
    "ram:URIUniversalCommunication": electronicAddress(seller.email),
    "ram:SpecifiedTaxRegistration": vatNumber
      ? { "ram:ID": vatNumber }
      : { "ram:ID": identifier(seller.siret, "FC") },
  };
}

/** BG-7. A reverse-charge invoice needs the client's VAT number (BR-AE-02); an out-of-scope one must not have it. */
export function buyerParty(buyer: Buyer, vatMode: VatMode): XmlElement {
  const vatNumber = vatMode === "outside-scope" ? undefined : identifier(buyer.vatNumber, "VA");
  const siren = identifier(buyer.siren, SIREN_SCHEME);
  return {
    "ram:GlobalID": identifier(buyer.siret, SIRET_SCHEME),
    "ram:Name": buyer.name.trim(),
    "ram:SpecifiedLegalOrganization": siren ? { "ram:ID": siren } : undefined,
    "ram:PostalTradeAddress": postalAddress(buyer.address),
    "ram:URIUniversalCommunication": electronicAddress(buyer.billingEmail),
    "ram:SpecifiedTaxRegistration": vatNumber ? { "ram:ID": vatNumber } : undefined,
  };
}

/** BG-5 / BG-8, in the element order of TradeAddressType. */
function postalAddress(address: PostalAddress): XmlElement {
  return {
    "ram:PostcodeCode": text(address.postalCode),
    "ram:LineOne": text(address.line1),
    "ram:LineTwo": text(address.line2),
    "ram:CityName": text(address.city),
    "ram:CountryID": address.country.trim().toUpperCase(),
  };
}

function electronicAddress(email: string | undefined): XmlElement | undefined {
  const uri = identifier(email, "EM");
  return uri ? { "ram:URIID": uri } : undefined;
}
