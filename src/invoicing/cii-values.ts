// The object shape xmlbuilder2 turns into XML: keys are element names, "@x" attributes, "#" text;
// arrays repeat an element; undefined leaves it out. Key order is document order, which the XSD checks.
export type XmlValue = string | XmlElement | readonly XmlValue[] | undefined;
export interface XmlElement {
  [name: string]: XmlValue;
}

export const NAMESPACES = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
} as const;

/** "2027-03-31" → a udt:DateTimeString in format 102 (CCYYMMDD). */
export function udtDate(isoDate: string): XmlElement {
  return { "udt:DateTimeString": { "@format": "102", "#": date102(isoDate) } };
}

/** The same for the elements typed qdt:FormattedDateTimeType (BT-26). */
export function qdtDate(isoDate: string): XmlElement {
  return { "qdt:DateTimeString": { "@format": "102", "#": date102(isoDate) } };
}

function date102(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return isoDate.replaceAll("-", "");
}

/** Trimmed text, or undefined for blank so no empty element is written (the schematron rejects them). */
export function text(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function identifier(value: string | undefined | null, schemeID?: string): XmlElement | undefined {
  const id = text(value)?.replace(/\s+/g, "");
  if (!id) return undefined;
  return schemeID ? { "@schemeID": schemeID, "#": id } : { "#": id };
}

/** 9.5 → "9.5"; quantities carry at most three decimals (enforced by the totals). */
export function quantity(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
