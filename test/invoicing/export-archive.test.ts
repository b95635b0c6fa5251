// The accountant's ZIP (GET /api/exports/invoices.zip and the dashboard download), unpacked with
// fflate: a README in the owner's language, the CSV, and beside each issued document's PDF its CII
// and its UBL, the UBL read by an XPath engine and agreeing with the CII field by field.
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/invoicing/export-names.ts";
import { invoices } from "../../src/platform/db/schema.ts";
import { ciiSummary, ublSummary } from "../helpers/ubl-summary.ts";
import { signedIn } from "../leads/helpers.ts";
import { draftInvoice, type InvoicingFixture, invoicingFixture, LINE } from "./api-fixture.ts";

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

async function issuedWithCreditNote(options: Parameters<typeof invoicingFixture>[0] = {}) {
  const f = await invoicingFixture(options);
  const { id } = await draftInvoice(f, [
    LINE,
    { description: "Livre technique", quantity: 2, unitPriceCents: 3_999, vatRate: 5.5 },
  ]);
  await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
  const credit = await f.json<{ id: string }>(
    `/api/invoices/${id}/credit-note`,
    { body: { lines: [{ ...LINE, quantity: 1 }] } },
    201,
  );
  return { f, ids: [id, credit.id] };
}

async function exportZip(f: InvoicingFixture, year = 2027) {
  const response = await f.api(`/api/exports/invoices.zip?year=${year}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="invoices-${year}.zip"`);
  return unzipSync(new Uint8Array(await response.arrayBuffer()));
}

function expectUniqueNames(names: string[]) {
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  for (const name of names)
    expect(name, name).toMatch(/^(?:(?:invoices|credit-notes)\/)?[A-Za-z0-9_-][\w.-]*$/);
}

