// The Worker's stand-in for xmlbuilder2 (src/platform/worker-xml-builder.ts) must write the very bytes
// xmlbuilder2 writes: the CII of real invoices and credit notes, the XMP packet, and random trees with
// hostile text, so a Factur-X document is the same whichever runtime produced it.

import { describe, expect, it, vi } from "vitest";
import { create as realCreate } from "xmlbuilder2";
import type { InvoiceDocument } from "../../src/invoicing/invoice-model.ts";
import { create as workerCreate } from "../../src/platform/worker-xml-builder.ts";
import {
  accentedClient,
  americanClient,
  frenchClient,
  germanClient,
  invoiceFor,
  microEntrepreneur,
  sasu,
} from "../invoicing/fixtures.ts";
import { randomLines, seededRandom } from "../invoicing/random-lines.ts";

type Tree = { [key: string]: unknown };
const HOSTILE = [
  "",
  "a & b",
  "<tag>",
  '"quoted"',
  "l'été",
  "tab\there",
  "line\nbreak",
  "]]>",
  "Zoë 😀",
  "\u00a0nbsp",
  "5 > 3",
];

function randomTree(random: () => number, depth: number): Tree {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tree: Tree = {};
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const roll = random();
    const name = `ram:E${Math.floor(random() * 5)}`;
    if (roll < 0.2) tree[`@a${i}`] = pick(HOSTILE);
    else if (roll < 0.3) tree["#"] = pick(HOSTILE);
    else if (roll < 0.5 || depth === 0) tree[name] = pick(HOSTILE);
    else if (roll < 0.65)
      tree[name] = [randomTree(random, depth - 1), pick(HOSTILE), randomTree(random, depth - 1)];
    else if (roll < 0.7) tree[name] = undefined;
    else tree[name] = randomTree(random, depth - 1);
  }
  return tree;
}

/** buildCii and buildXmp loaded once with each builder. */
async function withBuilder(builder: "real" | "worker") {
  vi.resetModules();
  if (builder === "worker")
    vi.doMock("xmlbuilder2", () => import("../../src/platform/worker-xml-builder.ts"));
  else vi.doUnmock("xmlbuilder2");
  const [cii, xmp] = await Promise.all([
    import("../../src/invoicing/cii.ts"),
    import("../../src/invoicing/pdf/xmp.ts"),
  ]);
  return { buildCii: cii.buildCii, buildXmp: xmp.buildXmp };
}

describe("the Worker's XML builder", () => {
  it("writes the same object trees as xmlbuilder2, hostile text included", () => {
    const random = seededRandom(8008);
    for (let run = 0; run < 300; run++) {
      const tree = {
        "rsm:Root": { "@xmlns:rsm": "urn:rsm", "@xmlns:ram": "urn:ram", ...randomTree(random, 3) },
      };
      const expected = realCreate({ version: "1.0", encoding: "UTF-8" }, tree as never).end({
        prettyPrint: true,
      });
      expect(
        workerCreate({ version: "1.0", encoding: "UTF-8" }, tree as never).end({ prettyPrint: true }),
      ).toBe(expected);
    }
  });

  it("writes the same CII for invoices and credit notes, and the same XMP packet", async () => {
    const random = seededRandom(42);
    const documents: InvoiceDocument[] = [
      invoiceFor(sasu, frenchClient),
      invoiceFor(microEntrepreneur, frenchClient),
      invoiceFor(sasu, germanClient),
      invoiceFor(sasu, accentedClient, { lines: randomLines(random), buyerReference: 'PO <42> & "co"' }),
      invoiceFor(sasu, americanClient, { lines: randomLines(random) }),
      invoiceFor(sasu, frenchClient, {
        typeCode: "381",
        number: "AV-2027-0001",
        precedingInvoice: { number: "F-2027-0001", issueDate: "2027-03-31" },
      } as Partial<InvoiceDocument>),
    ];
    const fields = {
      title: 'Facture F-2027-0001 — Société <Générale> & "Cie"',
      author: "Octet & Cie",
      subject: "Prestations de mars 2027",
      creatorTool: "Créneau",
      producer: "pdf-lib",
      createDate: "2027-03-31T10:00:00Z",
      documentId: "uuid:2f1c",
    };
    const real = await withBuilder("real");
    const expected = { cii: documents.map((d) => real.buildCii(d)), xmp: real.buildXmp(fields) };
    const worker = await withBuilder("worker");
    expect(documents.map((d) => worker.buildCii(d))).toEqual(expected.cii);
    expect(worker.buildXmp(fields)).toBe(expected.xmp);
    vi.doUnmock("xmlbuilder2");
  });
});
