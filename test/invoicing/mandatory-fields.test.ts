import { describe, expect, it } from "vitest";
import { missingMandatoryFields } from "../../src/invoicing/mandatory-fields.ts";
import { americanClient, frenchClient, germanClient, microEntrepreneur, sasu } from "./fixtures.ts";

describe("missingMandatoryFields", () => {
  it("finds nothing missing for complete sellers and clients", () => {
    for (const seller of [microEntrepreneur, sasu]) {
      for (const buyer of [frenchClient, germanClient, americanClient]) {
        expect(missingMandatoryFields({ seller, buyer })).toEqual([]);
      }
    }
  });

  it("lists every missing identity field when nothing is set up yet", () => {
    expect(missingMandatoryFields({})).toEqual([
      "seller.legalName",
      "seller.legalForm",
      "seller.siren",
      "seller.siret",
      "seller.address.line1",
      "seller.address.postalCode",
      "seller.address.city",
      "seller.address.country",
      "seller.email",
      "seller.iban",
      "seller.bic",
      "seller.vatFranchise",
      "buyer.name",
      "buyer.address.line1",
      "buyer.address.postalCode",
      "buyer.address.city",
      "buyer.address.country",
    ]);
  });

  it("treats blank strings and nulls as missing", () => {
    const seller = { ...sasu, siret: "  ", bic: null, address: { ...sasu.address, city: "" } };
    const buyer = { ...frenchClient, siren: null, address: { ...frenchClient.address, city: " " } };
    expect(missingMandatoryFields({ seller, buyer })).toEqual([
      "seller.siret",
      "seller.address.city",
      "seller.bic",
      "buyer.address.city",
      "buyer.siren",
    ]);
  });

  it("wants a VAT number unless the seller is under the franchise", () => {
    const { vatNumber: _, ...withoutVat } = sasu;
    expect(missingMandatoryFields({ seller: withoutVat, buyer: frenchClient })).toEqual(["seller.vatNumber"]);
    expect(
      missingMandatoryFields({ seller: { ...withoutVat, vatFranchise: true }, buyer: frenchClient }),
    ).toEqual([]);
  });

  it("wants capital and RCS from a company, not from a sole trader", () => {
    const { capitalCents: _c, rcs: _r, ...bare } = sasu;
    expect(missingMandatoryFields({ seller: bare, buyer: frenchClient })).toEqual([
      "seller.capitalCents",
      "seller.rcs",
    ]);
    expect(missingMandatoryFields({ seller: { ...bare, legalForm: "EI" }, buyer: frenchClient })).toEqual([]);
  });

  it("wants a SIREN only from a French client", () => {
    const { siren: _, ...frenchWithout } = frenchClient;
    expect(missingMandatoryFields({ seller: sasu, buyer: frenchWithout })).toEqual(["buyer.siren"]);
    expect(missingMandatoryFields({ seller: sasu, buyer: germanClient })).toEqual([]);
  });
});
