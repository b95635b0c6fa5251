import { create } from "xmlbuilder2";

// The XMP metadata packet of a Factur-X PDF/A-3b: PDF/A identification, the Dublin Core and XMP
// fields mirroring the Info dictionary (PDF/A requires the two to agree), and the Factur-X properties
// with the extension schema that declares them (PDF/A only admits custom properties so declared).

type XMLBuilder = ReturnType<typeof create>;

const NS = {
  x: "adobe:ns:meta/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  pdfaid: "http://www.aiim.org/pdfa/ns/id/",
  dc: "http://purl.org/dc/elements/1.1/",
  pdf: "http://ns.adobe.com/pdf/1.3/",
  xmp: "http://ns.adobe.com/xap/1.0/",
  xmpMM: "http://ns.adobe.com/xap/1.0/mm/",
  fx: "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
  pdfaExtension: "http://www.aiim.org/pdfa/ns/extension/",
  pdfaSchema: "http://www.aiim.org/pdfa/ns/schema#",
  pdfaProperty: "http://www.aiim.org/pdfa/ns/property#",
} as const;

export const FACTUR_X = {
  documentFileName: "factur-x.xml",
  documentType: "INVOICE",
  version: "1.0",
  conformanceLevel: "EN 16931",
} as const;

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  /** Info /Creator. */
  creatorTool: string;
  producer: string;
  /** ISO 8601 instant; the document is created and last modified at the same time. */
  createDate: string;
  /** "uuid:…", stable for a given document. */
  documentId: string;
}

const FACTUR_X_PROPERTIES: [name: string, description: string][] = [
  ["DocumentFileName", "The name of the embedded XML document"],
  ["DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"],
  ["Version", "The actual version of the standard applying to the embedded XML document"],
  ["ConformanceLevel", "The conformance level of the embedded XML document"],
];

export function buildXmp(fields: XmpFields): string {
  const doc = create();
  doc.ins("xpacket", 'begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"');
  const rdf = doc.ele(NS.x, "x:xmpmeta").ele(NS.rdf, "rdf:RDF");
  const describe = (prefix: keyof typeof NS) =>
    rdf.ele(NS.rdf, "rdf:Description").att(NS.rdf, "rdf:about", "").att(`xmlns:${prefix}`, NS[prefix]);

  const id = describe("pdfaid");
  id.ele(NS.pdfaid, "pdfaid:part").txt("3");
  id.ele(NS.pdfaid, "pdfaid:conformance").txt("B");

  const dc = describe("dc");
  dc.ele(NS.dc, "dc:format").txt("application/pdf");
  languageAlternative(dc.ele(NS.dc, "dc:title"), fields.title);
  dc.ele(NS.dc, "dc:creator").ele(NS.rdf, "rdf:Seq").ele(NS.rdf, "rdf:li").txt(fields.author);
  languageAlternative(dc.ele(NS.dc, "dc:description"), fields.subject);

  describe("pdf").ele(NS.pdf, "pdf:Producer").txt(fields.producer);

  const xmp = describe("xmp");
  xmp.ele(NS.xmp, "xmp:CreatorTool").txt(fields.creatorTool);
  xmp.ele(NS.xmp, "xmp:CreateDate").txt(fields.createDate);
  xmp.ele(NS.xmp, "xmp:ModifyDate").txt(fields.createDate);
  xmp.ele(NS.xmp, "xmp:MetadataDate").txt(fields.createDate);

  const mm = describe("xmpMM");
  mm.ele(NS.xmpMM, "xmpMM:DocumentID").txt(fields.documentId);
  mm.ele(NS.xmpMM, "xmpMM:InstanceID").txt(fields.documentId);

  const fx = describe("fx");
  fx.ele(NS.fx, "fx:DocumentType").txt(FACTUR_X.documentType);
  fx.ele(NS.fx, "fx:DocumentFileName").txt(FACTUR_X.documentFileName);
  fx.ele(NS.fx, "fx:Version").txt(FACTUR_X.version);
  fx.ele(NS.fx, "fx:ConformanceLevel").txt(FACTUR_X.conformanceLevel);

  facturXExtensionSchema(describe("pdfaExtension"));
  doc.ins("xpacket", 'end="w"');
  return doc.end({ headless: true, prettyPrint: true });
}

function languageAlternative(parent: XMLBuilder, value: string): void {
  parent.ele(NS.rdf, "rdf:Alt").ele(NS.rdf, "rdf:li").att("xml:lang", "x-default").txt(value);
}

function facturXExtensionSchema(description: XMLBuilder): void {
  description.att("xmlns:pdfaSchema", NS.pdfaSchema).att("xmlns:pdfaProperty", NS.pdfaProperty);
  const schema = description
    .ele(NS.pdfaExtension, "pdfaExtension:schemas")
    .ele(NS.rdf, "rdf:Bag")
    .ele(NS.rdf, "rdf:li")
    .att(NS.rdf, "rdf:parseType", "Resource");
  schema.ele(NS.pdfaSchema, "pdfaSchema:schema").txt("Factur-X PDFA Extension Schema");
  schema.ele(NS.pdfaSchema, "pdfaSchema:namespaceURI").txt(NS.fx);
  schema.ele(NS.pdfaSchema, "pdfaSchema:prefix").txt("fx");
  const properties = schema.ele(NS.pdfaSchema, "pdfaSchema:property").ele(NS.rdf, "rdf:Seq");
  for (const [name, text] of FACTUR_X_PROPERTIES) {
    const property = properties.ele(NS.rdf, "rdf:li").att(NS.rdf, "rdf:parseType", "Resource");
    property.ele(NS.pdfaProperty, "pdfaProperty:name").txt(name);
    property.ele(NS.pdfaProperty, "pdfaProperty:valueType").txt("Text");
    property.ele(NS.pdfaProperty, "pdfaProperty:category").txt("external");
    property.ele(NS.pdfaProperty, "pdfaProperty:description").txt(text);
  }
}
