import { describe, expect, it } from "vitest";
import {
  frenchVatKey,
  isValidBic,
  isValidIban,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
  luhnIsValid,
  vatNumberWarnings,
} from "../../src/invoicing/identifiers.ts";

describe("identifiers on invoices", () => {
  it("checks SIREN keys (Luhn), ignoring spaces", () => {
    expect(isValidSiren("552100554")).toBe(true);
    expect(isValidSiren("552 100 554")).toBe(true);
    // One digit off, two digits swapped, wrong length, letters.
    for (const bad of ["552100555", "525100554", "55210055", "5521005540", "55210055A", ""])
      expect(isValidSiren(bad), bad).toBe(false);
  });

  it("checks SIRET keys, with La Poste's digit-sum exception", () => {
    expect(isValidSiret("55210055400013")).toBe(true);
    expect(isValidSiret("55210055400014")).toBe(false);
    // La Poste (SIREN 356000000): the Luhn key fails but the digits add up to a multiple of 5.
    expect(luhnIsValid("35600000052135")).toBe(false);
    expect(isValidSiret("35600000052135")).toBe(true);
    expect(isValidSiret("35600000052136")).toBe(false);
    // The exception is La Poste's alone.
    expect(isValidSiret("55210055400010")).toBe(false);
  });

  it("checks IBANs by their mod-97 check digits", () => {
    expect(isValidIban("FR14 2004 1010 0505 0001 3M02 606")).toBe(true);
    expect(isValidIban("FR7630006000011234567890189")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("FR7630006000011234567890188")).toBe(false);
    expect(isValidIban("FR76300060000112345678901")).toBe(false); // a French IBAN has 27 characters
    expect(isValidIban("not an iban")).toBe(false);
  });

  it("checks BIC shapes: 8 or 11 characters, bank and country letters", () => {
    expect(isValidBic("AGRIFRPP")).toBe(true);
    expect(isValidBic("PSSTFRPPPAR")).toBe(true);
    expect(isValidBic("agrifrpp")).toBe(true);
    for (const bad of ["AGRIFRP", "AGRIFRPPPA", "1GRIFRPP", "AGRI12PP"])
      expect(isValidBic(bad), bad).toBe(false);
  });

  it("accepts intra-EU VAT number shapes and warns about a French key that does not match", () => {
    expect(frenchVatKey("552100554")).toBe("96");
    expect(isValidVatNumber("FR96552100554")).toBe(true);
    expect(isValidVatNumber("FR40552100554")).toBe(true);
    expect(isValidVatNumber("DE123456789")).toBe(true);
    expect(isValidVatNumber("FR9655210055")).toBe(false);
    expect(isValidVatNumber("12345")).toBe(false);
    expect(vatNumberWarnings("FR96552100554", "552100554")).toEqual([]);
    expect(vatNumberWarnings("FR40552100554", "552100554")).toEqual([
      "its key 40 does not match the SIREN (expected 96)",
    ]);
    expect(vatNumberWarnings("FR72542051180", "552100554")[0]).toContain("not 552100554");
    expect(vatNumberWarnings("DE123456789", "552100554")).toEqual([]);
  });
});
