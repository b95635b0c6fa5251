import type { XmlElement } from "./cii-values.ts";
import { identifier, text } from "./cii-values.ts";
import type { Buyer, PostalAddress, Seller, VatMode } from "./invoice-model.ts";
import { sellerDisplayName } from "./legal-mentions.ts";

// The same identifiers as the CII (cii-parties.ts), placed where the EN 16931 UBL binding puts them:
//   BT-29 / BT-46 SIRET (ICD 0009) in PartyIdentification, BT-30 / BT-47 SIREN (ICD 0002) in
//   PartyLegalEntity/CompanyID, BT-31 / BT-48 in PartyTaxScheme with TaxScheme "VAT", BT-32 in a
//   PartyTaxScheme whose TaxScheme is anything but "VAT" (here "FC", the code the CII uses for it),
//   BT-34 / BT-49 the e-mail as EndpointID (scheme EM).
const SIRET_SCHEME = "0009";
const SIREN_SCHEME = "0002";
const SELLER_TAX_REGISTRATION_SCHEME = "FC";

/** cac:AccountingSupplierParty/cac:Party (BG-4), in the element order of PartyType. */
export function supplierParty(seller: Seller, vatMode: VatMode): XmlElement {
  // BR-O-02: an invoice not subject to VAT must not carry the seller's VAT number; under the
  // franchise there is none, so the SIRET goes in as BT-32 to satisfy BR-E-02.
  const vatNumber = vatMode === "outside-scope" ? undefined : identifier(seller.vatNumber);
  return {
    "cbc:EndpointID": identifier(seller.email, "EM"),
    "cac:PartyIdentification": { "cbc:ID": identifier(seller.siret, SIRET_SCHEME) },
    "cac:PartyName": text(seller.tradeName) ? { "cbc:Name": text(seller.tradeName) } : undefined,
    "cac:PostalAddress": postalAddress(seller.address),
    "cac:PartyTaxScheme": vatNumber
      ? taxScheme(vatNumber, "VAT")
      : taxScheme(identifier(seller.siret), SELLER_TAX_REGISTRATION_SCHEME),
    "cac:PartyLegalEntity": {
      "cbc:RegistrationName": sellerDisplayName(seller),
      "cbc:CompanyID": identifier(seller.siren, SIREN_SCHEME),
    },
    "cac:Contact": text(seller.email) ? { "cbc:ElectronicMail": text(seller.email) } : undefined,
  };
}

/** cac:AccountingCustomerParty/cac:Party (BG-7). Reverse charge needs the client's VAT number (BR-AE-02). */
export function customerParty(buyer: Buyer, vatMode: VatMode): XmlElement {
  const vatNumber = vatMode === "outside-scope" ? undefined : identifier(buyer.vatNumber);
  const siret = identifier(buyer.siret, SIRET_SCHEME);
  return {
    "cbc:EndpointID": identifier(buyer.billingEmail, "EM"),
    "cac:PartyIdentification": siret ? { "cbc:ID": siret } : undefined,
    "cac:PostalAddress": postalAddress(buyer.address),
    "cac:PartyTaxScheme": vatNumber ? taxScheme(vatNumber, "VAT") : undefined,
    "cac:PartyLegalEntity": {
      "cbc:RegistrationName": buyer.name.trim(),
      "cbc:CompanyID": identifier(buyer.siren, SIREN_SCHEME),
    },
  };
}

function taxScheme(companyId: XmlElement | undefined, scheme: string): XmlElement | undefined {
  return companyId ? { "cbc:CompanyID": companyId, "cac:TaxScheme": { "cbc:ID": scheme } } : undefined;
}

/** BG-5 / BG-8, in the element order of AddressType. */
function postalAddress(address: PostalAddress): XmlElement {
  return {
    "cbc:StreetName": text(address.line1),
    "cbc:AdditionalStreetName": text(address.line2),
    "cbc:CityName": text(address.city),
    "cbc:PostalZone": text(address.postalCode),
    "cac:Country": { "cbc:IdentificationCode": address.country.trim().toUpperCase() },
  };
}
