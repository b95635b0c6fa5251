// Checks on the identifiers printed on an invoice: SIREN, SIRET, intra-EU VAT number, IBAN, BIC.
// A typo in any of them makes an invoice the client's accounting (or the tax office) rejects, so
// they are caught where they are typed, with the check digits each one carries.

/** La Poste's establishments are too many for the Luhn key: their SIRET digits add up to a multiple of 5. */
const LA_POSTE_SIREN = "356000000";

export function compactIdentifier(value: string): string {
  return value.replace(/[\s.-]+/g, "").toUpperCase();
}

/** Luhn (mod 10) over a string of digits, as INSEE keys SIREN and SIRET. */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  const siren = compactIdentifier(value);
  return /^\d{9}$/.test(siren) && luhnIsValid(siren);
}

export function isValidSiret(value: string): boolean {
  const siret = compactIdentifier(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnIsValid(siret)) return true;
  if (!siret.startsWith(LA_POSTE_SIREN)) return false;
  const digitSum = [...siret].reduce((total, d) => total + Number(d), 0);
  return digitSum % 5 === 0;
}

/** The two-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

/**
 * The shape of an intra-EU VAT number: a country prefix and 2 to 12 letters or digits; a French one
 * is "FR", a two-character key and a SIREN. The key itself is checked by vatNumberWarnings.
 */
export function isValidVatNumber(value: string): boolean {
  const vat = compactIdentifier(value);
  if (vat.startsWith("FR")) return /^FR[0-9A-Z]{2}\d{9}$/.test(vat);
  return /^(EL|[A-Z]{2})[0-9A-Z+*]{2,12}$/.test(vat);
}

/**
 * What looks wrong in a French VAT number without proving it: a key that does not match its SIREN,
 * or a SIREN other than the company's. Warnings, not errors: numbers from old registrations and
 * test data do not always follow the key, and only the tax office's VIES check is authoritative.
 */
export function vatNumberWarnings(value: string | null | undefined, siren?: string | null): string[] {
  if (!value) return [];
  const match = /^FR(\d{2})(\d{9})$/.exec(compactIdentifier(value));
  if (!match) return [];
  const [, key = "", vatSiren = ""] = match;
  const warnings: string[] = [];
  if (siren && vatSiren !== siren) warnings.push(`contains the SIREN ${vatSiren}, not ${siren}`);
  if (key !== frenchVatKey(vatSiren))
    warnings.push(`its key ${key} does not match the SIREN (expected ${frenchVatKey(vatSiren)})`);
  return warnings;
}

/** ISO 13616: letters and digits, 15 to 34 long, and the mod-97 of the rearranged number is 1. */
export function isValidIban(value: string): boolean {
  const iban = compactIdentifier(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith("FR") && iban.length !== 27) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** ISO 9362: bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(compactIdentifier(value));
}
