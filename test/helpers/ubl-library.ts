// @e-invoice-eu/core as an independent judge of our UBL (tests only: it never enters the Worker bundle).
// Its input format is the UBL Invoice as JSON ("ubl:Invoice", "cbc:"/"cac:" keys, attributes as
// "element@attribute"), checked against its EN 16931 JSON schema (cardinalities and code lists).
// It models the Invoice only: a CreditNote is mapped onto it the way the library maps it back
// (CreditNoteTypeCode, CreditNoteLine, CreditedQuantity), which is how it renders credit notes.
import { type Invoice, InvoiceService, invoiceSchema } from "@e-invoice-eu/core";
import { create } from "xmlbuilder2";
import { type XmlTreeNode, xmlTree } from "./ubl-xml-tree.ts";

export type LibraryFormat = "UBL" | "CII";

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const CREDIT_NOTE_NAMES: Record<string, string> = {
  CreditNote: "Invoice",
  "cbc:CreditNoteTypeCode": "cbc:InvoiceTypeCode",
  "cac:CreditNoteLine": "cac:InvoiceLine",
  "cbc:CreditedQuantity": "cbc:InvoicedQuantity",
};

export interface LibraryInvoice {
  invoice: Invoice;
  /** Elements and attributes of ours the library has no place for (so it would silently drop them). */
  unmapped: string[];
}

/** Our UBL XML as the library's JSON, guided by its schema for what repeats and what nests. */
export function toLibraryInvoice(xml: string): LibraryInvoice {
  const tree = xmlTree(xml);
  const unmapped: string[] = [];
  const rootSchema = (invoiceSchema as SchemaNode).properties?.["ubl:Invoice"];
  const body = objectOf(tree, rootSchema?.properties ?? {}, tree.name, unmapped);
  return { invoice: { "ubl:Invoice": body } as unknown as Invoice, unmapped };
}

function objectOf(
  node: XmlTreeNode,
  properties: Record<string, SchemaNode>,
  path: string,
  unmapped: string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const child of node.children) {
    const name = CREDIT_NOTE_NAMES[child.name] ?? child.name;
    const childPath = `${path}/${child.name}`;
    const schema = properties[name];
    if (!schema) {
      unmapped.push(childPath);
      continue;
    }
    const itemSchema = schema.type === "array" ? (schema.items ?? {}) : schema;
    const value =
      itemSchema.type === "object"
        ? objectOf(child, itemSchema.properties ?? {}, childPath, unmapped)
        : child.text;
    if (schema.type === "array") {
      const items = (result[name] as unknown[] | undefined) ?? [];
      items.push(value);
      result[name] = items;
    } else if (name in result) unmapped.push(`${childPath} (repeated)`);
    else result[name] = value;
    for (const [attribute, attributeValue] of Object.entries(child.attributes)) {
      const key = `${name}@${attribute}`;
      if (key in properties) result[key] = attributeValue;
      else unmapped.push(`${childPath}/@${attribute}`);
    }
  }
  return result;
}

export interface LibraryResult {
  output?: string;
  /** The schema violations the library reported (Ajv errors), empty when it accepted the data. */
  errors: { instancePath: string; message?: string }[];
}

/** Has the library validate `invoice` against its EN 16931 schema and render it in `format`. */
export async function libraryGenerate(invoice: Invoice, format: LibraryFormat): Promise<LibraryResult> {
  const silent = { log() {}, warn() {}, error() {} };
  try {
    const output = await new InvoiceService(silent).generate(invoice, { format, lang: "fr-fr" });
    return { output: typeof output === "string" ? output : new TextDecoder().decode(output), errors: [] };
  } catch (error) {
    const errors = (error as { errors?: LibraryResult["errors"] }).errors;
    if (!Array.isArray(errors)) throw error;
    return { errors };
  }
}

export function describeLibraryErrors(result: LibraryResult): string {
  return result.errors.map((e) => `${e.instancePath}: ${e.message ?? "invalid"}`).join("\n");
}

const RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

/**
 * Covers a gap of the library's CII writer: without a UBL cac:Delivery it leaves out
 * ram:ApplicableHeaderTradeDelivery, which the CII XSD requires even empty (EN 16931 makes BG-13
 * optional, and our CII writes it empty). Inserts that empty element so the XSD checks the rest.
 */
export function withHeaderTradeDelivery(cii: string): string {
  const document = create(cii);
  const settlement = document.find(
    (node) => node.node.nodeName === "ram:ApplicableHeaderTradeSettlement",
    false,
    true,
  );
  if (!settlement) return cii;
  const element = settlement.node as unknown as Element;
  const siblings = Array.from(element.parentNode?.childNodes ?? []);
  if (siblings.some((node) => node.nodeName === "ram:ApplicableHeaderTradeDelivery")) return cii;
  const delivery = element.ownerDocument.createElementNS(RAM, "ram:ApplicableHeaderTradeDelivery");
  element.parentNode?.insertBefore(delivery, element);
  return document.end({ prettyPrint: true });
}