describe("the accountant's ZIP", () => {
  it("puts each document's UBL beside its PDF and CII, agreeing with the CII, with a README and the CSV", async () => {
    const { f, ids } = await issuedWithCreditNote();
    const files = await exportZip(f);
    const names = Object.keys(files);
    expect(names.sort()).toEqual([
      "README.txt",
      "credit-notes/AV-2027-0001-ubl.xml",
      "credit-notes/AV-2027-0001.pdf",
      "credit-notes/AV-2027-0001.xml",
      "invoices-2027.csv",
      "invoices/F-2027-0001-ubl.xml",
      "invoices/F-2027-0001.pdf",
      "invoices/F-2027-0001.xml",
    ]);
    expectUniqueNames(names);
    expect(text(files["invoices-2027.csv"])).toBe(
      await (await f.api("/api/exports/invoices.csv?year=2027")).text(),
    );

    const paths = ["invoices/F-2027-0001", "credit-notes/AV-2027-0001"];
    const payable: string[] = [];
    for (const [index, id] of ids.entries()) {
      const base = paths[index]!;
      expect(text(files[`${base}.pdf`]?.subarray(0, 5))).toBe("%PDF-");
      const cii = text(files[`${base}.xml`]);
      expect(cii).toBe(await (await f.api(`/api/invoices/${id}/xml`)).text());
      const ubl = await ublSummary(text(files[`${base}-ubl.xml`]));
      const expected = await ciiSummary(cii);
      // UBL 2.1 gives a CreditNote no DueDate (see src/invoicing/ubl.ts); everything else agrees.
      const isCreditNote = base.startsWith("credit-notes/");
      expect(ubl.dueDate).toEqual(isCreditNote ? [] : expected.dueDate);
      expect({ ...ubl, dueDate: expected.dueDate }, base).toEqual(expected);
      payable.push(ubl.totals.at(-1)!);
    }
    // 12,000 + 79.98 net, 2,400 + 4.40 VAT; the credit note takes back one day (720 gross).
    expect(payable).toEqual(["14484.38", "720.00"]);

    const readme = text(files["README.txt"]);
    expect(readme).toContain("Export comptable 2027, généré le 2027-04-02.");
    expect(readme).toContain("1 facture(s) et 1 avoir(s)");
    for (const phrase of [
      "NUMERO.pdf : la facture Factur-X",
      "NUMERO.xml : ce même XML CII",
      "NUMERO-ubl.xml",
      "virgule",
    ])
      expect(readme).toContain(phrase);
    // Every CSV column is described, none left blank.
    const header = text(files["invoices-2027.csv"]).split("\r\n")[0]!.split(",");
    for (const column of header) expect(readme, column).toMatch(new RegExp(`^  ${column}: \\S`, "m"));
    expect(readme).not.toContain("Numéros modifiés");
  });

  it("writes the README in English for an English-speaking owner", async () => {
    const { f } = await issuedWithCreditNote({ locale: "en" });
    const readme = text((await exportZip(f))["README.txt"]);
    expect(readme).toContain("Accounting export for 2027, made on 2027-04-02.");
    expect(readme).toContain("NUMBER-ubl.xml: the same invoice as OASIS UBL 2.1");
    expect(readme).toContain("comma separator");
    expect(readme).not.toContain("facture");
  });

  it("makes numbers with slashes and accents safe file names, lists them, and keeps them in the XML", async () => {
    const { f, ids } = await issuedWithCreditNote();
    // Numbers as another tool may have written them (ours only allow ASCII prefixes).
    const renamed = ["FÉ/2027/0001", "AV/2027/0001"];
    for (const [index, id] of ids.entries()) {
      const row = await f.deps.database.db.select().from(invoices).where(eq(invoices.id, id)).get();
      await f.deps.database.db
        .update(invoices)
        .set({ number: renamed[index]!, document: { ...row!.document, number: renamed[index]! } })
        .where(eq(invoices.id, id));
    }
    const files = await exportZip(f);
    const invoiceBase = `invoices/FE_2027_0001-${fingerprint("FÉ/2027/0001")}`;
    const creditBase = `credit-notes/AV_2027_0001-${fingerprint("AV/2027/0001")}`;
    expect(Object.keys(files).sort()).toEqual([
      "README.txt",
      `${creditBase}-ubl.xml`,
      `${creditBase}.pdf`,
      `${creditBase}.xml`,
      "invoices-2027.csv",
      `${invoiceBase}-ubl.xml`,
      `${invoiceBase}.pdf`,
      `${invoiceBase}.xml`,
    ]);
    expectUniqueNames(Object.keys(files));
    expect((await ublSummary(text(files[`${invoiceBase}-ubl.xml`]))).number).toEqual(["FÉ/2027/0001"]);
    const readme = text(files["README.txt"]);
    expect(readme).toContain(`  FÉ/2027/0001 -> FE_2027_0001-${fingerprint("FÉ/2027/0001")}`);
    expect(readme).toContain("Numéros modifiés");
    // The same documents give the same names on the next export.
    expect(Object.keys(await exportZip(f)).sort()).toEqual(Object.keys(files).sort());
  });

  it("fails the download rather than end it cleanly when a document cannot be rendered mid-way", async () => {
    const { f, ids } = await issuedWithCreditNote();
    // A stored credit note whose XML no longer builds (no number inside): the CSV and the first
    // document go out, then this one throws.
    const row = await f.deps.database.db.select().from(invoices).where(eq(invoices.id, ids[1]!)).get();
    await f.deps.database.db
      .update(invoices)
      .set({ document: { ...row!.document, number: "" } })
      .where(eq(invoices.id, ids[1]!));
    const response = await f.api("/api/exports/invoices.zip?year=2027");
    expect(response.status).toBe(200);
    // No end record: an unzip tool reports a broken archive instead of one missing the credit note.
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it("holds only the README and the CSV header for a year without invoices", async () => {
    const f = await invoicingFixture();
    const files = await exportZip(f, 2026);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "invoices-2026.csv"]);
    expect(text(files["invoices-2026.csv"]).split("\r\n").filter(Boolean)).toHaveLength(1);
    expect(text(files["README.txt"])).toContain("0 facture(s) et 0 avoir(s)");
  });

  it("is the same archive from the dashboard's download link", async () => {
    const { f } = await issuedWithCreditNote();
    const response = await (await signedIn(f)).get("/dashboard/invoices/export/invoices-2027.zip");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="invoices-2027.zip"');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(Object.keys(await exportZip(f)).sort());
  });
});
