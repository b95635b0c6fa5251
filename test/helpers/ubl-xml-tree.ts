// Our UBL read back by a real XML parser (xmlbuilder2's DOM) into a plain tree, and XPath over it
// (saxon-js, as the CII tests do), so tests check what a receiver would see.
import { createRequire } from "node:module";
import { create } from "xmlbuilder2";

export interface XmlTreeNode {
  /** The qualified name as written ("cbc:ID", or "Invoice" for the default namespace). */
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlTreeNode[];
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

const ELEMENT_NODE = 1;

export function xmlTree(xml: string): XmlTreeNode {
  return treeOf(create(xml).root().node as unknown as DomNode);
}

function treeOf(element: DomNode): XmlTreeNode {
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes ?? [])) {
    if (attribute.name !== "xmlns" && !attribute.name.startsWith("xmlns:"))
      attributes[attribute.name] = attribute.value;
  }
  const children = Array.from(element.childNodes)
    .filter((node) => node.nodeType === ELEMENT_NODE)
    .map(treeOf);
  return {
    name: element.nodeName,
    attributes,
    text: children.length === 0 ? (element.textContent ?? "") : "",
    children,
  };
}

/** Every element as its path from the root, in document order ("Invoice/cac:TaxTotal/cbc:TaxAmount"). */
export function elementPaths(xml: string): string[] {
  const paths: string[] = [];
  const walk = (node: XmlTreeNode, parent: string) => {
    const path = parent ? `${parent}/${node.name}` : node.name;
    paths.push(path);
    for (const child of node.children) walk(child, path);
  };
  walk(xmlTree(xml), "");
  return paths;
}

interface SaxonJsApi {
  getResource(options: { text: string; type: "xml" }): Promise<unknown>;
  XPath: { evaluate(xpath: string, context: unknown, options?: Record<string, unknown>): unknown };
}
let saxonJs: SaxonJsApi | undefined;

const UBL_XPATH_NAMESPACES = {
  inv: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  cn: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};

/** The string values an XPath 3.1 expression selects in a UBL document (prefixes inv, cn, cac, cbc). */
export async function ublXPath(xml: string, expression: string): Promise<string[]> {
  saxonJs ??= createRequire(import.meta.url)("saxon-js") as SaxonJsApi;
  const document = await saxonJs.getResource({ text: xml, type: "xml" });
  return saxonJs.XPath.evaluate(`array { (${expression}) ! string() }`, document, {
    namespaceContext: UBL_XPATH_NAMESPACES,
  }) as string[];
}
