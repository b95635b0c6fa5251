// The part of xmlbuilder2 that the CII and XMP builders use, without its DOM (about 80 KiB gzipped with
// @oozcitak/* and js-yaml): the Worker build aliases `xmlbuilder2` to this module (wrangler.toml [alias]).
// It writes the same bytes as xmlbuilder2's pretty printer for those uses (test/runtime/xml-builder.test.ts
// compares them on real invoices and random input), so a Factur-X file is identical on Node and Workers.
//   create(declaration, object) — keys are element names, "@name" attributes, "#" text, arrays repeat;
//   create() with ins/ele(namespace, name)/att/txt, where an element declares its prefix unless an
//   ancestor already did.

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

interface XmlNode {
  name: string;
  attributes: [string, string][];
  children: (XmlNode | { text: string })[];
  parent: XmlNode | null;
}

interface EndOptions {
  headless?: boolean;
  prettyPrint?: boolean;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon < 0 ? "" : qualifiedName.slice(0, colon);
}

function declares(node: XmlNode | null, prefix: string, namespace: string): boolean {
  const attribute = prefix ? `xmlns:${prefix}` : "xmlns";
  for (let at = node; at; at = at.parent)
    for (const [name, value] of at.attributes) if (name === attribute) return value === namespace;
  return false;
}

function newNode(name: string, parent: XmlNode | null, namespace?: string | null): XmlNode {
  const node: XmlNode = { name, attributes: [], children: [], parent };
  const prefix = prefixOf(name);
  if (namespace && !declares(parent, prefix, namespace))
    node.attributes.push([prefix ? `xmlns:${prefix}` : "xmlns", namespace]);
  return node;
}

export class XmlBuilder {
  readonly node: XmlNode;
  constructor(node: XmlNode) {
    this.node = node;
  }
  ele(namespaceOrName: string | null, name?: string): XmlBuilder {
    const child =
      name === undefined
        ? newNode(String(namespaceOrName), this.node)
        : newNode(name, this.node, namespaceOrName);
    this.node.children.push(child);
    return new XmlBuilder(child);
  }
  att(namespaceOrName: string | null, nameOrValue: string, value?: string): XmlBuilder {
    if (value === undefined) {
      this.node.attributes.push([String(namespaceOrName), nameOrValue]);
      return this;
    }
    const prefix = prefixOf(nameOrValue);
    if (namespaceOrName && prefix && prefix !== "xml" && !declares(this.node, prefix, namespaceOrName))
      this.node.attributes.push([`xmlns:${prefix}`, namespaceOrName]);
    this.node.attributes.push([nameOrValue, value]);
    return this;
  }
  txt(text: string): XmlBuilder {
    if (text !== "") this.node.children.push({ text });
    return this;
  }
}

function fromObject(parent: XmlNode, name: string, value: Value): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) fromObject(parent, name, item);
    return;
  }
  const node = newNode(name, parent);
  parent.children.push(node);
  if (typeof value !== "object") {
    if (String(value) !== "") node.children.push({ text: String(value) });
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined || inner === null) continue;
    if (key.startsWith("@")) node.attributes.push([key.slice(1), String(inner)]);
    else if (key === "#") {
      if (String(inner) !== "") node.children.push({ text: String(inner) });
    } else fromObject(node, key, inner);
  }
}

function serialize(node: XmlNode, depth: number, pretty: boolean): string {
  const indent = pretty ? "  ".repeat(depth) : "";
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children.length === 0) return `${open}/>`;
  const only = node.children[0];
  if (node.children.length === 1 && only && "text" in only)
    return `${open}>${escapeText(only.text)}</${node.name}>`;
  const newline = pretty ? "\n" : "";
  const inner = node.children.map((child) =>
    "text" in child
      ? `${pretty ? "  ".repeat(depth + 1) : ""}${escapeText(child.text)}`
      : serialize(child, depth + 1, pretty),
  );
  return `${open}>${newline}${inner.join(newline)}${newline}${indent}</${node.name}>`;
}

export class XmlDocument {
  private readonly declaration: { version?: string; encoding?: string; standalone?: boolean } | undefined;
  private readonly top: (XmlNode | { instruction: string })[] = [];
  constructor(declaration?: { version?: string; encoding?: string; standalone?: boolean }) {
    this.declaration = declaration;
  }
  ins(target: string, content = ""): XmlDocument {
    this.top.push({ instruction: content ? `<?${target} ${content}?>` : `<?${target}?>` });
    return this;
  }
  ele(namespaceOrName: string | null, name?: string): XmlBuilder {
    const root =
      name === undefined ? newNode(String(namespaceOrName), null) : newNode(name, null, namespaceOrName);
    this.top.push(root);
    return new XmlBuilder(root);
  }
  /** Adds the root of the object form. */
  add(object: { [key: string]: Value }): void {
    const holder: XmlNode = { name: "", attributes: [], children: [], parent: null };
    for (const [name, value] of Object.entries(object)) fromObject(holder, name, value);
    for (const child of holder.children)
      if (!("text" in child)) {
        child.parent = null;
        this.top.push(child);
      }
  }
  end(options: EndOptions = {}): string {
    const pretty = options.prettyPrint === true;
    const d = this.declaration;
    const head = options.headless
      ? []
      : [
          `<?xml version="${d?.version ?? "1.0"}"${d?.encoding ? ` encoding="${d.encoding}"` : ""}${
            d?.standalone === undefined ? "" : ` standalone="${d.standalone ? "yes" : "no"}"`
          }?>`,
        ];
    const body = this.top.map((item) =>
      "instruction" in item ? item.instruction : serialize(item, 0, pretty),
    );
    return [...head, ...body].join(pretty ? "\n" : "");
  }
}

export function create(
  declaration?: { version?: string; encoding?: string; standalone?: boolean },
  object?: { [key: string]: Value },
): XmlDocument {
  const document = new XmlDocument(declaration);
  if (object) document.add(object);
  return document;
}
